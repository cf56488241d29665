// Exact, order-independent sum of doubles: each term is truncated to a multiple of 2^-40 and
// added as a 128-bit integer, so shards that split the senders differently give the same bits.
#pragma once
#include <cmath>
#include <cstdint>

namespace linksim::experiment {

__extension__ typedef __int128 Int128;  // GCC and Clang; __extension__ keeps -Wpedantic quiet

class ExactSum {
 public:
  void add(double v) {
    const double scaled = std::ldexp(v, kScale);
    // Through int64 when it fits (one instruction; the 128-bit conversion is a library call).
    sum_ += std::abs(scaled) < 0x1p62 ? static_cast<Int128>(static_cast<std::int64_t>(scaled)) : static_cast<Int128>(scaled);
  }
  void add(const ExactSum& o) { sum_ += o.sum_; }
  double value() const { return std::ldexp(static_cast<double>(sum_), -kScale); }

 private:
  static constexpr int kScale = 40;
  Int128 sum_ = 0;
};

}  // namespace linksim::experiment
