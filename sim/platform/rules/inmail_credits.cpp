#include "linksim/platform/rules/inmail_credits.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace linksim::platform {

InmailCredits::Params InmailCredits::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                       Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get_duration("expiry_days", core::kDay, p.expiry);
  r.get_duration("refund_window_days", core::kDay, p.refund_window);
  r.get("one_per_person", p.one_per_person);
  r.finish();
  return p;
}

ParamSchema InmailCredits::Params::schema() {
  ParamSchema s = {
      {"expiry_days",
       number_param("A month's grant expires after this many days.", Bounds().at_least(1).at_most(3650))},
      {"refund_window_days",
       number_param("A reply within this many days gives the credit back.", Bounds().at_least(0))},
      {"one_per_person", boolean_param("One InMail per member until they respond.")}};
  return s;
}

void InmailCredits::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, expiry >= core::kDay && expiry <= 3650 * core::kDay, path, "expiry_days", "in [1, 3650]",
         in_units(expiry, core::kDay));
  expect(issues, refund_window >= 0, path, "refund_window_days", ">= 0", in_units(refund_window, core::kDay));
}

InmailCredits::InmailCredits(const Params& p, const SenderBook& book) : p_(p) {
  Issues issues;
  p.validate("inmail_credits", issues);
  throw_if_invalid("InmailCredits", issues);
  slots_ = static_cast<std::uint32_t>((p.expiry + core::kMonth - 1) / core::kMonth) + 1;
  for (SenderId s = 0; s < book.size(); ++s) {
    monthly_.push_back(book.plan(s).inmail_credits_per_month);
    cap_.push_back(book.plan(s).inmail_accrual_cap);
  }
  buckets_.assign(book.size() * slots_, Bucket{});
  granted_through_.assign(book.size(), -1);
  refunds_.assign(book.size(), 0);
}

std::uint32_t InmailCredits::outcomes() const {
  return outcome_bit(OutcomeKind::kInmailReplied) | outcome_bit(OutcomeKind::kInmailDeclined);
}

std::uint32_t InmailCredits::live(SenderId s, core::Time t) const {
  std::uint32_t n = 0;
  for (std::uint32_t i = 0; i < slots_; ++i)
    if (buckets(s)[i].expires > t) n += buckets(s)[i].credits;
  return n;
}

void InmailCredits::catch_up(SenderId s, core::Time now) const {
  const auto month = static_cast<std::int32_t>(core::month_of(now));
  for (std::int32_t m = granted_through_[s] + 1; m <= month; ++m) {
    const core::Time at = m * core::kMonth;
    // Accrual stops at the cap: the grant tops the balance up to it at most.
    const std::uint32_t balance = live(s, at);
    const std::uint32_t grant = balance >= cap_[s] ? 0 : std::min(monthly_[s], cap_[s] - balance);
    buckets(s)[static_cast<std::uint32_t>(m) % slots_] = Bucket{grant, at + p_.expiry};
  }
  granted_through_[s] = std::max(granted_through_[s], month);
}

std::uint32_t InmailCredits::balance(SenderId s, core::Time now) const {
  catch_up(s, now);
  return live(s, now);
}

RuleCheck InmailCredits::check(const Action& a, SenderId s, core::Time now, const SenderBook&) const {
  if (p_.one_per_person && awaiting_.find(PairMap::key(s, a.recipient)))
    return RuleCheck::deny(Notice::kAwaitingReply, core::kNever);
  if (balance(s, now) > 0) return RuleCheck::pass();
  return RuleCheck::deny(Notice::kNoCredits, monthly_[s] > 0 ? (core::month_of(now) + 1) * core::kMonth : core::kNever);
}

void InmailCredits::commit(const Action& a, SenderId s, core::Time now, Context&) {
  catch_up(s, now);
  // Spend the credit that expires first.
  Bucket* best = nullptr;
  for (std::uint32_t i = 0; i < slots_; ++i) {
    Bucket& b = buckets(s)[i];
    if (b.credits > 0 && b.expires > now && (!best || b.expires < best->expires)) best = &b;
  }
  if (best) --best->credits;
  if (p_.one_per_person) awaiting_.set(PairMap::key(s, a.recipient), now);
}

void InmailCredits::observe(const Outcome& o, SenderId s, core::Time now, Context&) {
  awaiting_.erase(PairMap::key(s, o.other));
  // Any response refunds, "not interested" included (help 57013: a credit back for every InMail
  // answered within 90 days).
  if (now - o.sent_at > p_.refund_window) return;
  // The refund goes to the newest grant (the accrual cap limits grants, not refunds).
  catch_up(s, now);
  buckets(s)[static_cast<std::uint32_t>(granted_through_[s]) % slots_].credits += 1;
  ++refunds_[s];
}

std::string InmailCredits::describe(const Action& a, SenderId s, core::Time, const SenderBook&) const {
  if (p_.one_per_person && awaiting_.find(PairMap::key(s, a.recipient)))
    return fmt::format("an InMail to member {} is still unanswered (one per person until they reply)", a.recipient);
  return fmt::format("no InMail credits left ({} a month, accrual cap {})", monthly_[s], cap_[s]);
}

}  // namespace linksim::platform
