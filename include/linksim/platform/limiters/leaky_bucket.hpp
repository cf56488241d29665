// Leaky bucket with nginx limit_req semantics (ngx_http_limit_req_module.c): per key an `excess`
// in thousandths of a request that leaks at `rate` and grows by one request per accepted request.
// Requests above `burst` are rejected and not counted; accepted excess above `delay` is delayed.
// nginx counts the rate per second on a millisecond clock; here the rate is per `per` ticks so the
// simulator can express "100 a week" on its seconds clock without nginx's truncation to 0.
#pragma once
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "linksim/platform/tick_clock.hpp"

namespace linksim::platform {

template <class Clock>
class LeakyBucket final {
 public:
  using Tick = typename Clock::rep;
  struct State {
    std::int64_t excess = 0;  ///< thousandths of a request
    Tick last = 0;
    bool present = false;     ///< nginx creates the node on the first request
  };
  /// Per-location settings (nginx's limit_req directive), in thousandths of a request.
  struct Limit {
    std::int64_t burst_milli = 0;
    std::int64_t delay_milli = 0;  ///< 0: delay all excess; kNoDelay: nodelay
  };
  static constexpr std::int64_t kNoDelay = std::numeric_limits<std::int64_t>::max() / 2;
  enum class Status { kPassed, kDelayed, kRejected };
  struct Lookup {
    Status status = Status::kPassed;
    std::int64_t excess = 0;  ///< the excess an accepted request stores
    Tick delay = 0;           ///< ticks an accepted request is held
    Tick elapsed = 0;
  };

  /// @param rate_milli thousandths of a request per `per` ticks, >= 1 (nginx: 2r/s = 2000)
  /// @param per ticks the rate is counted over, >= 1 (nginx: one second)
  explicit LeakyBucket(std::int64_t rate_milli, Tick per = Clock::kTicksPerSecond)
      : rate_(rate_milli), per_(per) {
    if (rate_milli < 1)
      throw std::invalid_argument("LeakyBucket: rate_milli must be >= 1, got " + std::to_string(rate_milli));
    if (per < 1) throw std::invalid_argument("LeakyBucket: per must be >= 1 tick, got " + std::to_string(per));
  }

  Lookup lookup(const State& s, Tick now, const Limit& limit) const {
    Lookup r;
    if (!s.present) return r;  // a new key starts empty and always passes at once
    Tick ms = now - s.last;
    // nginx: a clock more than 60 s behind counts as 1 ms, otherwise as 0.
    if (ms < -60 * Clock::kTicksPerSecond) ms = 1;
    else if (ms < 0) ms = 0;
    r.elapsed = ms;
    std::int64_t excess = s.excess - leak(ms) + 1000;
    if (excess < 0) excess = 0;
    r.excess = excess;
    if (excess > limit.burst_milli) {
      r.status = Status::kRejected;
      return r;
    }
    if (excess > limit.delay_milli) {
      r.status = Status::kDelayed;
      r.delay = static_cast<Tick>((excess - limit.delay_milli) * per_ / rate_);
    }
    return r;
  }
  /// Stores an accepted lookup (never call it for a rejected one).
  void commit(State& s, Tick now, const Lookup& r) const {
    if (!s.present || r.elapsed != 0) s.last = now;
    s.present = true;
    s.excess = r.excess;
  }

  Admit<Tick> peek(const State& s, Tick now, const Limit& limit) const {
    const Lookup r = lookup(s, now, limit);
    if (r.status != Status::kRejected) return {true, now};
    // Leaking (excess - burst) thousandths takes that many·per/rate ticks.
    const std::int64_t over = r.excess - limit.burst_milli;
    return {false, now + (over * per_ + rate_ - 1) / rate_};
  }

  std::int64_t rate_milli() const { return rate_; }
  Tick per() const { return per_; }

 private:
  std::int64_t leak(Tick ticks) const { return rate_ * ticks / per_; }  // truncates, as nginx
  std::int64_t rate_;
  Tick per_;
};

}  // namespace linksim::platform
