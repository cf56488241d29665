// Recruiter InMail floor: >= 13% response on >= 100 InMails per 14 days, warning, 7-day grace,
// then a 2-week ban.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/recruiter_inmail_floor.hpp"

using namespace linksim::test;

namespace {
// Recruiter seats get 150 credits a month; lift the credit rule out of the way here.
Policy recruiter_policy(const std::vector<PlanId>& plans) {
  return Policy(params_with({"recruiter_inmail_floor"}), plans);
}
}  // namespace

TEST_CASE("low InMail response: warning, grace, then a two-week ban", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kRecruiter};
  Policy policy = recruiter_policy(plans);
  // Day 0: 99 InMails, 10 responses (10.1%): below the floor but under 100 InMails.
  for (MemberId m = 0; m < 99; ++m) policy.check(act(ActionKind::kInmail, m), 0, m * kMinute);
  for (MemberId m = 0; m < 10; ++m) policy.observe(outcome(OutcomeKind::kInmailReplied, m, 0), 0, 2 * kHour);
  CHECK(policy.transitions().empty());
  const Decision warn = policy.check(act(ActionKind::kInmail, 99), 0, 3 * kHour);  // the 100th
  CHECK(warn.verdict == Verdict::kAllowWithStrike);
  CHECK(warn.notice == Notice::kWarning);
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason == "warning: InMail response 10% < 13% on 100 InMails over 14 days; 7 days to improve");
  // Within the grace: no ban. After it, still low: banned for 14 days.
  CHECK(policy.check(act(ActionKind::kInmail, 200), 0, 3 * kHour + 7 * kDay - 1).verdict == Verdict::kAllow);
  const Decision ban = policy.check(act(ActionKind::kInmail, 201), 0, 3 * kHour + 7 * kDay);
  CHECK(ban.verdict == Verdict::kAllowWithStrike);
  CHECK(ban.notice == Notice::kInmailBanned);
  CHECK(ban.retry_at == 3 * kHour + 21 * kDay);
  CHECK(policy.transitions()[1].to == "inmail_bulk_ban");
  const Decision blocked = policy.check(act(ActionKind::kInmail, 202), 0, 10 * kDay);
  CHECK(blocked.notice == Notice::kInmailBanned);
  CHECK(policy.check(invite(5), 0, 10 * kDay).allowed());  // only InMail is banned
}

TEST_CASE("recovering within the grace lifts the warning", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kRecruiter};
  Policy policy = recruiter_policy(plans);
  for (MemberId m = 0; m < 100; ++m) policy.check(act(ActionKind::kInmail, m), 0, m * kMinute);
  REQUIRE(policy.transitions().size() == 1);
  for (MemberId m = 0; m < 20; ++m) policy.observe(outcome(OutcomeKind::kInmailDeclined, m, 0), 0, 2 * kDay);
  CHECK(policy.check(act(ActionKind::kInmail, 500), 0, 8 * kDay).verdict == Verdict::kAllow);
  CHECK(policy.transitions()[1].to == "inmail_ok");
}

TEST_CASE("the floor applies only to the listed plans", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kRecruiterLite};
  Policy policy = recruiter_policy(plans);
  for (MemberId m = 0; m < 300; ++m) policy.check(act(ActionKind::kInmail, m), 0, m * kMinute);
  CHECK(policy.transitions().empty());
}

TEST_CASE("recruiter floor rejects bad parameters", "[platform]") {
  const auto book = book_of(PlanId::kRecruiter);
  const auto bad = [&](auto change, const char* name) {
    RecruiterInmailFloor::Params p;
    change(p);
    REQUIRE_THROWS_WITH(RecruiterInmailFloor(p, book), Catch::Contains(name));
  };
  bad([](auto& p) { p.min_response_rate = 0.0; }, "min_response_rate");
  bad([](auto& p) { p.min_inmails = 0; }, "min_inmails");
  bad([](auto& p) { p.window = 0; }, "window_days");
  bad([](auto& p) { p.grace = -kDay; }, "grace_days");
  bad([](auto& p) { p.ban = 0; }, "ban_days");
}
