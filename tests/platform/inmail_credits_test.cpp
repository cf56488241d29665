// InMail credits: monthly grants, accrual cap, 90-day expiry, refunds within 90 days, one per person.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/inmail_credits.hpp"

using namespace linksim::test;
using linksim::core::kMonth;

namespace {
struct Harness {
  explicit Harness(PlanId plan, InmailCredits::Params p = {}, json plan_patch = json::object())
      : params(platform_params_from_json({{"plans", plan_patch}}, "/platform")),
        book(params.plans, std::vector<PlanId>{plan}),
        ladder(params.ladder, 1),
        rule(p, book) {}
  bool send(MemberId to, linksim::core::Time t) {
    const auto a = act(ActionKind::kInmail, to);
    if (!rule.check(a, 0, t, book).ok) return false;
    Context ctx{book, ladder};
    rule.commit(a, 0, t, ctx);
    return true;
  }
  void reply(MemberId from, linksim::core::Time sent, linksim::core::Time t, bool declined = false) {
    Context ctx{book, ladder};
    rule.observe(outcome(declined ? OutcomeKind::kInmailDeclined : OutcomeKind::kInmailReplied, from, sent), 0, t, ctx);
  }
  PlatformParams params;
  SenderBook book;
  Ladder ladder;
  InmailCredits rule;
};
}  // namespace

TEST_CASE("accrual stops at the cap", "[platform]") {
  InmailCredits::Params long_expiry;
  long_expiry.expiry = 3650 * kDay;
  Harness h(PlanId::kSalesNavAdvanced, long_expiry);  // 50 a month, cap 150 (help 57013)
  CHECK(h.rule.balance(0, 0) == 50);
  CHECK(h.rule.balance(0, kMonth) == 100);
  CHECK(h.rule.balance(0, 2 * kMonth) == 150);
  CHECK(h.rule.balance(0, 3 * kMonth) == 150);
  CHECK(h.rule.balance(0, 12 * kMonth) == 150);
  for (MemberId m = 0; m < 30; ++m) REQUIRE(h.send(m, 12 * kMonth + 1));
  CHECK(h.rule.balance(0, 13 * kMonth) == 150);  // tops up to the cap: a 30-credit grant
}

TEST_CASE("grants expire after 90 days, the oldest credits are spent first", "[platform]") {
  Harness h(PlanId::kPremiumCareer, {}, {{"premium_career", {{"inmail_accrual_cap", 1000}}}});
  CHECK(h.rule.balance(0, 89 * kDay) == 15);
  CHECK(h.rule.balance(0, 120 * kDay) == 15);  // three live grants of 5, never more
  InmailCredits::Params long_expiry;
  long_expiry.expiry = 3650 * kDay;
  Harness forever(PlanId::kPremiumCareer, long_expiry, {{"premium_career", {{"inmail_accrual_cap", 1000}}}});
  CHECK(forever.rule.balance(0, 120 * kDay) == 25);
  Harness spend(PlanId::kPremiumCareer, {}, {{"premium_career", {{"inmail_accrual_cap", 1000}}}});
  REQUIRE(spend.send(1, 60 * kDay));                // from month 0's grant, which expires at day 90
  CHECK(spend.rule.balance(0, 89 * kDay) == 14);
  CHECK(spend.rule.balance(0, 90 * kDay) == 15);
}

TEST_CASE("any reply, \"not interested\" included, refunds the credit only within 90 days", "[platform]") {
  InmailCredits::Params long_expiry;
  long_expiry.expiry = 3650 * kDay;
  Harness h(PlanId::kPremiumCareer, long_expiry, {{"premium_career", {{"inmail_accrual_cap", 1000}}}});  // 5 a month
  REQUIRE(h.send(1, 0));
  REQUIRE(h.send(2, 0));
  CHECK(h.rule.balance(0, 1) == 3);
  h.reply(1, 0, 90 * kDay);  // exactly 90 days: refunded
  CHECK(h.rule.refunds(0) == 1);
  h.reply(2, 0, 90 * kDay + 1);  // too late
  CHECK(h.rule.refunds(0) == 1);
  CHECK(h.rule.balance(0, 90 * kDay + 1) == 3 + 1 + 3 * 5);
  REQUIRE(h.send(3, 91 * kDay));
  const auto before = h.rule.balance(0, 92 * kDay);
  h.reply(3, 91 * kDay, 92 * kDay, /*declined=*/true);  // "not interested" is a response: refunded too
  CHECK(h.rule.refunds(0) == 2);
  CHECK(h.rule.balance(0, 92 * kDay) == before + 1);
}

TEST_CASE("one InMail per person until they respond, and no credits, no InMail", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kPremiumCareer, PlanId::kFree};
  Policy policy(params_with({"inmail_credits"}), plans);
  CHECK(policy.check(act(ActionKind::kInmail, 7), 0, 0).allowed());
  const Decision again = policy.check(act(ActionKind::kInmail, 7), 0, kDay);
  CHECK(again.notice == Notice::kAwaitingReply);
  policy.observe(outcome(OutcomeKind::kInmailReplied, 7, 0), 0, 2 * kDay);
  CHECK(policy.check(act(ActionKind::kInmail, 7), 0, 2 * kDay).allowed());  // refunded too
  for (MemberId m = 10; m < 14; ++m) REQUIRE(policy.check(act(ActionKind::kInmail, m), 0, 3 * kDay).allowed());
  const Decision empty = policy.check(act(ActionKind::kInmail, 20), 0, 3 * kDay);
  CHECK(empty.notice == Notice::kNoCredits);
  CHECK(empty.retry_at == kMonth);
  const Decision free = policy.check(act(ActionKind::kInmail, 20), 1, 0);
  CHECK(free.notice == Notice::kNoCredits);
  CHECK(free.retry_at == linksim::core::kNever);
}

TEST_CASE("InMail credits reject bad parameters", "[platform]") {
  const auto book = book_of(PlanId::kPremiumCareer);
  InmailCredits::Params p;
  p.expiry = 0;
  REQUIRE_THROWS_WITH(InmailCredits(p, book), Catch::Contains("expiry_days"));
  p = {};
  p.refund_window = -kDay;
  REQUIRE_THROWS_WITH(InmailCredits(p, book), Catch::Contains("refund_window_days"));
}
