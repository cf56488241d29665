#include "linksim/platform/rules/invite_cap_calendar.hpp"

#include <fmt/format.h>

namespace linksim::platform {

InviteCapCalendar::Params InviteCapCalendar::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                               Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("count_pending", p.count_pending);
  p.hits.read(r);
  r.finish();
  return p;
}

ParamSchema InviteCapCalendar::Params::schema() {
  ParamSchema s = {
      {"count_pending", boolean_param("Pending invitations from earlier weeks count toward the cap.")}};
  LimitHits::Params::schema(s);
  return s;
}

void InviteCapCalendar::Params::validate(const std::string& path, Issues& issues) const { hits.validate(path, issues); }

// The cap itself changes per sender, so the window's own limit is only an upper bound.
InviteCapCalendar::InviteCapCalendar(const Params& p, const SenderBook& book)
    : p_(p), hits_(p.hits, book.size()), week_(UINT32_MAX, core::kWeek, 0), sent_(book.size()),
      resolved_(p.count_pending ? book.size() : 0) {
  Issues issues;
  p.validate("invite_cap_calendar", issues);
  throw_if_invalid("InviteCapCalendar", issues);
}

std::uint32_t InviteCapCalendar::outcomes() const {
  if (!p_.count_pending) return 0;
  return outcome_bit(OutcomeKind::kAccepted) | outcome_bit(OutcomeKind::kDeclined) |
         outcome_bit(OutcomeKind::kReported) | outcome_bit(OutcomeKind::kWithdrawn);
}

std::uint64_t InviteCapCalendar::usage(SenderId s, core::Time now, const SenderBook& book) const {
  // With pending counting: this week's sends plus older pending ones = pending + this week's resolved.
  if (p_.count_pending) return std::uint64_t{book.pending[s]} + week_.used(resolved_[s], now);
  return week_.used(sent_[s], now);
}

RuleCheck InviteCapCalendar::check(const Action&, SenderId s, core::Time now, const SenderBook& book) const {
  if (usage(s, now, book) < book.weekly_cap(s)) return RuleCheck::pass();
  // Pending invitations from earlier weeks still count next week unless answered.
  const bool next_week_helps = !p_.count_pending || book.pending[s] < book.weekly_cap(s);
  return RuleCheck::deny(Notice::kWeeklyLimit,
                         next_week_helps ? week_.window_start(week_.index(now) + 1) : core::kNever);
}

void InviteCapCalendar::commit(const Action&, SenderId s, core::Time now, Context&) { week_.commit(sent_[s], now); }

void InviteCapCalendar::observe(const Outcome& o, SenderId s, core::Time now, Context&) {
  if (week_.index(o.sent_at) == week_.index(now)) week_.commit(resolved_[s], now);
}

void InviteCapCalendar::denied(const Action&, SenderId s, core::Time now, Context& ctx) {
  if (hits_.refused(s, now)) ctx.ladder.strike(s, now, StrikeKind::kGeneral, "repeatedly at the weekly limit: " + hits_.reason());
}

std::string InviteCapCalendar::describe(const Action&, SenderId s, core::Time now, const SenderBook& book) const {
  std::string text = fmt::format("weekly limit: {} invitations this calendar week (cap {}",
                                 week_.used(sent_[s], now), book.weekly_cap(s));
  if (book.cap_percent[s] < 100) text += fmt::format(", lowered to {}% of the plan's", book.cap_percent[s]);
  text += ")";
  if (p_.count_pending) text += fmt::format("; {} invitations still pending count toward it", book.pending[s]);
  return text;
}

}  // namespace linksim::platform
