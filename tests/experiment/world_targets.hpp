// A model::TargetSampler over a generated graph::World (docs/model.md, "On the real world"):
// prospects as the simulation's senders find them, with the world's attributes and latent traits
// instead of the synthetic population's assumptions.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/graph/neighbour_marks.hpp"
#include "linksim/graph/params.hpp"
#include "linksim/graph/world.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/model/calibration.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/sender_network.hpp"

namespace linksim::testing {

/// Senders are placed as the replication loop places them (experiment/sender_network.hpp): each
/// draws its connections from `connections` and takes the free member of the nearest degree.
/// Cold = a uniformly random member of the sender's industry who is not a connection (the
/// targeted_cold ICP pool), seen with no mutual connection as the simulation's searches see it; mutual = a uniformly random member of the sender's second-degree pool with at least 3
/// mutual connections (the mutual_first pool before its most-mutual-first ordering).
class WorldTargets final : public model::TargetSampler {
 public:
  WorldTargets(const graph::World& world, std::uint32_t senders, std::uint64_t seed,
               const experiment::CountDistribution& connections)
      : world_(world) {
    if (senders == 0) throw std::invalid_argument("WorldTargets: senders must be > 0");
    core::Rng rng = core::make_rng(seed, 0, core::Purpose::kTest, 0x7A26E7);
    graph::SecondDegreePool pool(world);
    experiment::DegreeIndex index(world);
    for (int attempt = 0; senders_.size() < senders && attempt < 100000; ++attempt) {
      const auto m = index.take(connections.draw(rng), rng);
      if (m >= world.num_members()) break;
      std::vector<std::uint32_t> warm;
      for (const auto& c : pool.collect(m))
        if (c.mutual >= 3) warm.push_back(c.member);
      if (warm.empty()) continue;
      senders_.push_back(m);
      warm_.push_back(std::move(warm));
    }
    if (senders_.empty()) throw std::invalid_argument("WorldTargets: no member qualifies as a sender");
  }

  model::Target draw(core::Rng& rng, model::Segment segment) override {
    const auto i = core::uniform_below(rng, static_cast<std::uint32_t>(senders_.size()));
    const std::uint32_t s = senders_[i];
    std::uint32_t v = 0;
    if (segment == model::Segment::kMutual) {
      v = warm_[i][core::uniform_below(rng, static_cast<std::uint32_t>(warm_[i].size()))];
    } else {
      // The practitioners' samples are salespeople's sends to their ideal customer profile: a
      // member of the sender's industry (the targeted_cold ICP pool).
      do v = core::uniform_below(rng, world_.num_members());
      while (v == s || world_.connected(s, v) || world_.industry(v) != world_.industry(s));
    }
    model::Target t = target(s, v);
    // A search result is a stranger to the response models (strategy::Prospects::mutual_seen).
    if (segment != model::Segment::kMutual) t.mutual_connections = 0;
    return t;
  }

  /// The prospect v as sender s sees it.
  model::Target target(std::uint32_t s, std::uint32_t v) const {
    model::Target t;
    t.seniority = static_cast<std::uint8_t>(world_.seniority(v));
    t.same_industry = world_.industry(v) == world_.industry(s);
    t.same_region = world_.region(v) == world_.region(s);
    t.mutual_connections = mutual(s, v);
    t.accept_propensity = static_cast<float>(world_.accept_propensity(v));
    t.report_propensity = static_cast<float>(world_.report_propensity(v));
    t.activity = static_cast<float>(world_.activity(v));
    t.email = static_cast<model::EmailDomain>(static_cast<std::uint8_t>(world_.email(v)));
    return t;
  }

  const std::vector<std::uint32_t>& senders() const { return senders_; }

 private:
  std::uint32_t mutual(std::uint32_t u, std::uint32_t v) const {
    const auto a = world_.neighbours(u), b = world_.neighbours(v);
    std::uint32_t n = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i] < b[j]) ++i;
      else if (b[j] < a[i]) ++j;
      else {
        ++n;
        ++i;
        ++j;
      }
    }
    return n;
  }

  const graph::World& world_;
  std::vector<std::uint32_t> senders_;
  std::vector<std::vector<std::uint32_t>> warm_;
};

/// The default world: the built-in default scenario's world, its seed, replication 0. Generated
/// once per process.
inline const graph::World& default_world() {
  static const graph::World world = [] {
    const config::Scenario s = config::default_scenario();
    const auto params = graph::graph_params_from_json(s.arms.at(0).config.at("world"), "/world");
    return graph::generate_world(params, s.seed, 0, 1);
  }();
  return world;
}

/// The prospects the response defaults are fitted to (docs/model.md, "How the defaults were
/// fitted"): 200 senders of the default world, placed with seed 1 as the default cohort's
/// network says.
inline WorldTargets default_world_targets() {
  const auto plan = experiment::build_arm_plan(config::default_scenario(), 0);
  return WorldTargets(default_world(), 200, 1, plan.cohorts.at(0).network.connections);
}

}  // namespace linksim::testing
