// Every ladder transition names the rule that caused it (Transition::rule): the Policy tells the
// ladder which rule it is consulting when the rule counts an action, reacts to its own refusal or
// observes an outcome.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;

TEST_CASE("a transition carries the index of the rule whose strike caused it", "[platform][breakdown]") {
  const std::vector<PlanId> plans = {PlanId::kFree, PlanId::kFree};
  Policy policy(params_with({"pending_cap", "report_threshold"},
                            {{"rules", {{"pending_cap", {{"max_pending", 2}, {"strike", true}}}}}}),
                plans);
  // Sender 0: a strike from pending_cap's reaction to its own refusal (Rule::denied).
  policy.check(invite(0), 0, 0);
  policy.check(invite(1), 0, 1);
  CHECK_FALSE(policy.check(invite(2), 0, 2).allowed());
  // Sender 1: five reports, observed by report_threshold (Rule::observe).
  for (int i = 0; i < 5; ++i) policy.observe(outcome(OutcomeKind::kReported, 10, 0), 1, 10 + i);
  REQUIRE(policy.transitions().size() == 2);
  const Transition& pending = policy.transitions()[0];
  const Transition& reports = policy.transitions()[1];
  CHECK(pending.sender == 0);
  CHECK(policy.rule_name(pending.rule) == "pending_cap");
  CHECK(reports.sender == 1);
  CHECK(policy.rule_name(reports.rule) == "report_threshold");
  CHECK(pending.rule != reports.rule);
  CHECK(policy.rule_count() == 2);
}
