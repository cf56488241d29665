// 30,000-connection cap: beyond it invitations are refused, following still works.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/connection_cap.hpp"

using namespace linksim::test;

TEST_CASE("at 30,000 connections invitations stop and follows go on", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"connection_cap"}), plans);
  policy.senders().connections[0] = 29999;
  REQUIRE(policy.check(invite(1), 0, 0).allowed());
  policy.observe(outcome(OutcomeKind::kAccepted, 1, 0), 0, kDay);
  CHECK(policy.senders().connections[0] == 30000);
  const Decision d = policy.check(invite(2), 0, kDay);
  CHECK(d.notice == Notice::kConnectionLimit);
  CHECK(d.retry_at == linksim::core::kNever);
  CHECK(policy.explain(d, invite(2), 0, kDay) ==
        "connection_cap: 30000 connections reached the cap of 30000; you can follow people instead");
  CHECK(policy.check(act(ActionKind::kFollow, 2), 0, kDay).allowed());
  policy.observe(outcome(OutcomeKind::kDisconnected, 5, 0), 0, 2 * kDay);
  CHECK(policy.check(invite(2), 0, 2 * kDay).allowed());
  policy.observe(outcome(OutcomeKind::kConnected, 9, 0), 0, 3 * kDay);  // an inbound connection
  CHECK_FALSE(policy.check(invite(3), 0, 3 * kDay).allowed());
}

TEST_CASE("connection cap rejects a cap of 0", "[platform]") {
  ConnectionCap::Params p;
  p.max_connections = 0;
  REQUIRE_THROWS_WITH(ConnectionCap(p, book_of()), Catch::Contains("max_connections"));
}
