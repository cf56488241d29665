// Escalation ladder: transitions, durations, what each step blocks, jumps and memory.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;
using linksim::core::Time;

namespace {
LadderParams preset_ladder() { return platform_params_from_json(json::object(), "/platform").ladder; }
}  // namespace

TEST_CASE("strikes walk the ladder step by step with the preset's durations", "[platform]") {
  Ladder ladder(preset_ladder(), 1);
  struct Step {
    Time at;
    const char* to;
    Time duration;      // 0: blocks nothing; -1: permanent
    bool blocks_message;
    bool blocks_follow;
  };
  const Step steps[] = {
      {0, "warning", 0, false, false},
      {2 * kDay, "restricted_hours", 4 * kHour, false, false},
      {4 * kDay, "restricted_days", 48 * kHour, false, false},
      {10 * kDay, "restricted_week", 168 * kHour, false, false},  // a general strike never reaches a month
      {50 * kDay, "feature_limits", 336 * kHour, true, false},
      {70 * kDay, "account_review", 168 * kHour, true, true},
      {80 * kDay, "suspension", -1, true, true},
      {90 * kDay, "suspension", -1, true, true},
  };
  std::string from = "good_standing";
  for (const auto& s : steps) {
    ladder.strike(0, s.at, StrikeKind::kGeneral, "test strike");
    const Transition& t = ladder.transitions().back();
    CHECK(t.from == from);
    CHECK(t.to == s.to);
    CHECK(t.reason == "test strike");
    CHECK(ladder.state_name(0) == s.to);
    const Time expect = s.duration < 0 ? linksim::core::kNever : s.at + s.duration;
    CHECK(t.until == expect);
    if (s.duration != 0) {
      CHECK(ladder.blocked_until(0, ActionKind::kInvite) == expect);
      CHECK((ladder.blocked_until(0, ActionKind::kMessage) == expect) == s.blocks_message);
      CHECK((ladder.blocked_until(0, ActionKind::kFollow) == expect) == s.blocks_follow);
    }
    from = s.to;
  }
  CHECK(ladder.block_notice(0, ActionKind::kPost) == Notice::kSuspended);
}

TEST_CASE("several strikes in a day jump to restricted_days", "[platform]") {
  Ladder ladder(preset_ladder(), 1);
  ladder.strike(0, 0, StrikeKind::kGeneral, "a");
  ladder.strike(0, kHour, StrikeKind::kGeneral, "b");
  CHECK(ladder.state_name(0) == "restricted_hours");
  ladder.strike(0, 10 * kHour, StrikeKind::kGeneral, "c");  // 3 within 24 h
  CHECK(ladder.state_name(0) == "restricted_days");
  CHECK(ladder.blocked_until(0, ActionKind::kInvite) == 10 * kHour + 48 * kHour);
}

TEST_CASE("too many outstanding invitations go straight to up to a month", "[platform]") {
  Ladder ladder(preset_ladder(), 2);
  ladder.strike(1, 5 * kDay, StrikeKind::kOutstanding, "pending");
  CHECK(ladder.state_name(1) == "restricted_month");
  CHECK(ladder.blocked_until(1, ActionKind::kInvite) == 35 * kDay);
  CHECK(ladder.state_name(0) == "good_standing");  // per sender
  // Past the third restriction every kind of strike shares the rungs: feature limits next.
  ladder.strike(1, 6 * kDay, StrikeKind::kOutstanding, "pending again");
  CHECK(ladder.state_name(1) == "feature_limits");
  CHECK(ladder.blocked_until(1, ActionKind::kInvite) == 35 * kDay);  // the month is not shortened
  CHECK(ladder.blocked_until(1, ActionKind::kMessage) == 6 * kDay + 336 * kHour);
}

TEST_CASE("report strikes: the third restriction requires the recipient's email for a week, then lifts", "[platform]") {
  Ladder ladder(preset_ladder(), 2);
  const char* expected[] = {"warning", "restricted_hours", "restricted_days", "email_required"};
  for (int i = 0; i < 4; ++i) {
    ladder.strike(0, i * 2 * kDay, StrikeKind::kReports, "reports");
    CHECK(ladder.state_name(0) == expected[i]);
  }
  const Transition& t = ladder.transitions().back();
  CHECK(t.effect == Effect::kRestriction);
  CHECK(t.step == Step::kEmailRequired);
  CHECK(t.until == 6 * kDay + 168 * kHour);
  CHECK(ladder.email_required_until(0) == 6 * kDay + 168 * kHour);
  // Nothing else is blocked: the restricted_days block ended on day 4 + 48 h.
  CHECK(ladder.blocked_until(0, ActionKind::kInvite) == 4 * kDay + 48 * kHour);
  CHECK(ladder.email_required_until(1) < 0);
  // A general strike at the same rung is restricted for a week instead.
  for (int i = 0; i < 3; ++i) ladder.strike(1, i * 2 * kDay, StrikeKind::kGeneral, "g");
  ladder.strike(1, 6 * kDay, StrikeKind::kReports, "reports");
  CHECK(ladder.state_name(1) == "email_required");
  ladder.strike(1, 8 * kDay, StrikeKind::kGeneral, "g");
  CHECK(ladder.state_name(1) == "feature_limits");
}

TEST_CASE("the email requirement through the Policy: invitations with the email pass, and it lifts after its hours",
          "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}, {{"rules", {{"report_threshold", {{"reports", 1}}}}}}), plans);
  for (int i = 0; i < 4; ++i) policy.observe(outcome(OutcomeKind::kReported, 1, 0), 0, i * 3 * kDay);
  REQUIRE(policy.transitions().size() == 4);
  const Time until = 9 * kDay + 168 * kHour;
  const Decision d = policy.check(invite(2), 0, 10 * kDay);
  CHECK(d.verdict == Verdict::kDeny);
  CHECK(d.notice == Notice::kEmailRequired);
  CHECK(d.retry_at == until);
  CHECK(policy.explain(d, invite(2), 0, 10 * kDay) ==
        "enter the recipient's email address to connect (email_required) until day 16 00:00");
  Action with_email = invite(3);
  with_email.has_email = true;
  CHECK(policy.check(with_email, 0, 10 * kDay).allowed());
  CHECK(policy.check(act(ActionKind::kMessage, 3), 0, 10 * kDay).allowed());  // only invitations
  CHECK_FALSE(policy.check(invite(4), 0, until - 1).allowed());
  CHECK(policy.check(invite(4), 0, until).allowed());
}

TEST_CASE("a clean spell as long as the memory starts the ladder over", "[platform]") {
  Ladder ladder(preset_ladder(), 1);
  ladder.strike(0, 0, StrikeKind::kGeneral, "a");
  ladder.strike(0, 2 * kDay, StrikeKind::kGeneral, "b");
  ladder.strike(0, 2 * kDay + 90 * kDay - 1, StrikeKind::kGeneral, "c");
  CHECK(ladder.state_name(0) == "restricted_days");
  ladder.strike(0, 2 * kDay + 180 * kDay, StrikeKind::kGeneral, "d");
  CHECK(ladder.state_name(0) == "warning");
  CHECK(ladder.transitions().back().from == "restricted_days");
}

TEST_CASE("a disabled ladder records nothing and blocks nothing", "[platform]") {
  LadderParams p = preset_ladder();
  p.enabled = false;
  Ladder ladder(p, 1);
  for (int i = 0; i < 10; ++i) ladder.strike(0, i, StrikeKind::kOutstanding, "x");
  CHECK(ladder.transitions().empty());
  CHECK(ladder.blocked_until(0, ActionKind::kInvite) < 0);
}

TEST_CASE("restrictions block the actions the step names, through the Policy", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}, {{"rules", {{"report_threshold", {{"reports", 1}, {"require_email", false}}}}},
                                                   {"ladder", {{"steps", {{"warning", {{"hours", 2}, {"blocks", {"invite", "post"}}}}}}}}}),
                plans);
  policy.observe(outcome(OutcomeKind::kReported, 1, 0), 0, kHour);
  const Decision d = policy.check(invite(2), 0, 2 * kHour);
  CHECK(d.verdict == Verdict::kDeny);
  CHECK(d.notice == Notice::kRestricted);
  CHECK(d.retry_at == 3 * kHour);
  CHECK(policy.explain(d, invite(2), 0, 2 * kHour) == "this feature is restricted on your account (warning) until day 0 03:00");
  CHECK_FALSE(policy.check(act(ActionKind::kPost), 0, 2 * kHour).allowed());
  CHECK(policy.check(act(ActionKind::kMessage, 3), 0, 2 * kHour).allowed());
  CHECK(policy.check(invite(2), 0, 3 * kHour).allowed());
}

TEST_CASE("ladder parameters are checked", "[platform]") {
  LadderParams p = preset_ladder();
  p.several_per_day = 1;
  REQUIRE_THROWS_WITH(Ladder(p, 1), Catch::Contains("several_per_day"));
  p = preset_ladder();
  p.strike_memory = 0;
  REQUIRE_THROWS_WITH(Ladder(p, 1), Catch::Contains("strike_memory_days"));
  p = preset_ladder();
  p.steps[1].duration = -kHour;
  REQUIRE_THROWS_WITH(Ladder(p, 1), Catch::Contains("restricted_hours/hours"));
  p = preset_ladder();
  p.steps[static_cast<std::size_t>(Step::kSuspension)].blocks = 0;
  REQUIRE_THROWS_WITH(Ladder(p, 1), Catch::Contains("suspension/blocks"));
  p = preset_ladder();
  p.steps[static_cast<std::size_t>(Step::kEmailRequired)].blocks |= action_bit(ActionKind::kMessage);
  REQUIRE_THROWS_WITH(Ladder(p, 1), Catch::Contains("email_required/blocks"));
}

TEST_CASE("each transition says what it means: warning, restriction or reinstatement, and the step reached", "[platform]") {
  Ladder ladder(preset_ladder(), 1);
  ladder.strike(0, 0, StrikeKind::kGeneral, "first");
  ladder.strike(0, 2 * kDay, StrikeKind::kGeneral, "second");
  ladder.restrict(0, 3 * kDay, action_bit(ActionKind::kInmail), 6 * kDay, Notice::kInmailBanned, "inmail_ok", "inmail_ban_1", "ban");
  ladder.record(0, 4 * kDay, "inmail_ok", "inmail_warning", "warned");
  ladder.record(0, 5 * kDay, "inmail_warning", "inmail_ok", "recovered", /*penalty=*/false);
  const auto& log = ladder.transitions();
  REQUIRE(log.size() == 5);
  CHECK(log[0].effect == Effect::kWarning);
  CHECK(log[0].step == Step::kWarning);
  CHECK(log[1].effect == Effect::kRestriction);
  CHECK(log[1].step == Step::kRestrictedHours);
  CHECK(log[2].effect == Effect::kRestriction);  // outside the ladder: no step
  CHECK_FALSE(log[2].step.has_value());
  CHECK(log[3].effect == Effect::kWarning);  // a warning outside the ladder (was counted as a restriction)
  CHECK(log[4].effect == Effect::kReinstatement);  // nothing the sender is warned about
  CHECK_FALSE(log[4].step.has_value());
}
