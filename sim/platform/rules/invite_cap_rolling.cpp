#include "linksim/platform/rules/invite_cap_rolling.hpp"

#include <fmt/format.h>

namespace linksim::platform {

InviteCapRolling::Params InviteCapRolling::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                             Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get_duration("window_days", core::kDay, p.window);
  r.get("count_pending", p.count_pending);
  p.hits.read(r);
  r.finish();
  return p;
}

ParamSchema InviteCapRolling::Params::schema() {
  ParamSchema s = {
      {"window_days", number_param("Window length in days (at least 1 hour).", Bounds().above(0))},
      {"count_pending", boolean_param("Pending invitations count toward the cap until accepted, declined or withdrawn.")}};
  LimitHits::Params::schema(s);
  return s;
}

void InviteCapRolling::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, window >= core::kHour, path, "window_days", ">= 1 hour (1/24 day)", in_units(window, core::kDay));
  hits.validate(path, issues);
}

InviteCapRolling::InviteCapRolling(const Params& p, const SenderBook& book) : p_(p), hits_(p.hits, book.size()), logs_(book.size()) {
  Issues issues;
  p.validate("invite_cap_rolling", issues);
  throw_if_invalid("InviteCapRolling", issues);
  std::uint64_t offset = 0;
  for (SenderId s = 0; s < book.size(); ++s) {
    logs_[s].offset = offset;
    logs_[s].capacity = book.plan(s).weekly_invite_cap < 1 ? 1 : book.plan(s).weekly_invite_cap;
    offset += logs_[s].capacity;
  }
  stamps_.assign(offset, 0);
  if (p_.count_pending) resolved_.assign(offset, 0);
}

std::uint32_t InviteCapRolling::outcomes() const {
  if (!p_.count_pending) return 0;
  return outcome_bit(OutcomeKind::kAccepted) | outcome_bit(OutcomeKind::kDeclined) |
         outcome_bit(OutcomeKind::kReported) | outcome_bit(OutcomeKind::kWithdrawn);
}

void InviteCapRolling::expire(Log& l, core::Time now) const {
  while (l.tail < l.pushed && stamp(l, l.tail) <= now - p_.window) {
    if (resolved_[l.offset + l.tail % l.capacity]) --l.resolved_in_window;
    ++l.tail;
  }
}

RuleCheck InviteCapRolling::check(const Action&, SenderId s, core::Time now, const SenderBook& book) const {
  const std::uint32_t cap = std::min(book.weekly_cap(s), logs_[s].capacity);
  Log& l = logs_[s];
  if (!p_.count_pending) {
    // O(1): the cap-th most recent invitation must have left the window.
    const std::uint32_t k = cap - 1;
    if (k >= std::min(l.pushed, l.capacity)) return RuleCheck::pass();
    const core::Time t = recent(l, k);
    if (t <= now - p_.window) return RuleCheck::pass();
    return RuleCheck::deny(Notice::kWeeklyLimit, t + p_.window);
  }
  expire(l, now);
  const std::uint64_t usage = std::uint64_t{book.pending[s]} + l.resolved_in_window;
  if (usage < cap) return RuleCheck::pass();
  // Only resolved invitations leaving the window lower the usage; pending ones keep counting.
  std::uint64_t need = usage - cap + 1;
  for (std::uint32_t i = l.tail; i < l.pushed; ++i)
    if (resolved_[l.offset + i % l.capacity] && --need == 0)
      return RuleCheck::deny(Notice::kWeeklyLimit, stamp(l, i) + p_.window);
  return RuleCheck::deny(Notice::kWeeklyLimit, core::kNever);
}

void InviteCapRolling::commit(const Action&, SenderId s, core::Time now, Context&) {
  Log& l = logs_[s];
  if (p_.count_pending) {
    expire(l, now);
    resolved_[l.offset + l.head] = 0;
    if (l.pushed - l.tail >= l.capacity) ++l.tail;  // cannot happen while the cap holds; stay consistent
  }
  stamps_[l.offset + l.head] = static_cast<std::int32_t>(now);
  ++l.pushed;
  l.head = l.head + 1 == l.capacity ? 0 : l.head + 1;
}

void InviteCapRolling::observe(const Outcome& o, SenderId s, core::Time now, Context&) {
  Log& l = logs_[s];
  expire(l, now);
  if (o.sent_at <= now - p_.window) return;  // already outside: it was pending, now it is not
  for (std::uint32_t i = l.tail; i < l.pushed; ++i) {
    const core::Time t = stamp(l, i);
    if (t > o.sent_at) break;
    std::uint8_t& flag = resolved_[l.offset + i % l.capacity];
    if (t == o.sent_at && !flag) {
      flag = 1;
      ++l.resolved_in_window;
      return;
    }
  }
}

std::uint32_t InviteCapRolling::in_window(SenderId s, core::Time now) const {
  const Log& l = logs_[s];
  std::uint32_t n = 0;
  for (std::uint32_t k = 0; k < std::min(l.pushed, l.capacity); ++k, ++n)
    if (recent(l, k) <= now - p_.window) break;
  return n;
}

void InviteCapRolling::denied(const Action&, SenderId s, core::Time now, Context& ctx) {
  if (hits_.refused(s, now)) ctx.ladder.strike(s, now, StrikeKind::kGeneral, "repeatedly at the weekly limit: " + hits_.reason());
}

std::string InviteCapRolling::describe(const Action&, SenderId s, core::Time now, const SenderBook& book) const {
  std::string text = fmt::format("weekly limit: {} invitations in the last {} days (cap {}", in_window(s, now),
                                 in_units(p_.window, core::kDay), book.weekly_cap(s));
  if (book.cap_percent[s] < 100) text += fmt::format(", lowered to {}% of the plan's", book.cap_percent[s]);
  text += ")";
  if (p_.count_pending) text += fmt::format("; {} invitations still pending count toward it", book.pending[s]);
  return text;
}

}  // namespace linksim::platform
