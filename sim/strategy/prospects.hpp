// Where a sender's prospects come from: the targeting component. Walks a candidate range in a
// keyed random order (no repeats, no storage), or the second-degree pool by mutual count.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "linksim/graph/world.hpp"
#include "linksim/strategy/permutation.hpp"
#include "linksim/strategy/pool_cache.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::strategy {

/// Mutual connections of u and v in the world graph (merge of two sorted rows, O(deg u + deg v)).
std::uint32_t mutual_count(const graph::World& w, std::uint32_t u, std::uint32_t v);

/// A one-hash Bloom filter over member ids, a power of two of at least 64 bits: no false
/// negatives; a set bit only says "maybe". The sender's connections and the sender's
/// second-degree network are each kept in one.
class BitFilter final {
 public:
  BitFilter() = default;
  explicit BitFilter(std::uint64_t at_least_bits) {
    unsigned log2_bits = 6;
    while ((std::uint64_t{1} << log2_bits) < at_least_bits) ++log2_bits;
    words_.assign((std::size_t{1} << log2_bits) / 64, 0);
    shift_ = 64 - log2_bits;
  }
  bool empty() const { return words_.empty(); }
  void add(std::uint32_t v) {
    const std::uint64_t h = slot(v);
    words_[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
  bool maybe(std::uint32_t v) const {
    const std::uint64_t h = slot(v);
    return (words_[h >> 6] >> (h & 63)) & 1u;
  }

 private:
  std::uint64_t slot(std::uint32_t v) const { return (std::uint64_t{v} * 0x9E3779B97F4A7C15ull) >> shift_; }
  std::vector<std::uint64_t> words_;
  unsigned shift_ = 64;
};

/// One member's connections with a one-hash Bloom filter in front of the sorted row (about 16
/// bits per connection): "is v a connection?" and "how many connections do we share with v?"
/// are answered exactly, but most members who are not connections are ruled out by one bit test
/// instead of a search of the row (the filter only says "maybe"; a maybe is checked in the row).
class NeighbourSet final {
 public:
  NeighbourSet() = default;
  NeighbourSet(const graph::World& world, std::uint32_t member);

  bool contains(std::uint32_t v) const { return bits_.maybe(v) && std::binary_search(row_.begin(), row_.end(), v); }
  /// Equals mutual_count(world, member, v): O(deg v) bit tests, a row search per maybe.
  std::uint32_t mutual_count(const graph::World& world, std::uint32_t v) const;

 private:
  std::span<const std::uint32_t> row_;
  BitFilter bits_;
};

class Prospects final {
 public:
  /// @param precision share of ICP search results that really match the profile (the plan's
  ///        search-filter precision); the rest come from outside the profile.
  /// @param pool_limit at most this many second-degree prospects are kept (those with the most
  ///        mutual connections): a sender who can send N invitations in the run needs no more,
  ///        and a population of 10^5 senders cannot hold every pool in full.
  /// @param cache where second-degree pools are shared with other arms on the same world (or null)
  Prospects(const graph::World& world, std::uint32_t sender, const Targeting& t, double precision, std::uint64_t key,
            std::size_t pool_limit = SIZE_MAX, PoolCache* cache = nullptr);

  /// The next member to contact, or nothing when the pool is exhausted. `rng_u` is a uniform
  /// draw in [0, 1) deciding whether an ICP search result is on-profile.
  std::optional<std::uint32_t> next(double rng_u);
  /// Mutual connections of the sender and v (equal to mutual_count(world, sender, v)): the
  /// second-degree pool already counted them for its recent picks, and the sender's
  /// NeighbourSet answers the rest without a merge of the two rows.
  std::uint32_t mutual_count(std::uint32_t v);
  /// The mutual connections the response models see: the count for the second-degree pool,
  /// 0 for the result of an anyone or ICP search. Those are strangers: LinkedIn has more than a
  /// billion members, so a search result is almost never among the ~10^5 members two steps from
  /// a 250-connection sender, while a simulated world of 10^5 members packs that second degree
  /// into the sender's industry and gave most cold prospects chance mutual connections, so that
  /// acceptance fell as the world grew (docs/model.md, "Senders' networks").
  std::uint32_t mutual_seen(std::uint32_t v) { return searches() ? 0 : mutual_count(v); }
  /// True for the anyone and ICP pools (search results), false for the second-degree pool.
  bool searches() const { return t_.pool != Pool::kSecondDegree; }
  /// False if mutual_seen(v) would answer without reading v's row (a search result, or a
  /// recent pick of the second-degree pool).
  bool reads_row(std::uint32_t v) const { return !searches() && !recent_pick(v); }
  /// Prospects the pool holds at the start of the run: the second-degree pool as kept (at most
  /// pool_limit), else the members matching the profile who are neither the sender nor a
  /// connection. An ICP search also returns off-profile members (a share 1 - precision of its
  /// results); they are not counted, so a sender reaches about pool_size / precision members
  /// before the pool runs dry. Builds a second-degree pool not built yet; a profile's members are
  /// counted once per world when a cache is shared.
  std::uint64_t pool_size();
  /// Candidates examined so far (for tests and diagnostics).
  std::uint64_t examined() const { return examined_; }

 private:
  bool eligible(std::uint32_t v, bool on_profile) const;
  bool matches(std::uint32_t v) const;
  std::optional<std::uint32_t> walk(const Permutation& perm, std::uint64_t& pos, std::uint32_t offset, bool on_profile);
  void build_second_degree();
  std::uint64_t count_profile() const;
  /// Index + 1 of v among the pool's last 8 picks, 0 if it is not one: a pick is usually asked
  /// about right after next() returned it (or when a refused one is retried).
  std::size_t recent_pick(std::uint32_t v) const {
    for (std::size_t i = second_pos_, back = 0; i > 0 && back < 8; --i, ++back)
      if (second_->members[i - 1] == v) return i;
    return 0;
  }
  /// A profile on industry (and region) is exactly the id range [range_lo_, range_hi_) (other
  /// filters, seniority and open networking, are still checked member by member).
  bool profile_is_range() const { return t_.pool == Pool::kIcp && t_.same_industry; }

  const graph::World& world_;
  std::uint32_t sender_;
  Targeting t_;
  double precision_;
  std::uint32_t range_lo_ = 0, range_hi_ = 0;  ///< the profile's id range (all members without one)
  Permutation in_range_, anywhere_;
  std::uint64_t in_pos_ = 0, any_pos_ = 0, examined_ = 0;
  NeighbourSet mine_;  ///< the sender's connections
  std::shared_ptr<const SecondDegreePool> second_;  ///< null until built (at the first next())
  std::size_t second_pos_ = 0;
  std::size_t pool_limit_ = SIZE_MAX;
  PoolCache* cache_ = nullptr;
  std::optional<std::uint64_t> pool_size_;
};

}  // namespace linksim::strategy
