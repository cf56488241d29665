// Where a sender's prospects come from: the targeting component. Walks a candidate range in a
// keyed random order (no repeats, no storage), or the second-degree pool by mutual count.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "linksim/graph/world.hpp"
#include "linksim/strategy/permutation.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::strategy {

/// Mutual connections of u and v in the world graph (merge of two sorted rows, O(deg u + deg v)).
std::uint32_t mutual_count(const graph::World& w, std::uint32_t u, std::uint32_t v);

class Prospects final {
 public:
  /// @param precision share of ICP search results that really match the profile (the plan's
  ///        search-filter precision); the rest come from outside the profile.
  /// @param pool_limit at most this many second-degree prospects are kept (those with the most
  ///        mutual connections): a sender who can send N invitations in the run needs no more,
  ///        and a population of 10^5 senders cannot hold every pool in full.
  Prospects(const graph::World& world, std::uint32_t sender, const Targeting& t, double precision, std::uint64_t key,
            std::size_t pool_limit = SIZE_MAX);

  /// The next member to contact, or nothing when the pool is exhausted. `rng_u` is a uniform
  /// draw in [0, 1) deciding whether an ICP search result is on-profile.
  std::optional<std::uint32_t> next(double rng_u);
  /// Candidates examined so far (for tests and diagnostics).
  std::uint64_t examined() const { return examined_; }

 private:
  bool eligible(std::uint32_t v, bool on_profile) const;
  bool matches(std::uint32_t v) const;
  std::optional<std::uint32_t> walk(const Permutation& perm, std::uint64_t& pos, std::uint32_t offset, bool on_profile);
  void build_second_degree();

  const graph::World& world_;
  std::uint32_t sender_;
  Targeting t_;
  double precision_;
  std::uint32_t range_lo_ = 0;
  Permutation in_range_, anywhere_;
  std::uint64_t in_pos_ = 0, any_pos_ = 0, examined_ = 0;
  bool second_built_ = false;
  std::vector<std::uint32_t> second_;  ///< second-degree pool, most mutual connections first
  std::size_t second_pos_ = 0;
  std::size_t pool_limit_ = SIZE_MAX;
};

}  // namespace linksim::strategy
