// Spam / "I don't know" reports: 5 within 90 days are a strike, and invitations then need an email.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/report_threshold.hpp"

using namespace linksim::test;

TEST_CASE("five reports within 90 days: strike, then invitations need the recipient's email", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}), plans);
  for (int i = 0; i < 4; ++i) policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, i * 20 * kDay);
  CHECK(policy.transitions().empty());
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 89 * kDay);  // 5 within (89 - 90, 89] days
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason ==
        "5 \"I don't know this person\" reports within 90 days; invitations now need the recipient's email");
  const Decision d = policy.check(invite(7), 0, 90 * kDay);
  CHECK(d.notice == Notice::kEmailRequired);
  Action with_email = invite(7);
  with_email.has_email = true;
  CHECK(policy.check(with_email, 0, 90 * kDay).allowed());
}

TEST_CASE("reports spread wider than the window never strike", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}), plans);
  for (int i = 0; i < 20; ++i) policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, i * 23 * kDay);  // 4 per 92 days
  CHECK(policy.transitions().empty());
  CHECK(policy.check(invite(1), 0, 500 * kDay).allowed());
}

TEST_CASE("without the email option the rule only strikes", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"report_threshold"}, {{"rules", {{"report_threshold", {{"require_email", false}, {"reports", 2}}}}}}),
                plans);
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 0);
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 1);
  CHECK(policy.transitions().size() == 1);
  CHECK(policy.check(invite(1), 0, kDay).allowed());
  policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, 2 * kDay);  // the count started over
  CHECK(policy.transitions().size() == 1);
}

TEST_CASE("report threshold rejects bad parameters", "[platform]") {
  ReportThreshold::Params p;
  p.reports = 0;
  REQUIRE_THROWS_WITH(ReportThreshold(p, book_of()), Catch::Contains("reports"));
  p = {};
  p.window = 0;
  REQUIRE_THROWS_WITH(ReportThreshold(p, book_of()), Catch::Contains("window_days"));
}
