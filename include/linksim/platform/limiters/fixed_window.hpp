// Fixed-window counter: at most `limit` units per window [origin + k·W, origin + (k+1)·W).
// Cheap and common (calendar-week caps), and it lets up to 2·limit through around a boundary.
#pragma once
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "linksim/platform/tick_clock.hpp"

namespace linksim::platform {

template <class Clock>
class FixedWindow final {
 public:
  using Tick = typename Clock::rep;
  /// Per-key state: the window index last charged and its count.
  struct State {
    std::int64_t window = std::numeric_limits<std::int64_t>::min();
    std::uint32_t count = 0;
  };

  /// @param limit  units per window, >= 1
  /// @param window window length in ticks, >= 1
  /// @param origin tick at which window 0 starts (day 0 is a Monday, so 0 gives calendar weeks)
  FixedWindow(std::uint32_t limit, Tick window, Tick origin = 0)
      : limit_(limit), window_(window), origin_(origin) {
    if (limit < 1) throw std::invalid_argument("FixedWindow: limit must be >= 1, got 0");
    if (window < 1)
      throw std::invalid_argument("FixedWindow: window must be >= 1 tick, got " + std::to_string(window));
  }

  std::int64_t index(Tick now) const { return floor_div_ticks(now - origin_, window_); }
  Tick window_start(std::int64_t index) const { return origin_ + index * window_; }
  /// Units charged in the window that contains `now`. Times must not go backwards.
  std::uint32_t used(const State& s, Tick now) const { return index(now) == s.window ? s.count : 0; }

  Admit<Tick> peek(const State& s, Tick now, std::uint32_t n = 1) const {
    if (n > limit_) return {false, Clock::kNever};
    if (std::uint64_t{used(s, now)} + n <= limit_) return {true, now};
    return {false, window_start(index(now) + 1)};
  }
  void commit(State& s, Tick now, std::uint32_t n = 1) const {
    const std::int64_t w = index(now);
    if (w != s.window) {
      s.window = w;
      s.count = 0;
    }
    s.count += n;
  }
  bool acquire(State& s, Tick now, std::uint32_t n = 1) const {
    const bool ok = peek(s, now, n).ok;
    if (ok) commit(s, now, n);
    return ok;
  }

  std::uint32_t limit() const { return limit_; }
  Tick window() const { return window_; }

 private:
  std::uint32_t limit_;
  Tick window_;
  Tick origin_;
};

}  // namespace linksim::platform
