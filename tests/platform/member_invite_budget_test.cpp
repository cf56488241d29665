// The per-member budget of invitations from strangers: exact cases through the Policy (the budget,
// senders with mutual connections, the rolling window, members independent), the refusal's text,
// strikes for repeated refusals, bad parameters with their JSON paths, the member-view flag, and a
// brute-force oracle on a random stream.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <vector>

#include "fixture.hpp"
#include "linksim/platform/rules/member_invite_budget.hpp"

using namespace linksim::test;
using linksim::core::Time;

namespace {

Action stranger(MemberId to) { return invite(to); }  // mutual = 0
Action acquaintance(MemberId to, std::uint16_t mutual) {
  Action a = invite(to);
  a.mutual = mutual;
  return a;
}

/// Only the budget on, with `budget` per `days`, for `senders` free senders.
PlatformParams budget_params(std::uint32_t budget, double days, const json& extra = json::object()) {
  json rule = {{"budget", budget}, {"window_days", days}};
  rule.merge_patch(extra);
  return params_with({"member_invite_budget"}, {{"rules", {{"member_invite_budget", rule}}}});
}

}  // namespace

TEST_CASE("member budget: B invitations from strangers pass, the next is refused until the oldest leaves the window", "[platform]") {
  const std::vector<PlanId> plans(8, PlanId::kFree);
  Policy policy(budget_params(3, 7), plans);
  const MemberId m = 42;
  // Three strangers (senders 0, 1, 2) invite member 42: all delivered.
  CHECK(policy.check(stranger(m), 0, 0).verdict == Verdict::kAllow);
  CHECK(policy.check(stranger(m), 1, kHour).verdict == Verdict::kAllow);
  CHECK(policy.check(stranger(m), 2, 2 * kHour).verdict == Verdict::kAllow);
  // The fourth stranger is refused: the member is not accepting invitations now.
  const Decision d = policy.check(stranger(m), 3, 3 * kHour);
  CHECK(d.verdict == Verdict::kDeny);
  CHECK(d.notice == Notice::kMemberBudget);
  CHECK(notice_text(d.notice) == "this member isn't accepting invitations right now");
  CHECK(policy.rule_name(d.rule) == "member_invite_budget");
  CHECK(d.retry_at == 7 * kDay);  // when the one sent at 0 leaves the window
  // A sender with mutual connections is not a stranger: passes, and spends nothing.
  CHECK(policy.check(acquaintance(m, 1), 4, 4 * kHour).verdict == Verdict::kAllow);
  CHECK(policy.check(acquaintance(m, 12), 5, 5 * kHour).verdict == Verdict::kAllow);
  // Another member has their own budget.
  for (SenderId s = 0; s < 3; ++s) CHECK(policy.check(stranger(43), s, 6 * kHour).verdict == Verdict::kAllow);
  CHECK(policy.check(stranger(43), 3, 6 * kHour).verdict == Verdict::kDeny);
  // The refused invitations spent nothing: at 7 days the first one left, so exactly one more passes.
  CHECK(policy.check(stranger(m), 3, 7 * kDay - 1).verdict == Verdict::kDeny);
  CHECK(policy.check(stranger(m), 3, 7 * kDay).verdict == Verdict::kAllow);
  const Decision again = policy.check(stranger(m), 6, 7 * kDay + 1);
  CHECK(again.verdict == Verdict::kDeny);
  CHECK(again.retry_at == 7 * kDay + kHour);  // the one sent at 1 hour leaves next
  // After a whole window without invitations the budget is full again.
  for (SenderId s = 0; s < 3; ++s) CHECK(policy.check(stranger(m), s, 15 * kDay).verdict == Verdict::kAllow);
  CHECK(policy.check(stranger(m), 7, 15 * kDay).verdict == Verdict::kDeny);
  CHECK(policy.transitions().empty());  // refusals are not strikes by default
}

TEST_CASE("member budget: counting and the window, read on the rule itself", "[platform]") {
  MemberInviteBudget::Params p;
  CHECK(p.budget == 5);  // the documented defaults
  CHECK(p.window == 7 * kDay);
  CHECK(p.hits.strike_after == 0);
  p.budget = 2;
  p.window = kDay;
  const auto book = book_of(PlanId::kFree, 2);
  MemberInviteBudget rule(p, book);
  CHECK(rule.checks() == action_bit(ActionKind::kInvite));
  CHECK(rule.counts() == action_bit(ActionKind::kInvite));
  CHECK_FALSE(rule.reacts_to_denials());
  CHECK(MemberInviteBudget::kMemberView);
  PlatformParams params = params_with({});
  SenderBook shared = book;
  Ladder ladder(params.ladder, 2);
  Context ctx{shared, ladder};
  CHECK(rule.in_window(9, 0) == 0);
  CHECK(rule.tracked_members() == 0);
  rule.commit(acquaintance(9, 3), 0, 0, ctx);  // not counted
  CHECK(rule.tracked_members() == 0);
  rule.commit(stranger(9), 0, 10, ctx);
  rule.commit(stranger(9), 1, 20, ctx);  // the same member from either sender
  CHECK(rule.in_window(9, 20) == 2);
  CHECK_FALSE(rule.check(stranger(9), 0, 30, book).ok);
  CHECK(rule.check(acquaintance(9, 1), 0, 30, book).ok);
  CHECK(rule.in_window(9, kDay + 10) == 1);  // the one at 10 is out: (now - window, now]
  CHECK(rule.check(stranger(9), 1, kDay + 10, book).ok);
  rule.commit(stranger(9), 1, kDay + 10, ctx);
  rule.commit(stranger(9), 1, 3 * kDay, ctx);  // the ring wraps: only the last two are kept
  CHECK(rule.in_window(9, 3 * kDay) == 1);
  CHECK(rule.tracked_members() == 1);
}

TEST_CASE("member budget: the refusal is explained with the member's count and when it frees", "[platform]") {
  const std::vector<PlanId> plans(3, PlanId::kFree);
  Policy policy(budget_params(2, 7), plans);
  REQUIRE(policy.check(stranger(5), 0, kHour).allowed());
  REQUIRE(policy.check(stranger(5), 1, 2 * kHour).allowed());
  const Decision d = policy.check(stranger(5), 2, 3 * kHour);
  REQUIRE(d.verdict == Verdict::kDeny);
  CHECK(policy.explain(d, stranger(5), 2, 3 * kHour) ==
        "member_invite_budget: member 5 has received 2 invitations from strangers (no mutual connection) in the last 7 "
        "days (budget 2); the next one is accepted from day 7 01:00");
  MemberInviteBudget::Params p;
  MemberInviteBudget rule(p, book_of());
  CHECK(rule.describe(acquaintance(5, 4), 0, 0, book_of()) ==
        "member 5 shares 4 connections with the sender: not a stranger's invitation, not counted");
  CHECK(rule.describe(stranger(5), 0, 0, book_of()) ==
        "member 5 has received 0 invitations from strangers (no mutual connection) in the last 7 days (budget 5)");
}

TEST_CASE("member budget: a sender refused strike_after_denials times within the window takes a strike", "[platform]") {
  const std::vector<PlanId> plans(3, PlanId::kFree);
  Policy policy(budget_params(1, 7, {{"strike_after_denials", 3}, {"denials_window_days", 1}}), plans);
  // Members 0..9 each receive one stranger's invitation from sender 0: their budgets are spent.
  for (MemberId m = 0; m < 10; ++m) REQUIRE(policy.check(stranger(m), 0, m).allowed());
  // Sender 1 is refused by three members' budgets within a day: a strike on sender 1.
  CHECK_FALSE(policy.check(stranger(0), 1, kHour).allowed());
  CHECK_FALSE(policy.check(stranger(1), 1, 2 * kHour).allowed());
  CHECK(policy.transitions().empty());
  CHECK_FALSE(policy.check(stranger(2), 1, 3 * kHour).allowed());
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].sender == 1);
  CHECK(policy.transitions()[0].to == "warning");
  CHECK(policy.rule_name(policy.transitions()[0].rule) == "member_invite_budget");
  CHECK(policy.transitions()[0].reason ==
        "repeatedly refused by members' invitation budgets: 3 attempts refused by the limit within 1 days");
  // Sender 2's refusals a day apart never make three within a day.
  CHECK_FALSE(policy.check(stranger(3), 2, 4 * kHour).allowed());
  CHECK_FALSE(policy.check(stranger(4), 2, 4 * kHour + kDay).allowed());
  CHECK_FALSE(policy.check(stranger(5), 2, 4 * kHour + 2 * kDay).allowed());
  CHECK(policy.transitions().size() == 1);
}

TEST_CASE("member budget: bad parameters name their JSON path", "[platform]") {
  SECTION("budget 0") {
    const auto issues = issues_of({{"rules", {{"member_invite_budget", {{"budget", 0}}}}}});
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/platform/rules/member_invite_budget/budget");
    CHECK(issues[0].expected == "an integer in [1, 10000]");
    CHECK(issues[0].found == "0");
  }
  SECTION("a window under an hour, and strikes' window") {
    const auto issues = issues_of({{"rules", {{"member_invite_budget", {{"window_days", 0.01}, {"denials_window_days", 0}}}}}});
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].path == "/platform/rules/member_invite_budget/window_days");
    CHECK(issues[1].path == "/platform/rules/member_invite_budget/denials_window_days");
  }
  SECTION("an unknown key and a wrong type") {
    const auto issues = issues_of({{"rules", {{"member_invite_budget", {{"budgets", 3}, {"budget", "five"}}}}}});
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].path == "/platform/rules/member_invite_budget/budget");
    CHECK(issues[1].path == "/platform/rules/member_invite_budget/budgets");
  }
  SECTION("the constructor checks too") {
    MemberInviteBudget::Params p;
    p.budget = 0;
    REQUIRE_THROWS_WITH(MemberInviteBudget(p, book_of()), Catch::Contains("budget"));
  }
}

TEST_CASE("member budget: off in both presets, and the only rule that needs every sender in one loop", "[platform]") {
  for (const auto& preset : platform_preset_names()) {
    INFO(preset);
    const PlatformParams p = platform_params_from_json({{"preset", preset}}, "/platform");
    for (const auto& r : p.rules) CHECK(r.name != "member_invite_budget");
    CHECK_FALSE(p.needs_member_view());
  }
  const PlatformParams on = budget_params(5, 7);
  REQUIRE(on.rules.size() == 1);
  CHECK(on.rules[0].member_view);
  CHECK(on.needs_member_view());
  // Every other rule on, this one off: no member view.
  std::vector<std::string> others;
  for (auto n : rule_names())
    if (n != "member_invite_budget") others.emplace_back(n);
  const PlatformParams rest = params_with(others);
  CHECK(rest.rules.size() == rule_names().size() - 1);
  CHECK_FALSE(rest.needs_member_view());
}

TEST_CASE("member budget agrees with a brute-force count on a random stream", "[platform]") {
  // 40 senders, 25 members, a third of the invitations from acquaintances; budget 4 per 2 days.
  constexpr std::uint32_t kBudget = 4;
  constexpr Time kWindow = 2 * kDay;
  const std::vector<PlanId> plans(40, PlanId::kFree);
  Policy policy(budget_params(kBudget, 2), plans);
  std::map<MemberId, std::vector<Time>> delivered;  // stranger invitations let through, per member
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  auto next = [&x](std::uint64_t n) {  // xorshift64*: the same stream on every platform
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    return (x * 0x2545F4914F6CDD1Dull >> 33) % n;
  };
  Time t = 0;
  std::size_t allowed = 0, refused = 0;
  for (int i = 0; i < 20000; ++i) {
    t += static_cast<Time>(next(600));
    const auto s = static_cast<SenderId>(next(40));
    const auto m = static_cast<MemberId>(next(25));
    const bool mutual = next(3) == 0;
    const Action a = mutual ? acquaintance(m, static_cast<std::uint16_t>(1 + next(5))) : stranger(m);
    std::size_t in_window = 0;
    Time oldest_in_window = 0;
    const auto& log = delivered[m];
    for (auto it = log.rbegin(); it != log.rend() && *it > t - kWindow; ++it, ++in_window) oldest_in_window = *it;
    const bool expect = mutual || in_window < kBudget;
    const Decision d = policy.check(a, s, t);
    INFO("step " << i << " t " << t << " member " << m);
    REQUIRE(d.allowed() == expect);
    if (!expect) {
      // The budget-th most recent (the oldest of the last kBudget) leaves the window at retry_at.
      REQUIRE(d.retry_at == oldest_in_window + kWindow);
      ++refused;
    } else {
      ++allowed;
      if (!mutual) delivered[m].push_back(t);
    }
  }
  // Both branches exercised many times (the stream is not vacuous).
  CHECK(allowed > 5000);
  CHECK(refused > 2000);
}
