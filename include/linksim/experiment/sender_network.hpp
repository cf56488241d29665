// A sender's own network, independent of the world's size: how many connections and followers
// the sender has is drawn from the cohort's distributions, and the sender is placed on a member
// whose degree matches. A strategy's outcome then depends on who the sender is, not on how many
// members the world simulates (docs/model.md, "Senders' networks").
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/errors.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/graph/world.hpp"

namespace linksim::experiment {

struct ArmPlan;

/// A lognormal count: median * exp(sigma * N(0, 1)), rounded, clipped to [min, max].
struct CountDistribution {
  double median = 0;
  double sigma = 0;
  std::uint32_t min = 0;
  std::uint32_t max = 0;

  std::uint32_t draw(core::Rng& rng) const;
};

/// `senders.<cohort>.network` in a scenario.
struct SenderNetwork {
  CountDistribution connections;  ///< first-degree connections (the member's degree)
  CountDistribution followers;    ///< followers who are not connections (content's audience)
};

/// Where a sender sits in the world: its member and its followers at the start.
struct SenderSeat {
  std::uint32_t member = 0;
  std::uint32_t followers = 0;
};

/// Reads `network` (defaults already applied by the schema); `path` is its JSON Pointer.
SenderNetwork sender_network_from_json(const nlohmann::json& j, const std::string& path, std::vector<config::Issue>& issues);

/// Members sorted by degree, for placing senders on members whose degree matches a drawn one.
class DegreeIndex final {
 public:
  explicit DegreeIndex(const graph::World& world);
  /// An untaken member with the degree nearest `degree` (ties: a uniform pick among the members
  /// of that degree, then the nearest degree above or below, alternating), marked taken. Returns
  /// the world's size if every member is taken.
  std::uint32_t take(std::uint32_t degree, core::Rng& rng);

 private:
  std::vector<std::uint32_t> by_degree_;  ///< member ids by ascending degree (ties by id)
  std::vector<std::uint32_t> degree_;     ///< degree of by_degree_[i]
  // Taken positions are skipped by two path-compressed forests: right_[i] leads to the first
  // free position >= i (n: none), left_[i] to k with k - 1 the last free position < i (0: none).
  std::vector<std::uint32_t> right_, left_;
  std::uint32_t free_at_or_after(std::uint32_t pos);
  std::uint32_t free_before(std::uint32_t pos);
};

/// Where each sender of a replication sits, in global order (cohorts in plan order). Each sender
/// draws its connections and followers from its cohort's distributions on a stream keyed by its
/// index only, and takes the free member whose degree is nearest: sender i is the same member in
/// every arm whose cohorts agree (common random numbers), and its network does not depend on the
/// world's size. Throws std::invalid_argument if there are more senders than members.
std::vector<SenderSeat> place_senders(const graph::World& world, const ArmPlan& plan, std::uint64_t seed, std::uint32_t rep);

}  // namespace linksim::experiment
