#include "linksim/graph/neighbour_marks.hpp"

#include <algorithm>
#include <stdexcept>

namespace linksim::graph {

NeighbourMarks::NeighbourMarks(const World& world)
    : world_(&world), bits_((world.num_members() + 63) / 64, 0) {}

void NeighbourMarks::flip(std::uint32_t s) {
  for (std::uint32_t u : world_->neighbours(s)) bits_[u >> 6] ^= std::uint64_t{1} << (u & 63);
}

void NeighbourMarks::mark(std::uint32_t sender) {
  if (sender >= world_->num_members())
    throw std::out_of_range("NeighbourMarks::mark: sender " + std::to_string(sender) + " is not a member");
  if (sender == sender_) return;
  if (sender_ != kNone) flip(sender_);  // rows have no duplicates, so xor clears exactly
  flip(sender);
  sender_ = sender;
}

std::uint32_t NeighbourMarks::mutual_count(std::uint32_t v) const {
  std::uint32_t k = 0;
  for (std::uint32_t u : world_->neighbours(v)) k += is_neighbour(u);
  return k;
}

SecondDegreePool::SecondDegreePool(const World& world)
    : world_(&world), marks_(world), count_(world.num_members(), 0) {}

const std::vector<SecondDegree>& SecondDegreePool::collect(std::uint32_t sender) {
  marks_.mark(sender);
  for (std::uint32_t u : world_->neighbours(sender))
    for (std::uint32_t x : world_->neighbours(u))
      if (x != sender && !marks_.is_neighbour(x) && count_[x]++ == 0) touched_.push_back(x);
  std::sort(touched_.begin(), touched_.end());
  pool_.clear();
  for (std::uint32_t x : touched_) {
    pool_.push_back({x, count_[x]});
    count_[x] = 0;
  }
  touched_.clear();
  return pool_;
}

}  // namespace linksim::graph
