// Calendar-week cap: lets twice the cap through around a week boundary; the rolling cap does not.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;

namespace {
// 100 invitations in the hour before Monday 00:00 of week 1, then 100 in the hour after.
int boundary_burst(const std::string& rule) {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({rule}), plans);
  int sent = 0;
  for (MemberId m = 0; m < 200; ++m) {
    const linksim::core::Time t = kWeek - kHour + static_cast<linksim::core::Time>(m) * 36;  // 2 hours in all
    sent += policy.check(invite(m), 0, t).allowed();
  }
  return sent;
}
}  // namespace

TEST_CASE("calendar week lets 2x the cap through around the boundary, the rolling window does not", "[platform]") {
  CHECK(boundary_burst("invite_cap_calendar") == 200);
  CHECK(boundary_burst("invite_cap_rolling") == 100);
}

TEST_CASE("calendar cap: exact cases", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kPremiumCareer};
  Policy policy(params_with({"invite_cap_calendar"}), plans);
  for (MemberId m = 0; m < 150; ++m) REQUIRE(policy.check(invite(m), 0, 2 * kDay + m).allowed());
  const Decision d = policy.check(invite(150), 0, 3 * kDay);
  CHECK(d.notice == Notice::kWeeklyLimit);
  CHECK(d.retry_at == kWeek);  // next Monday 00:00
  CHECK(policy.explain(d, invite(150), 0, 3 * kDay) ==
        "invite_cap_calendar: weekly limit: 150 invitations this calendar week (cap 150)");
  CHECK_FALSE(policy.check(invite(150), 0, kWeek - 1).allowed());
  CHECK(policy.check(invite(150), 0, kWeek).allowed());
}

TEST_CASE("calendar cap with pending counting toward it", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"invite_cap_calendar"}, {{"rules", {{"invite_cap_calendar", {{"count_pending", true}}}}}}),
                plans);
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, m).allowed());
  CHECK(policy.check(invite(200), 0, kDay).retry_at == linksim::core::kNever);  // 100 pending carry over
  CHECK_FALSE(policy.check(invite(200), 0, kWeek).allowed());
  policy.observe(outcome(OutcomeKind::kAccepted, 0, 0), 0, kWeek);  // answered in a later week: frees one
  CHECK(policy.check(invite(200), 0, kWeek).allowed());
  CHECK_FALSE(policy.check(invite(201), 0, kWeek).allowed());
}

TEST_CASE("calendar cap: refused attempts strike too", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  const json patch = {{"rules", {{"invite_cap_calendar", {{"strike_after_denials", 2}}}}}};
  Policy policy(params_with({"invite_cap_calendar"}, patch), plans);
  for (MemberId m = 0; m < 100; ++m) REQUIRE(policy.check(invite(m), 0, m).allowed());
  CHECK_FALSE(policy.check(invite(100), 0, kHour).allowed());
  CHECK(policy.transitions().empty());
  CHECK_FALSE(policy.check(invite(100), 0, 2 * kHour).allowed());
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason == "repeatedly at the weekly limit: 2 attempts refused by the limit within 7 days");
}
