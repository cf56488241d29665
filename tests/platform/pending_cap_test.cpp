// Pending cap: blocks at the cap and frees as invitations are answered; optional strike.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/pending_cap.hpp"

using namespace linksim::test;

TEST_CASE("pending cap blocks at the cap and frees when invitations are answered", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"pending_cap"}, {{"rules", {{"pending_cap", {{"max_pending", 3}}}}}}), plans);
  for (MemberId m = 0; m < 3; ++m) REQUIRE(policy.check(invite(m), 0, m).allowed());
  CHECK(policy.senders().pending[0] == 3);
  const Decision d = policy.check(invite(3), 0, 10);
  CHECK(d.notice == Notice::kPendingLimit);
  CHECK(d.retry_at == linksim::core::kNever);
  CHECK(policy.explain(d, invite(3), 0, 10) == "pending_cap: 3 invitations pending (cap 3)");
  policy.observe(outcome(OutcomeKind::kIgnored, 0, 0), 0, 20);  // ignored stays pending
  CHECK_FALSE(policy.check(invite(3), 0, 20).allowed());
  policy.observe(outcome(OutcomeKind::kDeclined, 0, 0), 0, 30);
  CHECK(policy.check(invite(3), 0, 30).allowed());
  CHECK_FALSE(policy.check(invite(4), 0, 31).allowed());
  policy.observe(outcome(OutcomeKind::kWithdrawn, 1, 1), 0, 40);
  policy.observe(outcome(OutcomeKind::kAccepted, 2, 2), 0, 40);
  CHECK(policy.senders().pending[0] == 1);
  CHECK(policy.senders().connections[0] == 1);
  CHECK(policy.check(invite(4), 0, 41).allowed());
}

TEST_CASE("pending cap strike goes to the outstanding-invitations step once per episode", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"pending_cap"}, {{"rules", {{"pending_cap", {{"max_pending", 2}, {"strike", true}}}}}}),
                plans);
  policy.check(invite(0), 0, 0);
  policy.check(invite(1), 0, 1);
  CHECK_FALSE(policy.check(invite(2), 0, 2).allowed());
  CHECK_FALSE(policy.check(invite(2), 0, 3).allowed());
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].to == "restricted_month");
  CHECK(policy.transitions()[0].until == 2 + 720 * kHour);
  CHECK(policy.transitions()[0].reason == "too many outstanding invitations: 2 invitations pending (cap 2)");
  const Decision d = policy.check(invite(2), 0, 4);
  CHECK(d.notice == Notice::kRestricted);
  CHECK(d.retry_at == 2 + 720 * kHour);
}

TEST_CASE("pending cap rejects a cap of 0", "[platform]") {
  PendingCap::Params p;
  p.max_pending = 0;
  REQUIRE_THROWS_WITH(PendingCap(p, book_of()), Catch::Contains("max_pending"));
}
