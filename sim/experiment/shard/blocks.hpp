// Append-only storage in blocks of 2^16: ids stay indices, and growing to tens of millions of
// records neither copies them into a buffer twice the size nor leaves up to half of it unused.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

namespace linksim::experiment {

template <class T>
class Blocks {
 public:
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return blocks_[i >> kBits][i & kMask]; }
  const T& operator[](std::size_t i) const { return blocks_[i >> kBits][i & kMask]; }
  void push_back(const T& v) {
    if ((size_ & kMask) == 0) blocks_.push_back(std::make_unique<T[]>(kMask + 1));
    blocks_.back()[size_ & kMask] = v;
    ++size_;
  }

 private:
  static constexpr unsigned kBits = 16;
  static constexpr std::size_t kMask = (std::size_t{1} << kBits) - 1;
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace linksim::experiment
