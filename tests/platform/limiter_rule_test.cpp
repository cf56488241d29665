// The limiter algorithms as rules on any action (platform.limiters), and their parameter checks.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/limiters/fixed_window.hpp"
#include "linksim/platform/limiters/gcra.hpp"
#include "linksim/platform/limiters/leaky_bucket.hpp"
#include "linksim/platform/limiters/sliding_counter.hpp"
#include "linksim/platform/limiters/sliding_log.hpp"
#include "linksim/platform/limiters/token_bucket.hpp"

using namespace linksim::test;

namespace {
// How many of `n` attempts one a minute from t=0 pass under a single limiter on messages.
int passed(const json& limiter, int n) {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({}, {{"limiters", json::array({limiter})}}), plans);
  int ok = 0;
  for (int i = 0; i < n; ++i) ok += policy.check(act(ActionKind::kMessage, 1), 0, i * kMinute).allowed();
  CHECK(policy.check(invite(1), 0, 0).allowed());  // only the listed actions are limited
  return ok;
}
}  // namespace

TEST_CASE("each algorithm limits the actions it names", "[platform]") {
  const json msg = {"message"};
  // 10 per hour for 3 hours of attempts, one a minute.
  CHECK(passed({{"algorithm", "fixed_window"}, {"actions", msg}, {"limit", 10}, {"window_hours", 1}}, 180) == 30);
  CHECK(passed({{"algorithm", "sliding_log"}, {"actions", msg}, {"limit", 10}, {"window_hours", 1}}, 180) == 30);
  CHECK(passed({{"algorithm", "sliding_counter"}, {"actions", msg}, {"limit", 10}, {"window_hours", 1}}, 180) <= 30);
  // 10 per hour with a burst of 5: 5 at once, then one every 6 minutes.
  CHECK(passed({{"algorithm", "token_bucket"}, {"actions", msg}, {"rate", 10}, {"per_hours", 1}, {"burst", 5}}, 180) == 5 + 29);
  CHECK(passed({{"algorithm", "gcra"}, {"actions", msg}, {"rate", 10}, {"per_hours", 1}, {"burst", 4}}, 180) == 5 + 29);
  CHECK(passed({{"algorithm", "leaky_bucket"}, {"actions", msg}, {"rate", 10}, {"per_hours", 1}, {"burst", 4}}, 180) == 5 + 29);
}

TEST_CASE("a limiter's denial says when to retry", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({}, {{"limiters", {{{"algorithm", "token_bucket"}, {"actions", {"invite"}}, {"rate", 1},
                                                {"per_hours", 1}, {"burst", 1}}}}}),
                plans);
  CHECK(policy.check(invite(1), 0, 0).allowed());
  const Decision d = policy.check(invite(2), 0, 60);
  CHECK(d.notice == Notice::kRateLimited);
  CHECK(d.retry_at == kHour);
  CHECK(policy.rule_name(d.rule) == "limiter:token_bucket");
  CHECK(policy.explain(d, invite(2), 0, 60) ==
        "limiter:token_bucket: token_bucket limiter (1 per 1 hours, burst 1) refuses this invite until day 0 01:00");
  CHECK(policy.check(invite(2), 0, kHour).allowed());
}

TEST_CASE("limiter parameters are checked", "[platform]") {
  const auto book = book_of();
  LimiterParams p;
  p.algorithm = decltype(p.algorithm)::parse("leaky");
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("token_bucket"));
  p = {};
  p.algorithm = LimiterAlgorithm::kFixedWindow;
  p.limit = 0;
  p.window = kHour;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("limit"));
  p.limit = 3;
  p.window = -kHour;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("window_hours"));
  p = {};
  p.algorithm = LimiterAlgorithm::kTokenBucket;
  p.rate = 0;
  p.per = kHour;
  p.burst = 1;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("rate"));
  p.rate = 1;
  p.burst = 0;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("burst"));
  p.burst = 1;
  p.per = 0;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("per_hours"));
  p.per = kHour;
  p.actions = 0;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("actions"));
  p = {};
  p.algorithm = LimiterAlgorithm::kGcra;
  p.rate = 7200;  // two a second: finer than the simulator's clock
  p.per = kHour;
  REQUIRE_THROWS_WITH(make_limiter_rule(p, book), Catch::Contains("rate"));
}

TEST_CASE("the algorithm classes reject bad parameters", "[platform]") {
  using Clock = MilliClock;
  REQUIRE_THROWS_WITH(FixedWindow<Clock>(0, 10), Catch::Contains("limit"));
  REQUIRE_THROWS_WITH(FixedWindow<Clock>(1, 0), Catch::Contains("window"));
  REQUIRE_THROWS_WITH((SlidingLog<Clock>(0, 10)), Catch::Contains("limit"));
  REQUIRE_THROWS_WITH((SlidingLog<Clock>(1, -5)), Catch::Contains("window"));
  REQUIRE_THROWS_WITH(SlidingCounter<Clock>(0, 10), Catch::Contains("limit"));
  REQUIRE_THROWS_WITH(SlidingCounter<Clock>(1, 0), Catch::Contains("window"));
  REQUIRE_THROWS_WITH(SlidingCounter<Clock>(1000, std::int64_t{1} << 60), Catch::Contains("too large"));
  REQUIRE_THROWS_WITH(TokenBucket<Clock>(-1.0, 1), Catch::Contains("rate_per_second"));
  REQUIRE_THROWS_WITH(TokenBucket<Clock>(1.0, -1), Catch::Contains("burst"));
  REQUIRE_THROWS_WITH(Gcra<Clock>(0, 1), Catch::Contains("emission_interval"));
  REQUIRE_THROWS_WITH(Gcra<Clock>(10, -1), Catch::Contains("max_burst"));
  REQUIRE_THROWS_WITH(LeakyBucket<Clock>(0), Catch::Contains("rate_milli"));
  REQUIRE_THROWS_WITH(LeakyBucket<Clock>(1000, 0), Catch::Contains("per"));
}

TEST_CASE("the same algorithm gives the same answers on a seconds and a milliseconds clock", "[platform]") {
  // 3 per 10 s: decisions at whole seconds must not depend on the clock's unit.
  const Gcra<SecondClock> s(10, 2);
  const Gcra<MilliClock> ms(10000, 2);
  Gcra<SecondClock>::State ss;
  Gcra<MilliClock>::State ms_state;
  for (int t = 0; t < 100; t += 1 + t % 3) {
    const auto a = s.rate_limit(ss, t);
    const auto b = ms.rate_limit(ms_state, std::int64_t{t} * 1000);
    REQUIRE(a.limited == b.limited);
    REQUIRE(a.remaining == b.remaining);
    REQUIRE(a.reset_after * 1000 == b.reset_after);
  }
}
