// Sliding-window counter (the weighted-previous-window estimate popularised by Cloudflare): two
// counters per key, and the estimate prev·(W − elapsed)/W + cur must stay within the limit.
// Computed in integers (prev·(W − e) + cur·W <= limit·W) so it is exact and platform-independent.
#pragma once
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "linksim/platform/tick_clock.hpp"

namespace linksim::platform {

template <class Clock>
class SlidingCounter final {
 public:
  using Tick = typename Clock::rep;
  struct State {
    std::int64_t window = std::numeric_limits<std::int64_t>::min();
    std::uint32_t cur = 0;
    std::uint32_t prev = 0;
  };

  /// @param limit  units per window, >= 1
  /// @param window window length in ticks, >= 1; limit·window must stay below 2^62
  SlidingCounter(std::uint32_t limit, Tick window, Tick origin = 0)
      : limit_(limit), window_(window), origin_(origin) {
    if (limit < 1) throw std::invalid_argument("SlidingCounter: limit must be >= 1, got 0");
    if (window < 1)
      throw std::invalid_argument("SlidingCounter: window must be >= 1 tick, got " + std::to_string(window));
    if (window > (std::int64_t{1} << 62) / (2 * std::int64_t{limit} + 2))
      throw std::invalid_argument("SlidingCounter: limit * window too large for exact arithmetic");
  }

  std::int64_t index(Tick now) const { return floor_div_ticks(now - origin_, window_); }

  /// The counters as seen from the window that holds `now`.
  State view(const State& s, Tick now) const {
    const std::int64_t w = index(now);
    if (w == s.window) return s;
    if (w == s.window + 1) return State{w, 0, s.cur};
    return State{w, 0, 0};
  }
  /// prev·(W − e) + cur·W, the estimate scaled by W.
  std::int64_t scaled_estimate(const State& s, Tick now) const {
    const State v = view(s, now);
    const Tick e = now - (origin_ + v.window * window_);
    return std::int64_t{v.prev} * (window_ - e) + std::int64_t{v.cur} * window_;
  }

  Admit<Tick> peek(const State& s, Tick now, std::uint32_t n = 1) const {
    if (n > limit_) return {false, Clock::kNever};
    const State v = view(s, now);
    const Tick start = origin_ + v.window * window_;
    const Tick e = now - start;
    const std::int64_t budget = std::int64_t{limit_} - v.cur - n;  // what prev's weight may use
    if (std::int64_t{v.prev} * (window_ - e) <= budget * window_) return {true, now};
    if (budget >= 0) {
      // Within this window the weight falls until prev·(W − e) <= budget·W.
      const Tick e_min = window_ - (budget * window_) / v.prev;
      if (e_min < window_) return {false, start + e_min};
    }
    // Next window: prev' = cur, cur' = 0.
    const Tick next = start + window_;
    const std::int64_t b2 = std::int64_t{limit_} - n;
    if (v.cur == 0 || std::int64_t{v.cur} * window_ <= b2 * window_) return {false, next};
    return {false, next + window_ - (b2 * window_) / v.cur};
  }
  void commit(State& s, Tick now, std::uint32_t n = 1) const {
    s = view(s, now);
    s.cur += n;
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
