// Walker/Vose alias tables for drawing members in proportion to integer weights, one table per
// group (industry, region, industry x region, or everyone), all stored in one array.
#pragma once
#include <cstdint>
#include <vector>

#include "linksim/core/rng.hpp"

namespace linksim::graph {

class GroupedAlias final {
 public:
  /// `order` lists member ids grouped: group g is order[offsets[g] .. offsets[g+1]).
  /// `weight[id]` is the member's weight (0 = never drawn). W is std::uint32_t or std::uint64_t.
  template <class W>
  GroupedAlias(const std::vector<std::uint32_t>& order, std::vector<std::uint32_t> offsets,
               const std::vector<W>& weight);

  std::uint32_t groups() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
  /// True when nothing in the group can be drawn.
  bool empty(std::uint32_t group) const { return total_[group] == 0; }
  std::uint64_t total(std::uint32_t group) const { return total_[group]; }

  /// A member id of `group`, drawn with probability weight / total. The group must not be empty.
  std::uint32_t sample(core::Rng& rng, std::uint32_t group) const {
    const std::uint32_t begin = offsets_[group];
    const Slot& s = slots_[begin + core::uniform_below(rng, offsets_[group + 1] - begin)];
    return rng() < s.threshold ? s.primary : s.alias;
  }

 private:
  struct Slot {
    std::uint32_t threshold;  ///< P(primary) * 2^32
    std::uint32_t primary;
    std::uint32_t alias;
  };
  template <class W>
  void build_group(const std::vector<std::uint32_t>& order, std::uint32_t group,
                   const std::vector<W>& weight);

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint64_t> total_;
};

}  // namespace linksim::graph
