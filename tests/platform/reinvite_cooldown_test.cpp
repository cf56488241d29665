// Re-invite cooldown: a withdrawn invitation cannot be re-sent to the same person for 3 weeks.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/reinvite_cooldown.hpp"

using namespace linksim::test;

TEST_CASE("re-inviting after a withdrawal waits 21 days", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree, PlanId::kFree};
  Policy policy(params_with({"reinvite_cooldown"}), plans);
  REQUIRE(policy.check(invite(42), 0, 0).allowed());
  policy.observe(outcome(OutcomeKind::kWithdrawn, 42, 0), 0, 5 * kDay);
  CHECK(policy.senders().pending[0] == 0);
  const Decision d = policy.check(invite(42), 0, 6 * kDay);
  CHECK(d.notice == Notice::kReinviteCooldown);
  CHECK(d.retry_at == 26 * kDay);
  CHECK(policy.check(invite(43), 0, 6 * kDay).allowed());  // someone else
  CHECK(policy.check(invite(42), 1, 6 * kDay).allowed());  // another sender
  CHECK_FALSE(policy.check(invite(42), 0, 26 * kDay - 1).allowed());
  CHECK(policy.check(invite(42), 0, 26 * kDay).allowed());
  policy.observe(outcome(OutcomeKind::kWithdrawn, 42, 26 * kDay), 0, 27 * kDay);  // a second round
  CHECK(policy.check(invite(42), 0, 47 * kDay).retry_at == 48 * kDay);
}

TEST_CASE("expired cooldowns are forgotten so memory stays bounded", "[platform]") {
  const auto book = book_of();
  ReinviteCooldown rule(ReinviteCooldown::Params{}, book);
  SenderBook b = book;
  Ladder ladder(platform_params_from_json(json::object(), "/platform").ladder, 1);
  Context ctx{b, ladder};
  for (MemberId m = 0; m < 100000; ++m) rule.observe(outcome(OutcomeKind::kWithdrawn, m, 0), 0, m * kMinute, ctx);
  // 21 days = 30,240 minutes: at most that many cooldowns are live at once.
  CHECK(rule.tracked_pairs() <= 2 * 30240);
  CHECK_FALSE(rule.check(invite(99999), 0, 100000 * kMinute, b).ok);
  CHECK(rule.check(invite(0), 0, 100000 * kMinute, b).ok);
}

TEST_CASE("re-invite cooldown rejects a non-positive cooldown", "[platform]") {
  ReinviteCooldown::Params p;
  p.cooldown = 0;
  REQUIRE_THROWS_WITH(ReinviteCooldown(p, book_of()), Catch::Contains("cooldown_days"));
}
