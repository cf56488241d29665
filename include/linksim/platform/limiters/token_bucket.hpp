// Token bucket with the semantics of golang.org/x/time/rate (allow, reserve with debt, cancel,
// set limit / burst, clock jumping back) plus the operations Envoy's TokenBucketImpl exposes
// (partial consume, next-token delay, reset, consume-exact). Tokens are doubles, as in both
// sources, so the reference vectors pass value for value.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "linksim/platform/tick_clock.hpp"

namespace linksim::platform {

template <class Clock>
class TokenBucket final {
 public:
  using Tick = typename Clock::rep;
  struct State {
    double tokens = 0.0;
    Tick last = 0;         ///< tick of the last update
    Tick last_event = 0;   ///< latest time-to-act handed out (for cancel)
    bool fresh = true;     ///< never updated: full, whatever the time (Go's zero `last`)
  };
  struct Reservation {
    bool ok = false;
    std::int64_t n = 0;
    Tick time_to_act = 0;
    double rate = 0.0;  ///< the rate it was made under (cancel converts with it)
  };

  /// @param rate_per_second refill rate, >= 0 (0: never refills)
  /// @param burst bucket size in tokens, >= 0
  TokenBucket(double rate_per_second, std::int64_t burst) : rate_(rate_per_second), burst_(burst) {
    if (!(rate_per_second >= 0.0) || !std::isfinite(rate_per_second))
      throw std::invalid_argument("TokenBucket: rate_per_second must be finite and >= 0, got " +
                                  std::to_string(rate_per_second));
    if (burst < 0) throw std::invalid_argument("TokenBucket: burst must be >= 0, got " + std::to_string(burst));
  }
  /// Envoy's constructor: the absolute value of the fill rate, raised to one token a year.
  static TokenBucket envoy(double fill_rate_per_second, std::int64_t max_tokens) {
    constexpr double kMinRate = 1.0 / 31536000.0;  // Envoy token_bucket_impl.cc: one per 365 days
    return TokenBucket(std::max(kMinRate, std::abs(fill_rate_per_second)), max_tokens);
  }

  double rate() const { return rate_; }
  std::int64_t burst() const { return burst_; }

  /// Tokens at t without changing anything (Go's advance): no refill for t before the last update.
  double tokens_at(const State& s, Tick t) const {
    if (s.fresh) return static_cast<double>(burst_);
    const Tick last = std::min(s.last, t);
    return std::min(s.tokens + seconds(t - last) * rate_, static_cast<double>(burst_));
  }

  // --- golang.org/x/time/rate ---
  bool allow(State& s, Tick t, std::int64_t n = 1) const {
    const double tokens = tokens_at(s, t) - static_cast<double>(n);
    if (n > burst_ || tokens < 0.0) return false;
    store(s, t, tokens);
    s.last_event = t;
    return true;
  }
  /// max_wait: nullopt = unlimited. A wait equal to max_wait is accepted.
  Reservation reserve(State& s, Tick t, std::int64_t n, std::optional<Tick> max_wait) const {
    const double tokens = tokens_at(s, t) - static_cast<double>(n);
    Tick wait = 0;
    if (tokens < 0.0) wait = rate_ > 0.0 ? to_ticks(-tokens / rate_) : Clock::kNever;
    const bool ok = n <= burst_ && wait != Clock::kNever && (!max_wait || wait <= *max_wait);
    if (!ok) return Reservation{};
    store(s, t, tokens);
    s.last_event = t + wait;
    return Reservation{true, n, t + wait, rate_};
  }
  /// Gives back what r reserved, minus the tokens reserved after it (Go's CancelAt).
  void cancel(State& s, const Reservation& r, Tick t) const {
    if (!r.ok || r.n == 0 || r.time_to_act < t) return;
    const double restore = static_cast<double>(r.n) - seconds(s.last_event - r.time_to_act) * r.rate;
    if (restore <= 0.0) return;
    store(s, t, std::min(tokens_at(s, t) + restore, static_cast<double>(burst_)));
    if (r.time_to_act == s.last_event && r.rate > 0.0) {
      const Tick prev = r.time_to_act - to_ticks(static_cast<double>(r.n) / r.rate);
      if (prev >= t) s.last_event = prev;
    }
  }
  /// Brings the state up to t, then changes the rate (shared by every state of this bucket).
  void set_rate(State& s, Tick t, double rate_per_second) {
    store(s, t, tokens_at(s, t));
    rate_ = rate_per_second;
  }
  void set_burst(State& s, Tick t, std::int64_t burst) {
    store(s, t, tokens_at(s, t));
    burst_ = burst;
  }

  // --- Envoy TokenBucketImpl ---
  /// All or nothing, or with allow_partial the whole tokens available (possibly 0).
  std::int64_t consume(State& s, Tick t, std::int64_t n, bool allow_partial) const {
    const double tokens = tokens_at(s, t);
    if (allow_partial) n = std::min(n, static_cast<std::int64_t>(std::floor(std::max(tokens, 0.0))));
    if (tokens < static_cast<double>(n)) return 0;
    store(s, t, tokens - static_cast<double>(n));
    return n;
  }
  /// 0 if at least one token is stored, else one token's worth of time (no refill first).
  Tick next_token_delay(const State& s) const {
    const double stored = s.fresh ? static_cast<double>(burst_) : s.tokens;
    if (stored >= 1.0) return 0;
    return static_cast<Tick>(std::ceil(static_cast<double>(Clock::kTicksPerSecond) / rate_));
  }
  void reset(State& s, Tick t, double tokens) const { store(s, t, tokens); }
  /// Takes exactly `amount` tokens, into debt if need be (negative gives tokens back).
  double consume_exact(State& s, Tick t, double amount) const {
    store(s, t, std::min(tokens_at(s, t) - amount, static_cast<double>(burst_)));
    return amount;
  }
  double remaining(const State& s, Tick t) const { return tokens_at(s, t); }

  // --- limiter-rule interface ---
  Admit<Tick> peek(const State& s, Tick t, std::uint32_t n = 1) const {
    const double need = static_cast<double>(n) - tokens_at(s, t);
    if (need <= 0.0) return {true, t};
    if (std::int64_t{n} > burst_ || rate_ <= 0.0) return {false, Clock::kNever};
    const double ticks = std::ceil(need / rate_ * static_cast<double>(Clock::kTicksPerSecond));
    return {false, ticks >= 9.0e18 ? Clock::kNever : t + static_cast<Tick>(ticks)};
  }
  void commit(State& s, Tick t, std::uint32_t n = 1) const {
    store(s, t, tokens_at(s, t) - static_cast<double>(n));
  }

 private:
  /// Go's Duration.Seconds(): whole seconds plus the remainder, so whole values stay exact.
  static double seconds(Tick dt) {
    return static_cast<double>(dt / Clock::kTicksPerSecond) +
           static_cast<double>(dt % Clock::kTicksPerSecond) / static_cast<double>(Clock::kTicksPerSecond);
  }
  /// Seconds to ticks, rounded to the nearest tick (the sources compare times rounded).
  static Tick to_ticks(double secs) {
    const double ticks = secs * static_cast<double>(Clock::kTicksPerSecond);
    return ticks >= 9.0e18 ? Clock::kNever : static_cast<Tick>(std::llround(ticks));
  }
  static void store(State& s, Tick t, double tokens) {
    s.tokens = tokens;
    s.last = t;
    s.fresh = false;
  }

  double rate_;
  std::int64_t burst_;
};

}  // namespace linksim::platform
