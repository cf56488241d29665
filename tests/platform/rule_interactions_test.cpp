// Rules that mask each other (docs/policy.md, "Rule interactions"): one test per documented pair.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace linksim::test;

namespace {

// `accepted` acceptances among 50 responses: 50 is the floor's min_responses.
void respond(Policy& p, int accepted, linksim::core::Time at) {
  for (int i = 0; i < 50; ++i) p.observe(outcome(i < accepted ? OutcomeKind::kAccepted : OutcomeKind::kIgnored, 0, 0), 0, at);
}

// Invitations one a minute from `from` until one is refused; how many went through.
int sent_until_refused(Policy& p, linksim::core::Time from, MemberId first = 1000) {
  for (int i = 0; i < 1000; ++i) {
    const Decision d = p.check(invite(first + static_cast<MemberId>(i)), 0, from + i * kMinute);
    if (!d.allowed()) {
      CHECK(d.notice == Notice::kWeeklyLimit);
      return i;
    }
  }
  return -1;
}

const std::vector<PlanId> kFree = {PlanId::kFree};

}  // namespace

TEST_CASE("the acceptance floor's lowered cap is the cap of whichever weekly cap is on", "[platform][interactions]") {
  // Free plan, 100 a week; 5 acceptances of 50 responses (10% < 30%) halve it.
  const linksim::core::Time monday = kWeek;  // a calendar week starts: nothing sent in it yet
  SECTION("rolling 7 days") {
    Policy p(params_with({"invite_cap_rolling", "acceptance_floor"}), kFree);
    respond(p, 5, 0);
    CHECK(sent_until_refused(p, monday) == 50);
  }
  SECTION("calendar week") {
    Policy p(params_with({"invite_cap_calendar", "acceptance_floor"}), kFree);
    respond(p, 5, 0);
    CHECK(sent_until_refused(p, monday) == 50);
  }
  SECTION("calendar week, acceptance above the floor") {
    Policy p(params_with({"invite_cap_calendar", "acceptance_floor"}), kFree);
    respond(p, 20, 0);  // 40%
    CHECK(sent_until_refused(p, monday) == 100);
  }
}

TEST_CASE("a sender at exactly the lowered cap each working week: the calendar week never refuses, the rolling window does", "[platform][interactions]") {
  // 10 invitations on each working day (50 a week, the lowered cap), 10 minutes apart from 09:00,
  // except the first Monday, which starts at 09:10. On the second Monday at 09:00 the rolling
  // window still holds the first Monday's 10 and Tuesday–Friday's 40: refused once, and the
  // 09:10 invitation goes through as the first Monday's 09:10 one leaves the window. The calendar
  // week starts again at Monday 00:00 and never refuses.
  auto refused = [](Policy& p) {
    respond(p, 5, 0);
    REQUIRE(p.senders().weekly_cap(0) == 50);
    int n = 0;
    MemberId to = 1000;
    for (int week = 1; week <= 4; ++week)
      for (int day = 0; day < 5; ++day) {
        const auto start = week * kWeek + day * kDay + 9 * kHour + (week == 1 && day == 0 ? 10 * kMinute : 0);
        for (int i = 0; i < 10; ++i) n += p.check(invite(to++), 0, start + i * 10 * kMinute).allowed() ? 0 : 1;
      }
    return n;
  };
  Policy rolling(params_with({"invite_cap_rolling", "acceptance_floor"}), kFree);
  Policy calendar(params_with({"invite_cap_calendar", "acceptance_floor"}), kFree);
  CHECK(refused(rolling) == 1);
  CHECK(refused(calendar) == 0);
}

TEST_CASE("a weekly cap that counts pending invitations masks any pending cap at or above it", "[platform][interactions]") {
  // 10 invitations a day (70 a week, under the cap of 100) and nobody answers: pending grows by
  // one per invitation. Returns the pending count at the first refusal and the refusing rule.
  auto refusal = [](std::uint32_t max_pending, bool count_pending) {
    Policy p(params_with({"invite_cap_rolling", "pending_cap"},
                         {{"rules", {{"invite_cap_rolling", {{"count_pending", count_pending}}}, {"pending_cap", {{"max_pending", max_pending}}}}}}),
             kFree);
    for (int day = 0; day < 60; ++day)
      for (int i = 0; i < 10; ++i) {
        const Decision d = p.check(invite(static_cast<MemberId>(day * 10 + i)), 0, day * kDay + i * kMinute);
        if (!d.allowed()) return std::pair{p.senders().pending[0], std::string(p.rule_name(d.rule))};
      }
    return std::pair{p.senders().pending[0], std::string("none")};
  };
  // Counting pending: at 100 pending the weekly cap refuses for good, so a pending cap of 150 or
  // 3,000 never binds.
  CHECK(refusal(150, true) == std::pair{100u, std::string("invite_cap_rolling")});
  CHECK(refusal(3000, true) == std::pair{100u, std::string("invite_cap_rolling")});
  // Without it, the pending cap is what refuses.
  CHECK(refusal(150, false) == std::pair{150u, std::string("pending_cap")});
  // Below the weekly cap, the pending cap refuses first either way.
  CHECK(refusal(60, true) == std::pair{60u, std::string("pending_cap")});
}

TEST_CASE("the note length is checked before the monthly quota", "[platform][interactions]") {
  // Free plan: 200 characters, 5 personalized notes a month.
  Policy p(params_with({"notes"}), kFree);
  for (MemberId i = 0; i < 5; ++i) REQUIRE(p.check(invite(i, 150, true), 0, i * kMinute).allowed());
  // Quota used up: an over-long note is still refused as too long, a short one as over quota;
  // a sender who then drops the note (as linksim's senders do) is never told about the length again.
  CHECK(p.check(invite(10, 250, true), 0, kHour).notice == Notice::kNoteTooLong);
  CHECK(p.check(invite(11, 150, true), 0, kHour).notice == Notice::kNoteQuota);
  CHECK(p.check(invite(12, 0, false), 0, kHour).allowed());
  // A template note is not personalized: no quota, only the length.
  CHECK(p.check(invite(13, 150, false), 0, kHour).allowed());
  CHECK(p.check(invite(14, 250, false), 0, kHour).notice == Notice::kNoteTooLong);
}

TEST_CASE("a weekly cap below the burst count masks the burst rule", "[platform][interactions]") {
  // Burst: 20 invitations within 15 minutes is a strike. One a second from Monday 09:00.
  auto strikes = [](std::uint32_t percent) {
    Policy p(params_with({"invite_cap_rolling", "burst", "acceptance_floor"},
                         {{"rules", {{"acceptance_floor", {{"lowered_cap_percent", percent}}}}}}),
             kFree);
    respond(p, 0, 0);
    int allowed = 0;
    for (int i = 0; i < 40; ++i) allowed += p.check(invite(static_cast<MemberId>(100 + i)), 0, kWeek + 9 * kHour + i).allowed() ? 1 : 0;
    return std::pair{allowed, p.transitions().size()};
  };
  CHECK(strikes(15) == std::pair{15, std::size_t{0}});  // cap 15 < 20: no burst possible
  const auto [allowed, n] = strikes(50);                 // cap 50: the 20th invitation strikes
  CHECK(allowed >= 20);
  CHECK(n >= 1);
}
