// Messages to first-degree connections: 120 a calendar day, 8,000 characters each.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;

TEST_CASE("120 messages a day, reset at midnight, 8,000 characters each", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"message_daily_cap"}, {{"plans", {{"free", {{"daily_message_cap", 120}}}}}}), plans);
  for (MemberId m = 0; m < 120; ++m) REQUIRE(policy.check(act(ActionKind::kMessage, m, 500), 0, 9 * kHour + m).allowed());
  const Decision d = policy.check(act(ActionKind::kMessage, 200, 500), 0, 20 * kHour);
  CHECK(d.notice == Notice::kDailyLimit);
  CHECK(d.retry_at == kDay);
  CHECK(policy.explain(d, act(ActionKind::kMessage, 200), 0, 20 * kHour) == "message_daily_cap: 120 messages today (cap 120)");
  CHECK(policy.check(act(ActionKind::kMessage, 200, 500), 0, kDay).allowed());
  CHECK(policy.check(act(ActionKind::kMessage, 201, 8000), 0, kDay).allowed());
  CHECK(policy.check(act(ActionKind::kMessage, 202, 8001), 0, kDay).notice == Notice::kMessageTooLong);
  CHECK(policy.check(invite(5), 0, 20 * kHour).allowed());  // invitations are not messages
}
