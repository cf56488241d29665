// A sender's first-degree network as a bitmap, so that "how many mutual connections do the
// sender and v have?" costs O(degree(v)) instead of a row intersection or edge() scans.
// Reusable: marking a new sender clears the previous one's bits in O(its degree).
#pragma once
#include <cstdint>
#include <vector>

#include "linksim/graph/world.hpp"

namespace linksim::graph {

class NeighbourMarks final {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  explicit NeighbourMarks(const World& world);

  /// Makes `sender` the current sender (clears the previous one's marks).
  void mark(std::uint32_t sender);
  std::uint32_t sender() const { return sender_; }
  /// True if v is a connection of the current sender.
  bool is_neighbour(std::uint32_t v) const { return (bits_[v >> 6] >> (v & 63)) & 1u; }
  /// Connections shared by the current sender and v, O(degree(v)).
  std::uint32_t mutual_count(std::uint32_t v) const;

 private:
  void flip(std::uint32_t sender);

  const World* world_;
  std::vector<std::uint64_t> bits_;
  std::uint32_t sender_ = kNone;
};

/// A member two steps from the sender (not the sender, not a connection) and how many
/// connections they share.
struct SecondDegree {
  std::uint32_t member;
  std::uint32_t mutual;
};

/// The sender's second-degree pool with mutual counts, ascending by member id. Work is the sum
/// of the sender's neighbours' degrees; the scratch counters are reused between calls.
class SecondDegreePool final {
 public:
  explicit SecondDegreePool(const World& world);
  const std::vector<SecondDegree>& collect(std::uint32_t sender);

 private:
  const World* world_;
  NeighbourMarks marks_;
  std::vector<std::uint32_t> count_;
  std::vector<std::uint32_t> touched_;
  std::vector<SecondDegree> pool_;
};

}  // namespace linksim::graph
