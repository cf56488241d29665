// Acceptance-rate floor: lowers the personal cap or strikes, over the last K or a window of days.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/acceptance_floor.hpp"

using namespace linksim::test;

namespace {
// Responses: `accepted` acceptances among `total`, accepted ones first, one a minute from `t0`.
void respond(Policy& p, int accepted, int total, linksim::core::Time t0) {
  for (int i = 0; i < total; ++i)
    p.observe(outcome(i < accepted ? OutcomeKind::kAccepted : OutcomeKind::kIgnored, 0, 0), 0, t0 + i * kMinute);
}
}  // namespace

TEST_CASE("acceptance floor lowers the personal cap below 30% over the last 100", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"acceptance_floor", "invite_cap_rolling"}), plans);
  respond(policy, 14, 49, 0);  // 49 responses: below min_responses, no judgement
  CHECK(policy.senders().cap_percent[0] == 100);
  respond(policy, 0, 1, kHour);  // 14 / 50 = 28%
  CHECK(policy.senders().cap_percent[0] == 50);
  CHECK(policy.senders().weekly_cap(0) == 50);
  respond(policy, 2, 2, 2 * kHour);  // 16 / 52 = 30.8%
  CHECK(policy.senders().cap_percent[0] == 100);
  CHECK(policy.transitions().empty());  // lower_cap only
}

TEST_CASE("acceptance floor strikes with the rate in the reason, at most once a week", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"acceptance_floor"},
                            {{"rules", {{"acceptance_floor", {{"effect", "strike"}, {"min_responses", 100}}}}}}),
                plans);
  respond(policy, 18, 100, 0);
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason == "restricted: acceptance 18% < 30% over the last 100 invites");
  CHECK(policy.senders().cap_percent[0] == 100);
  respond(policy, 0, 10, 2 * kDay);  // still below, within the week: no new strike
  CHECK(policy.transitions().size() == 1);
  respond(policy, 0, 1, 8 * kDay);
  CHECK(policy.transitions().size() == 2);
}

TEST_CASE("acceptance floor over the last K forgets older responses", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"acceptance_floor"}, {{"rules", {{"acceptance_floor", {{"last_k", 10}, {"min_responses", 10}}}}}}),
                plans);
  respond(policy, 0, 10, 0);
  CHECK(policy.senders().cap_percent[0] == 50);
  respond(policy, 3, 3, kDay);  // the last 10: 3 accepted of 10
  CHECK(policy.senders().cap_percent[0] == 100);
}

TEST_CASE("acceptance floor over a window of days", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"acceptance_floor"}, {{"rules", {{"acceptance_floor",
      {{"basis", "window"}, {"window_days", 7}, {"min_responses", 10}}}}}}), plans);
  respond(policy, 0, 10, 0);  // day 0: 0 of 10
  CHECK(policy.senders().cap_percent[0] == 50);
  respond(policy, 10, 10, 3 * kDay);  // days 0-3: 10 of 20 = 50%
  CHECK(policy.senders().cap_percent[0] == 100);
  respond(policy, 0, 10, 7 * kDay);  // days 1-7: 10 of 20 (day 0 left the window)
  CHECK(policy.senders().cap_percent[0] == 100);
  respond(policy, 0, 1, 10 * kDay);  // days 4-10: 0 of 11
  CHECK(policy.senders().cap_percent[0] == 50);
}

TEST_CASE("acceptance floor rejects bad parameters", "[platform]") {
  const auto book = book_of();
  const auto bad = [&](auto change, const char* name) {
    AcceptanceFloor::Params p;
    change(p);
    REQUIRE_THROWS_WITH(AcceptanceFloor(p, book), Catch::Contains(name));
  };
  bad([](auto& p) { p.floor = 0.0; }, "floor");
  bad([](auto& p) { p.floor = 1.5; }, "floor");
  bad([](auto& p) { p.basis = decltype(p.basis)::parse("last"); }, "basis");
  bad([](auto& p) { p.last_k = 0; }, "last_k");
  bad([](auto& p) { p.window = -kDay; }, "window_days");
  bad([](auto& p) { p.window = kDay + 1; }, "window_days");
  bad([](auto& p) { p.min_responses = 0; }, "min_responses");
  bad([](auto& p) { p.effect = decltype(p.effect)::parse("ban"); }, "effect");
  bad([](auto& p) { p.lowered_cap_percent = 0; }, "lowered_cap_percent");
  bad([](auto& p) { p.strike_every = -1; }, "strike_every_days");
}
