// Senders' own networks: counts drawn per cohort, members matched by degree.
#include "linksim/experiment/sender_network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "experiment/shard/streams.hpp"
#include "linksim/experiment/arm_plan.hpp"

namespace linksim::experiment {

std::uint32_t CountDistribution::draw(core::Rng& rng) const {
  const double x = median * std::exp(sigma * core::normal(rng));
  const double clipped = std::clamp(std::round(x), static_cast<double>(min), static_cast<double>(max));
  return static_cast<std::uint32_t>(clipped);
}

namespace {

CountDistribution count_from_json(const nlohmann::json& j, const std::string& path, std::vector<config::Issue>& issues) {
  CountDistribution d;
  d.median = j.at("median").get<double>();
  d.sigma = j.at("sigma").get<double>();
  d.min = j.at("min").get<std::uint32_t>();
  d.max = j.at("max").get<std::uint32_t>();
  // The schema bounds each field; only the relation between them is checked here.
  if (d.min > d.max)
    issues.push_back({path + "/min", "min <= max (" + std::to_string(d.max) + ")", std::to_string(d.min), ""});
  return d;
}

}  // namespace

SenderNetwork sender_network_from_json(const nlohmann::json& j, const std::string& path, std::vector<config::Issue>& issues) {
  SenderNetwork n;
  n.connections = count_from_json(j.at("connections"), path + "/connections", issues);
  n.followers = count_from_json(j.at("followers"), path + "/followers", issues);
  return n;
}

DegreeIndex::DegreeIndex(const graph::World& world) {
  const auto n = world.num_members();
  by_degree_.resize(n);
  std::iota(by_degree_.begin(), by_degree_.end(), 0u);
  std::stable_sort(by_degree_.begin(), by_degree_.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return world.degree(a) < world.degree(b); });
  degree_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) degree_[i] = world.degree(by_degree_[i]);
  right_.resize(n + 1);
  std::iota(right_.begin(), right_.end(), 0u);
  left_.resize(n + 1);
  std::iota(left_.begin(), left_.end(), 0u);
}

std::uint32_t DegreeIndex::free_at_or_after(std::uint32_t pos) {
  while (right_[pos] != pos) pos = right_[pos] = right_[right_[pos]];
  return pos;
}

std::uint32_t DegreeIndex::free_before(std::uint32_t pos) {
  while (left_[pos] != pos) pos = left_[pos] = left_[left_[pos]];
  return pos;
}

std::uint32_t DegreeIndex::take(std::uint32_t degree, core::Rng& rng) {
  const auto n = static_cast<std::uint32_t>(by_degree_.size());
  const auto lo = static_cast<std::uint32_t>(std::lower_bound(degree_.begin(), degree_.end(), degree) - degree_.begin());
  const auto hi = static_cast<std::uint32_t>(std::upper_bound(degree_.begin(), degree_.end(), degree) - degree_.begin());
  auto claim = [&](std::uint32_t pos) {
    right_[pos] = pos + 1;
    left_[pos + 1] = pos;
    return by_degree_[pos];
  };
  if (lo < hi) {
    // A uniform pick among the members of this degree; if taken, the next free one in the range.
    std::uint32_t pos = free_at_or_after(lo + core::uniform_below(rng, hi - lo));
    if (pos >= hi) pos = free_at_or_after(lo);
    if (pos < hi) return claim(pos);
  }
  // Every member of this degree is taken (or there is none): the nearest degree either side.
  const std::uint32_t up = free_at_or_after(hi);
  const std::uint32_t down = free_before(lo);  // the free position is down - 1; 0: none
  const bool has_up = up < n, has_down = down > 0;
  if (!has_up && !has_down) return n;
  if (!has_down) return claim(up);
  if (!has_up) return claim(down - 1);
  return degree_[up] - degree <= degree - degree_[down - 1] ? claim(up) : claim(down - 1);
}

std::vector<SenderSeat> place_senders(const graph::World& world, const ArmPlan& plan, std::uint64_t seed, std::uint32_t rep) {
  std::vector<SenderSeat> seats;
  seats.reserve(plan.facts.senders);
  DegreeIndex index(world);
  for (const CohortPlan& cohort : plan.cohorts) {
    for (std::size_t i = 0; i < cohort.count; ++i) {
      core::Rng pick = streams::sender(seed, rep, streams::kSenderMember, seats.size());
      const std::uint32_t degree = cohort.network.connections.draw(pick);
      SenderSeat seat;
      seat.followers = cohort.network.followers.draw(pick);
      seat.member = index.take(degree, pick);
      if (seat.member >= world.num_members())
        throw std::invalid_argument("more senders (" + std::to_string(plan.facts.senders) + ") than members (" +
                                    std::to_string(world.num_members()) + ")");
      seats.push_back(seat);
    }
  }
  return seats;
}

}  // namespace linksim::experiment
