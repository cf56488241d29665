// Clock units for the limiter algorithms. The simulator ticks in seconds; the reference vectors
// (tests/data/vectors) tick in milliseconds, so every algorithm is a template over its clock.
#pragma once
#include <cstdint>
#include <limits>

namespace linksim::platform {

/// An integer clock: `rep` ticks, `kTicksPerSecond` of them per second.
template <std::int64_t TicksPerSecond>
struct TickClock {
  static_assert(TicksPerSecond > 0, "a clock needs a positive tick rate");
  using rep = std::int64_t;
  static constexpr rep kTicksPerSecond = TicksPerSecond;
  /// "No time will do" (a request that can never pass).
  static constexpr rep kNever = std::numeric_limits<rep>::max();
};

using SecondClock = TickClock<1>;     ///< the simulator's clock (core::Time)
using MilliClock = TickClock<1000>;   ///< the reference vectors' clock

/// A limiter's answer to "may n units pass at `now`?": if not, the earliest tick at which they
/// could if nothing else happens (Clock::kNever when no wait is enough).
template <class Tick>
struct Admit {
  bool ok = false;
  Tick retry_at = 0;
};

/// Floor division that is right for negative ticks too (window indices before the origin).
constexpr std::int64_t floor_div_ticks(std::int64_t t, std::int64_t unit) {
  return t >= 0 ? t / unit : -((-t + unit - 1) / unit);
}

}  // namespace linksim::platform
