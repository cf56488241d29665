// InMail violations: bans of 24 h, 72 h, then a week for each further one.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/inmail_violations.hpp"

using namespace linksim::test;

TEST_CASE("InMail violations: 24 h, 72 h, then 1 week bans that block only InMail", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kSalesNavCore};
  Policy policy(params_with({"inmail_violations"}), plans);
  const Action inmail = act(ActionKind::kInmail, 3);
  policy.observe(outcome(OutcomeKind::kInmailReported, 3, 0), 0, 0);
  Decision d = policy.check(inmail, 0, kHour);
  CHECK(d.notice == Notice::kInmailBanned);
  CHECK(d.retry_at == 24 * kHour);
  CHECK(policy.check(invite(4), 0, kHour).allowed());
  CHECK(policy.check(act(ActionKind::kMessage, 4), 0, kHour).allowed());
  CHECK(policy.check(inmail, 0, 24 * kHour).allowed());
  policy.observe(outcome(OutcomeKind::kInmailReported, 3, 0), 0, 2 * kDay);
  CHECK(policy.check(inmail, 0, 2 * kDay).retry_at == 2 * kDay + 72 * kHour);
  policy.observe(outcome(OutcomeKind::kInmailReported, 3, 0), 0, 10 * kDay);
  CHECK(policy.check(inmail, 0, 10 * kDay).retry_at == 17 * kDay);
  policy.observe(outcome(OutcomeKind::kInmailReported, 3, 0), 0, 20 * kDay);
  CHECK(policy.check(inmail, 0, 20 * kDay).retry_at == 27 * kDay);  // the last ban repeats
  REQUIRE(policy.transitions().size() == 4);
  CHECK(policy.transitions()[0].from == "inmail_ok");
  CHECK(policy.transitions()[0].to == "inmail_ban_1");
  CHECK(policy.transitions()[1].reason == "InMail flagged as spam (violation 2): InMail paused for 72 hours");
}

TEST_CASE("InMail violations reject bad bans", "[platform]") {
  InmailViolations::Params p;
  p.bans.clear();
  REQUIRE_THROWS_WITH(InmailViolations(p, book_of()), Catch::Contains("ban_hours"));
  p.bans = {kHour, 0};
  REQUIRE_THROWS_WITH(InmailViolations(p, book_of()), Catch::Contains("ban_hours/1"));
}
