// Rolling-window weekly invitation cap: exact cases, the personal cap, the pending option.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/invite_cap_rolling.hpp"

using namespace linksim::test;

TEST_CASE("rolling cap: 100 in 7 days, then blocked until the oldest leaves the window", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"invite_cap_rolling"}), plans);
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, m).verdict == Verdict::kAllow);
  const Decision d = policy.check(invite(100), 0, 100);
  CHECK(d.verdict == Verdict::kDeny);
  CHECK(d.notice == Notice::kWeeklyLimit);
  CHECK(d.retry_at == 7 * kDay);
  CHECK(policy.rule_name(d.rule) == "invite_cap_rolling");
  CHECK(policy.explain(d, invite(100), 0, 100) ==
        "invite_cap_rolling: weekly limit: 100 invitations in the last 7 days (cap 100)");
  CHECK(policy.check(invite(100), 0, 7 * kDay - 1).verdict == Verdict::kDeny);
  CHECK(policy.check(invite(100), 0, 7 * kDay).verdict == Verdict::kAllow);   // the one sent at 0 left
  CHECK(policy.check(invite(101), 0, 7 * kDay).verdict == Verdict::kDeny);    // the one sent at 1 has not
  CHECK(policy.check(invite(101), 0, 7 * kDay).retry_at == 7 * kDay + 1);
}

TEST_CASE("rolling cap follows the plan and the personal cap", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree, PlanId::kSalesNavCore};
  Policy policy(params_with({"invite_cap_rolling"}), plans);
  policy.senders().cap_percent[0] = 50;  // what a low acceptance rate does
  int sent0 = 0, sent1 = 0;
  for (MemberId m = 0; m < 300; ++m) {
    sent0 += policy.check(invite(m), 0, m).allowed();
    sent1 += policy.check(invite(m), 1, m).allowed();
  }
  CHECK(sent0 == 50);
  CHECK(sent1 == 200);
}

TEST_CASE("rolling cap with pending counting toward it", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"invite_cap_rolling"}, {{"rules", {{"invite_cap_rolling", {{"count_pending", true}}}}}}),
                plans);
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, m * kMinute).allowed());
  SECTION("declining inside the window does not lift the cap") {
    for (MemberId m = 0; m < 10; ++m) policy.observe(outcome(OutcomeKind::kDeclined, m, m * kMinute), 0, kDay);
    const Decision d = policy.check(invite(500), 0, kDay);
    CHECK(d.notice == Notice::kWeeklyLimit);
    CHECK(d.retry_at == 7 * kDay);  // when the first declined one leaves the window
    CHECK(policy.check(invite(500), 0, 7 * kDay).allowed());
  }
  SECTION("pending invitations keep counting after they leave the window") {
    const Decision d = policy.check(invite(500), 0, 8 * kDay);
    CHECK(d.notice == Notice::kWeeklyLimit);
    CHECK(d.retry_at == linksim::core::kNever);  // only answers free the cap now
    policy.observe(outcome(OutcomeKind::kAccepted, 3, 3 * kMinute), 0, 8 * kDay);
    CHECK(policy.check(invite(500), 0, 8 * kDay).allowed());
    CHECK_FALSE(policy.check(invite(501), 0, 8 * kDay).allowed());
    policy.observe(outcome(OutcomeKind::kWithdrawn, 4, 4 * kMinute), 0, 8 * kDay);
    CHECK(policy.check(invite(501), 0, 8 * kDay).allowed());
  }
}

TEST_CASE("rolling cap rejects bad parameters", "[platform]") {
  const auto book = book_of();
  InviteCapRolling::Params p;
  p.window = 0;
  REQUIRE_THROWS_WITH(InviteCapRolling(p, book), Catch::Contains("window_days"));
  p.window = -3 * kDay;
  REQUIRE_THROWS_WITH(InviteCapRolling(p, book), Catch::Contains("-3"));
}

TEST_CASE("rolling cap: refused attempts strike after strike_after_denials within the window", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  const json patch = {{"rules", {{"invite_cap_rolling", {{"strike_after_denials", 3}, {"denials_window_days", 1}}}}}};
  Policy policy(params_with({"invite_cap_rolling"}, patch), plans);
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, m).allowed());
  // Two refusals: no strike yet; the third within a day of the first is one.
  CHECK_FALSE(policy.check(invite(100), 0, kHour).allowed());
  CHECK_FALSE(policy.check(invite(100), 0, 2 * kHour).allowed());
  CHECK(policy.transitions().empty());
  CHECK_FALSE(policy.check(invite(100), 0, 3 * kHour).allowed());
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].to == "warning");
  CHECK(policy.transitions()[0].reason == "repeatedly at the weekly limit: 3 attempts refused by the limit within 1 days");
  // The count starts over; two refusals a day apart never make three within a day.
  CHECK_FALSE(policy.check(invite(100), 0, 4 * kHour).allowed());
  CHECK_FALSE(policy.check(invite(100), 0, 4 * kHour + kDay).allowed());
  CHECK_FALSE(policy.check(invite(100), 0, 4 * kHour + 2 * kDay).allowed());
  CHECK(policy.transitions().size() == 1);
}

TEST_CASE("rolling cap: strike_after_denials 0 never strikes, and bad values name their path", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"invite_cap_rolling"}), plans);
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, m).allowed());
  for (int i = 0; i < 500; ++i) CHECK_FALSE(policy.check(invite(100), 0, 100 + i).allowed());
  CHECK(policy.transitions().empty());
  const auto issues = issues_of({{"rules", {{"invite_cap_rolling", {{"denials_window_days", 0.001}}}}}});
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/platform/rules/invite_cap_rolling/denials_window_days");
}
