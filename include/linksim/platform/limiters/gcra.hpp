// GCRA (generic cell rate algorithm, virtual-scheduling form) with a per-request quantity, as in
// throttled (rate.go) and redis-cell: one stored tick per key, the theoretical arrival time TAT.
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "linksim/platform/tick_clock.hpp"

namespace linksim::platform {

template <class Clock>
class Gcra final {
 public:
  using Tick = typename Clock::rep;
  struct State {
    Tick tat = 0;
    bool set = false;  ///< a missing key behaves as TAT = now
  };
  /// What throttled reports for one call.
  struct Result {
    bool limited = false;
    std::int64_t limit = 0;
    std::int64_t remaining = 0;
    Tick reset_after = 0;               ///< ticks until the key is back to empty
    std::optional<Tick> retry_after;    ///< only for a limited request that could ever pass
  };

  /// @param emission_interval T: ticks per unit at the sustained rate, >= 1
  /// @param max_burst units that may pass at once beyond the first, >= 0 (limit = max_burst + 1)
  Gcra(Tick emission_interval, std::int64_t max_burst)
      : t_(emission_interval), limit_(max_burst + 1), dvt_(emission_interval * (max_burst + 1)) {
    if (emission_interval < 1)
      throw std::invalid_argument("Gcra: emission_interval must be >= 1 tick, got " +
                                  std::to_string(emission_interval));
    if (max_burst < 0)
      throw std::invalid_argument("Gcra: max_burst must be >= 0, got " + std::to_string(max_burst));
  }

  /// throttled's RateLimit: decides and, when allowed, stores the new TAT.
  Result rate_limit(State& s, Tick now, std::int64_t quantity = 1) const {
    Result r;
    r.limit = limit_;
    const Tick increment = quantity * t_;
    if (increment > dvt_) {  // oversize: never allowed (throttled reports an empty key)
      r.limited = true;
      r.remaining = limit_;
      return r;
    }
    const Tick tat = s.set ? s.tat : now;
    const Tick new_tat = std::max(tat, now) + increment;
    const Tick allow_at = new_tat - dvt_;
    Tick ttl;
    if (now < allow_at) {
      r.limited = true;
      r.retry_after = allow_at - now;
      ttl = tat - now;
    } else {
      ttl = new_tat - now;
      if (quantity > 0) {
        s.tat = new_tat;
        s.set = true;
      }
    }
    r.reset_after = ttl;
    const Tick next = dvt_ - ttl;
    r.remaining = next > -t_ ? next / t_ : 0;  // Go's truncating division
    return r;
  }

  Admit<Tick> peek(const State& s, Tick now, std::uint32_t n = 1) const {
    const Tick increment = Tick{n} * t_;
    if (increment > dvt_) return {false, Clock::kNever};
    const Tick tat = s.set ? std::max(s.tat, now) : now;
    const Tick allow_at = tat + increment - dvt_;
    if (now < allow_at) return {false, allow_at};
    return {true, now};
  }
  void commit(State& s, Tick now, std::uint32_t n = 1) const {
    const Tick tat = s.set ? std::max(s.tat, now) : now;
    s.tat = tat + Tick{n} * t_;
    s.set = true;
  }

  Tick emission_interval() const { return t_; }
  std::int64_t limit() const { return limit_; }
  Tick delay_variation_tolerance() const { return dvt_; }

 private:
  Tick t_;
  std::int64_t limit_;
  Tick dvt_;
};

}  // namespace linksim::platform
