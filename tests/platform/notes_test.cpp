// Invitation notes: length per plan and the monthly personalized-note quota of free accounts.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;

TEST_CASE("note length: 200 characters on free, 300 on premium", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree, PlanId::kPremiumBusiness};
  Policy policy(params_with({"notes"}), plans);
  CHECK(policy.check(invite(1, 200), 0, 0).allowed());
  const Decision d = policy.check(invite(2, 201), 0, 0);
  CHECK(d.notice == Notice::kNoteTooLong);
  CHECK(policy.explain(d, invite(2, 201), 0, 0) == "notes: note of 201 characters is longer than the plan's 200");
  CHECK(policy.check(invite(2, 300), 1, 0).allowed());
  CHECK_FALSE(policy.check(invite(3, 301), 1, 0).allowed());
}

TEST_CASE("free accounts get 5 personalized notes per 30-day month", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree, PlanId::kSalesNavCore};
  Policy policy(params_with({"notes"}), plans);
  for (MemberId m = 0; m < 5; ++m) REQUIRE(policy.check(invite(m, 120, true), 0, m * kDay).allowed());
  const Decision d = policy.check(invite(5, 120, true), 0, 10 * kDay);
  CHECK(d.notice == Notice::kNoteQuota);
  CHECK(d.retry_at == 30 * kDay);
  CHECK(policy.check(invite(5, 120, false), 0, 10 * kDay).allowed());  // a template note is not personalized
  CHECK(policy.check(invite(6), 0, 10 * kDay).allowed());               // no note at all
  CHECK(policy.check(invite(5, 120, true), 0, 30 * kDay).allowed());    // the next month
  for (MemberId m = 0; m < 50; ++m) REQUIRE(policy.check(invite(m, 300, true), 1, m).allowed());  // unlimited
}
