// A keyed pseudo-random permutation of [0, n): walks a candidate range in random order without
// storing it and without repeats (so a sender never picks the same prospect twice, in O(1) memory).
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"

namespace linksim::strategy {

/// A 4-round Feistel network on the smallest even-bit power of two >= n, with cycle walking to
/// stay inside [0, n). Each index maps to a distinct value; the expected walk length is < 4.
class Permutation final {
 public:
  Permutation() = default;
  Permutation(std::uint64_t n, std::uint64_t key) : n_(n) {
    while ((std::uint64_t{1} << (2 * half_bits_)) < n) ++half_bits_;
    mask_ = (std::uint64_t{1} << half_bits_) - 1;
    for (int r = 0; r < 4; ++r) keys_[r] = core::mix64(key + 0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(r + 1));
  }
  std::uint64_t size() const { return n_; }
  /// The i-th element of the permutation, i in [0, n).
  std::uint64_t operator()(std::uint64_t i) const {
    std::uint64_t x = i;
    do x = encrypt(x);
    while (x >= n_);
    return x;
  }

 private:
  std::uint64_t encrypt(std::uint64_t x) const {
    std::uint64_t left = x >> half_bits_, right = x & mask_;
    for (std::uint64_t k : keys_) {
      const std::uint64_t next = left ^ (core::mix64(right ^ k) & mask_);
      left = right;
      right = next;
    }
    return (left << half_bits_) | right;
  }

  std::uint64_t n_ = 0;
  unsigned half_bits_ = 1;
  std::uint64_t mask_ = 1;
  std::uint64_t keys_[4] = {};
};

}  // namespace linksim::strategy
