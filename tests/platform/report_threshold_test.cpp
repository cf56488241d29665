// Spam / "I don't know" reports: 5 within 90 days are a strike; a report strike's third
// restriction requires the recipient's email (for the ladder step's hours).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/report_threshold.hpp"

using namespace linksim::test;
using linksim::core::Time;

TEST_CASE("five reports within 90 days are a strike, the first is a warning that blocks nothing", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}), plans);
  for (int i = 0; i < 4; ++i) policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, i * 20 * kDay);
  CHECK(policy.transitions().empty());
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 89 * kDay);  // 5 within (89 - 90, 89] days
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason == "5 \"I don't know this person\" reports within 90 days");
  CHECK(policy.transitions()[0].effect == Effect::kWarning);
  CHECK(policy.check(invite(7), 0, 90 * kDay).allowed());
}

TEST_CASE("report strikes follow the vendor's ladder: the same day, 48 hours, then the email for a week", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}), plans);
  // 5 reports a strike, strikes 10 days apart (within the ladder's 90-day memory).
  const char* steps[] = {"warning", "restricted_hours", "restricted_days", "email_required"};
  for (int k = 0; k < 4; ++k) {
    for (int i = 0; i < 5; ++i) policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, k * 10 * kDay + i * kHour);
    REQUIRE(policy.transitions().size() == static_cast<std::size_t>(k + 1));
    CHECK(policy.transitions().back().to == steps[k]);
  }
  const Time struck = 30 * kDay + 4 * kHour;
  CHECK(policy.transitions()[1].until == 10 * kDay + 4 * kHour + 4 * kHour);   // lifted the same day
  CHECK(policy.transitions()[2].until == 20 * kDay + 4 * kHour + 48 * kHour);  // after 48 hours
  CHECK(policy.transitions()[3].until == struck + 168 * kHour);
  const Decision d = policy.check(invite(7), 0, struck + kHour);
  CHECK(d.notice == Notice::kEmailRequired);
  CHECK(d.retry_at == struck + 168 * kHour);
  Action with_email = invite(7);
  with_email.has_email = true;
  CHECK(policy.check(with_email, 0, struck + kHour).allowed());
  CHECK(policy.check(invite(8), 0, struck + 168 * kHour).allowed());  // lifted like the other steps
}

TEST_CASE("reports spread wider than the window never strike", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}), plans);
  for (int i = 0; i < 20; ++i) policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, i * 23 * kDay);  // 4 per 92 days
  CHECK(policy.transitions().empty());
  CHECK(policy.check(invite(1), 0, 500 * kDay).allowed());
}

TEST_CASE("without the email option report strikes are general strikes: a week's block at the third restriction", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}, {{"rules", {{"report_threshold", {{"require_email", false}, {"reports", 2}}}}}}),
                plans);
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 0);
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 1);
  CHECK(policy.transitions().size() == 1);
  CHECK(policy.check(invite(1), 0, kDay).allowed());
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 2 * kDay);  // the count started over
  CHECK(policy.transitions().size() == 1);
  // With the report of day 2 still counted, each report on days 10, 20 and 30 completes a pair.
  for (int k = 1; k < 4; ++k) {
    policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, k * 10 * kDay);
    if (k < 3) policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, k * 10 * kDay + 1);
  }
  REQUIRE(policy.transitions().size() == 4);
  CHECK(policy.transitions().back().to == "restricted_week");
  const Decision d = policy.check(invite(1), 0, 31 * kDay);
  CHECK(d.notice == Notice::kRestricted);
  CHECK(d.retry_at == 30 * kDay + 168 * kHour);
}

TEST_CASE("report threshold rejects bad parameters", "[platform]") {
  ReportThreshold::Params p;
  p.reports = 0;
  REQUIRE_THROWS_WITH(ReportThreshold(p, book_of()), Catch::Contains("reports"));
  p = {};
  p.window = 0;
  REQUIRE_THROWS_WITH(ReportThreshold(p, book_of()), Catch::Contains("window_days"));
}
