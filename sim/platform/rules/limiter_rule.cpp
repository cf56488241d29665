// The limiter algorithms as per-sender rules: one adapter template, state in flat vectors.
#include "linksim/platform/rules/limiter_rule.hpp"

#include <cmath>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "linksim/platform/limiters/fixed_window.hpp"
#include "linksim/platform/limiters/gcra.hpp"
#include "linksim/platform/limiters/leaky_bucket.hpp"
#include "linksim/platform/limiters/sliding_counter.hpp"
#include "linksim/platform/limiters/sliding_log.hpp"
#include "linksim/platform/limiters/token_bucket.hpp"

namespace linksim::platform {

namespace {

// Gives every algorithm the peek/commit shape on a per-sender state.
template <class Algo>
struct Plain {
  using State = typename Algo::State;
  Algo algo;
  std::vector<State> states;
  Plain(Algo a, std::size_t n) : algo(std::move(a)), states(n) {}
  Admit<core::Time> peek(SenderId s, core::Time now) const { return algo.peek(states[s], now, 1); }
  void commit(SenderId s, core::Time now) { algo.commit(states[s], now, 1); }
};

struct Log {
  SlidingLog<SecondClock, std::int32_t> algo;
  std::vector<SlidingLog<SecondClock, std::int32_t>::State> states;
  std::vector<std::int32_t> stamps;
  Log(std::uint32_t limit, core::Time window, std::size_t n)
      : algo(limit, window), states(n), stamps(n * limit, 0) {}
  std::span<std::int32_t> ring(SenderId s) { return {stamps.data() + std::size_t{s} * algo.limit(), algo.limit()}; }
  std::span<const std::int32_t> ring(SenderId s) const {
    return {stamps.data() + std::size_t{s} * algo.limit(), algo.limit()};
  }
  Admit<core::Time> peek(SenderId s, core::Time now) const { return algo.peek(states[s], ring(s), now, 1); }
  void commit(SenderId s, core::Time now) { algo.commit(states[s], ring(s), now, 1); }
};

// nginx's delayed requests have no counterpart in the simulator (no request latency): they pass.
struct Leaky {
  LeakyBucket<SecondClock> algo;
  LeakyBucket<SecondClock>::Limit limit;
  std::vector<LeakyBucket<SecondClock>::State> states;
  Leaky(std::int64_t rate_milli, core::Time per, std::uint32_t burst, std::size_t n)
      : algo(rate_milli, per), limit{std::int64_t{burst} * 1000, LeakyBucket<SecondClock>::kNoDelay}, states(n) {}
  Admit<core::Time> peek(SenderId s, core::Time now) const { return algo.peek(states[s], now, limit); }
  void commit(SenderId s, core::Time now) { algo.commit(states[s], now, algo.lookup(states[s], now, limit)); }
};

template <class Impl>
class LimiterRule final : public Rule {
 public:
  LimiterRule(const LimiterParams& p, Impl impl)
      : p_(p), name_("limiter:" + std::string(p.algorithm.spelling())), impl_(std::move(impl)) {}
  std::string_view name() const override { return name_; }
  std::uint32_t checks() const override { return p_.actions; }
  std::uint32_t counts() const override { return p_.actions; }
  RuleCheck check(const Action&, SenderId s, core::Time now, const SenderBook&) const override {
    const auto a = impl_.peek(s, now);
    return a.ok ? RuleCheck::pass() : RuleCheck::deny(Notice::kRateLimited, a.retry_at);
  }
  void commit(const Action&, SenderId s, core::Time now, Context&) override { impl_.commit(s, now); }
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& b) const override {
    const std::string what = p_.windowed()
        ? fmt::format("{} per {} hours", p_.limit, in_units(p_.window, core::kHour))
        : fmt::format("{} per {} hours, burst {}", num(p_.rate), in_units(p_.per, core::kHour), p_.burst);
    return fmt::format("{} limiter ({}) refuses this {} until {}", p_.algorithm.spelling(), what,
                       action_name(a.kind), format_time(check(a, s, now, b).retry_at));
  }

 private:
  LimiterParams p_;
  std::string name_;
  Impl impl_;
};

template <class Impl>
std::unique_ptr<Rule> wrap(const LimiterParams& p, Impl impl) {
  return std::make_unique<LimiterRule<Impl>>(p, std::move(impl));
}

}  // namespace

std::unique_ptr<Rule> make_limiter_rule(const LimiterParams& p, const SenderBook& book) {
  Issues issues;
  p.validate("limiter", issues);
  throw_if_invalid("limiter", issues);
  const std::size_t n = book.size();
  const double per_second = p.rate / static_cast<double>(p.per);
  switch (p.algorithm.value()) {
    case LimiterAlgorithm::kFixedWindow: return wrap(p, Plain(FixedWindow<SecondClock>(p.limit, p.window), n));
    case LimiterAlgorithm::kSlidingLog: return wrap(p, Log(p.limit, p.window, n));
    case LimiterAlgorithm::kSlidingCounter: return wrap(p, Plain(SlidingCounter<SecondClock>(p.limit, p.window), n));
    case LimiterAlgorithm::kTokenBucket: return wrap(p, Plain(TokenBucket<SecondClock>(per_second, p.burst), n));
    case LimiterAlgorithm::kGcra: {
      const auto interval = static_cast<core::Time>(std::llround(static_cast<double>(p.per) / p.rate));
      return wrap(p, Plain(Gcra<SecondClock>(interval, p.burst), n));
    }
    case LimiterAlgorithm::kLeakyBucket: break;
  }
  // leaky_bucket: thousandths of a request per `per` seconds.
  return wrap(p, Leaky(static_cast<std::int64_t>(std::llround(p.rate * 1000.0)), p.per, p.burst, n));
}

}  // namespace linksim::platform
