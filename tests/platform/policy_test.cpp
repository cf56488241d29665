// The decision API: order of checks, two-phase counting, outcomes bookkeeping, time bounds.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;

TEST_CASE("a denial by a later rule does not count the action in earlier rules", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  // The cap is checked before notes: a too-long note is refused and must not use the weekly cap.
  Policy policy(params_with({"invite_cap_rolling", "notes"}), plans);
  for (int i = 0; i < 500; ++i) REQUIRE_FALSE(policy.check(invite(1, 250), 0, i).allowed());
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, 1000 + m).allowed());
  CHECK(policy.senders().pending[0] == 100);
}

TEST_CASE("the full linkedin_2025 preset builds for every plan and decides", "[platform]") {
  std::vector<PlanId> plans;
  for (std::size_t p = 0; p < kPlanCount; ++p) plans.push_back(static_cast<PlanId>(p));
  Policy policy(platform_params_from_json(json::object(), "/platform"), plans);
  CHECK(policy.size() == kPlanCount);
  for (SenderId s = 0; s < kPlanCount; ++s) {
    CHECK(policy.check(invite(1), s, 0).allowed());
    CHECK(policy.check(act(ActionKind::kMessage, 1, 100), s, 0).allowed());
    CHECK(policy.check(act(ActionKind::kInmail, 1), s, 0).allowed() == (s != 0));  // free: no credits
  }
}

TEST_CASE("times must stay inside the range the rules store", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({}), plans);
  CHECK_THROWS_AS(policy.check(invite(1), 0, -1), std::out_of_range);
  CHECK_THROWS_AS(policy.observe(outcome(OutcomeKind::kAccepted, 1, 0), 0, Policy::kMaxTime + 1), std::out_of_range);
  CHECK(policy.check(invite(1), 0, Policy::kMaxTime).allowed());
}

TEST_CASE("with every rule disabled nothing is denied", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({}), plans);
  for (MemberId m = 0; m < 10000; ++m) REQUIRE(policy.check(invite(m, 5000, true), 0, m).verdict == Verdict::kAllow);
  CHECK(policy.transitions().empty());
}

TEST_CASE("unknown rule names fail loudly with the valid names", "[platform]") {
  Issues issues;
  CHECK_FALSE(read_rule("weekly_cap", json::object(), "/platform/rules/weekly_cap", issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/platform/rules/weekly_cap");
  CHECK_THAT(issues[0].expected, Catch::Contains("invite_cap_rolling") && Catch::Contains("burst"));
}
