// Burst detection: N sends within W give one strike per window, or are refused in deny mode.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/burst.hpp"

using namespace linksim::test;

TEST_CASE("burst: the 20th invitation within 15 minutes passes with a strike", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"burst"}), plans);
  for (MemberId m = 0; m < 19; ++m) REQUIRE(policy.check(invite(m), 0, m * 30).verdict == Verdict::kAllow);
  const Decision d = policy.check(invite(19), 0, 19 * 30);  // 20 sends in 9.5 minutes
  CHECK(d.verdict == Verdict::kAllowWithStrike);
  CHECK(d.notice == Notice::kWarning);
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason == "burst: 20 invites within 15 minutes");
  // Still bursting in the same window: no second strike.
  CHECK(policy.check(invite(20), 0, 20 * 30).verdict == Verdict::kAllow);
  // One window later, still 20 in 15 minutes: a second strike (restricted_hours).
  for (MemberId m = 21; m < 60; ++m) policy.check(invite(m), 0, m * 30);
  CHECK(policy.transitions().size() == 2);
  CHECK(policy.transitions()[1].to == "restricted_hours");
}

TEST_CASE("burst: paced sends never strike", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"burst"}), plans);
  for (MemberId m = 0; m < 500; ++m) policy.check(invite(m), 0, m * 48);  // 20 sends span 19 × 48 s > 15 min
  CHECK(policy.transitions().empty());
}

TEST_CASE("burst in deny mode refuses the count-th send in the window", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"burst"}, {{"rules", {{"burst", {{"effect", "deny"}, {"count", 3}, {"window_minutes", 10}}}}}}),
                plans);
  CHECK(policy.check(invite(0), 0, 0).allowed());
  CHECK(policy.check(invite(1), 0, 60).allowed());
  const Decision d = policy.check(invite(2), 0, 120);
  CHECK(d.notice == Notice::kRateLimited);
  CHECK(d.retry_at == 600);
  CHECK(policy.check(invite(2), 0, 600).allowed());
  CHECK(policy.transitions().empty());
}

TEST_CASE("burst rejects bad parameters", "[platform]") {
  const auto book = book_of();
  Burst::Params p;
  p.count = 1;
  REQUIRE_THROWS_WITH(Burst(p, book), Catch::Contains("count"));
  p = {};
  p.window = -60;
  REQUIRE_THROWS_WITH(Burst(p, book), Catch::Contains("window_minutes"));
  p = {};
  p.effect = decltype(p.effect)::parse("ban");
  REQUIRE_THROWS_WITH(Burst(p, book), Catch::Contains("effect"));
  p = {};
  p.actions = 0;
  REQUIRE_THROWS_WITH(Burst(p, book), Catch::Contains("actions"));
}
