// Sliding-window log: at most `limit` units in any window (now - W, now]. Exact (a rolling
// 7-day cap never lets more than `limit` through in any 7 days), at the price of one stamp per
// unit: the log is a ring of the last `limit` stamps, which the caller stores (so a rule can keep
// every sender's ring in one flat array).
#pragma once
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

#include "linksim/platform/tick_clock.hpp"

namespace linksim::platform {

/// @tparam Stamp the stored type of a tick (int32 seconds halves a rule's memory in the simulator).
template <class Clock, class Stamp = typename Clock::rep>
class SlidingLog final {
 public:
  using Tick = typename Clock::rep;
  /// Per-key state besides the ring: where the next stamp goes and how many are stored.
  struct State {
    std::uint32_t head = 0;
    std::uint32_t size = 0;
  };

  /// @param limit  units per window, >= 1 (also the ring size)
  /// @param window window length in ticks, >= 1
  SlidingLog(std::uint32_t limit, Tick window) : limit_(limit), window_(window) {
    if (limit < 1) throw std::invalid_argument("SlidingLog: limit must be >= 1, got 0");
    if (window < 1)
      throw std::invalid_argument("SlidingLog: window must be >= 1 tick, got " + std::to_string(window));
  }

  /// The k-th most recent stamp (k = 0 is the newest); k < s.size.
  Tick recent(const State& s, std::span<const Stamp> ring, std::uint32_t k) const {
    std::uint32_t i = s.head + limit_ - 1 - k;  // < 2·limit: one subtraction instead of a division
    if (i >= limit_) i -= limit_;
    return static_cast<Tick>(ring[i]);
  }

  /// n units fit iff the (limit - n)-th most recent unit has left the window; O(1).
  Admit<Tick> peek(const State& s, std::span<const Stamp> ring, Tick now, std::uint32_t n = 1) const {
    if (n > limit_) return {false, Clock::kNever};
    const std::uint32_t k = limit_ - n;
    if (k >= s.size) return {true, now};
    const Tick t = recent(s, ring, k);
    if (t <= now - window_) return {true, now};
    return {false, t + window_};
  }
  void commit(State& s, std::span<Stamp> ring, Tick now, std::uint32_t n = 1) const {
    for (std::uint32_t i = 0; i < n; ++i) {
      ring[s.head] = static_cast<Stamp>(now);
      s.head = s.head + 1 == limit_ ? 0 : s.head + 1;
      if (s.size < limit_) ++s.size;
    }
  }
  bool acquire(State& s, std::span<Stamp> ring, Tick now, std::uint32_t n = 1) const {
    const bool ok = peek(s, ring, now, n).ok;
    if (ok) commit(s, ring, now, n);
    return ok;
  }
  /// Units inside (now - W, now].
  std::uint32_t used(const State& s, std::span<const Stamp> ring, Tick now) const {
    std::uint32_t c = 0;
    while (c < s.size && recent(s, ring, c) > now - window_) ++c;
    return c;
  }

  std::uint32_t limit() const { return limit_; }
  Tick window() const { return window_; }

 private:
  std::uint32_t limit_;
  Tick window_;
};

}  // namespace linksim::platform
