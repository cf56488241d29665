#include "linksim/platform/rules/member_invite_budget.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace linksim::platform {

MemberInviteBudget::Params MemberInviteBudget::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                                 Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("budget", p.budget);
  r.get_duration("window_days", core::kDay, p.window);
  p.hits.read(r);
  r.finish();
  return p;
}

ParamSchema MemberInviteBudget::Params::schema() {
  ParamSchema s = {
      {"budget",
       integer_param("Invitations from strangers a member may receive within the window.", Bounds().at_least(1).at_most(10000))},
      {"window_days", number_param("Rolling window in days (at least 1 hour).", Bounds().above(0))},
      {"strike_after_denials",
       integer_param("This many of a sender's invitations refused by members' budgets within denials_window_days are "
                     "a strike (0 = never).", Bounds().at_least(0).at_most(100000))},
      {"denials_window_days", number_param("The refusals counted are those within this many days of the first (at least 1 hour).", Bounds().above(0))}};
  return s;
}

void MemberInviteBudget::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, budget >= 1 && budget <= 10000, path, "budget", "an integer in [1, 10000]", std::to_string(budget));
  expect(issues, window >= core::kHour, path, "window_days", ">= 1 hour (1/24 day)", in_units(window, core::kDay));
  hits.validate(path, issues);
}

namespace {
MemberInviteBudget::Params checked(const MemberInviteBudget::Params& p) {
  Issues issues;
  p.validate("member_invite_budget", issues);
  throw_if_invalid("MemberInviteBudget", issues);
  return p;
}
}  // namespace

MemberInviteBudget::MemberInviteBudget(const Params& p, const SenderBook& book)
    : p_(checked(p)), hits_(p.hits, book.size()) {}

core::Time MemberInviteBudget::recent(std::size_t r, std::uint32_t k) const {
  std::uint32_t i = rings_[r].head + p_.budget - 1 - k;
  if (i >= p_.budget) i -= p_.budget;
  return stamps_[r * p_.budget + i];
}

RuleCheck MemberInviteBudget::check(const Action& a, SenderId, core::Time now, const SenderBook&) const {
  if (a.mutual != 0) return RuleCheck::pass();  // not a stranger: never counted, never refused
  const core::Time* r = index_.find(a.recipient);
  if (r == nullptr || rings_[static_cast<std::size_t>(*r)].pushed < p_.budget) return RuleCheck::pass();
  // The budget-th most recent stranger invitation must have left the window.
  const core::Time oldest = recent(static_cast<std::size_t>(*r), p_.budget - 1);
  if (oldest <= now - p_.window) return RuleCheck::pass();
  return RuleCheck::deny(Notice::kMemberBudget, oldest + p_.window);
}

void MemberInviteBudget::commit(const Action& a, SenderId, core::Time now, Context&) {
  if (a.mutual != 0) return;
  const core::Time* found = index_.find(a.recipient);
  std::size_t r;
  if (found != nullptr) {
    r = static_cast<std::size_t>(*found);
  } else {
    r = rings_.size();
    index_.set(a.recipient, static_cast<core::Time>(r));
    rings_.emplace_back();
    stamps_.resize(stamps_.size() + p_.budget, 0);
  }
  Ring& ring = rings_[r];
  stamps_[r * p_.budget + ring.head] = static_cast<std::int32_t>(now);
  ++ring.pushed;
  ring.head = ring.head + 1 == p_.budget ? 0 : ring.head + 1;
}

void MemberInviteBudget::denied(const Action&, SenderId s, core::Time now, Context& ctx) {
  if (hits_.refused(s, now))
    ctx.ladder.strike(s, now, StrikeKind::kGeneral, "repeatedly refused by members' invitation budgets: " + hits_.reason());
}

std::uint32_t MemberInviteBudget::in_window(MemberId m, core::Time now) const {
  const core::Time* r = index_.find(m);
  if (r == nullptr) return 0;
  const auto ring = static_cast<std::size_t>(*r);
  std::uint32_t n = 0;
  for (std::uint32_t k = 0; k < std::min(rings_[ring].pushed, p_.budget); ++k, ++n)
    if (recent(ring, k) <= now - p_.window) break;
  return n;
}

std::string MemberInviteBudget::describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const {
  if (a.mutual != 0)
    return fmt::format("member {} shares {} connections with the sender: not a stranger's invitation, not counted",
                       a.recipient, a.mutual);
  std::string text = fmt::format("member {} has received {} invitations from strangers (no mutual connection) in the "
                                 "last {} days (budget {})",
                                 a.recipient, in_window(a.recipient, now), in_units(p_.window, core::kDay), p_.budget);
  const RuleCheck c = check(a, s, now, book);
  if (!c.ok) text += "; the next one is accepted from " + format_time(c.retry_at);
  return text;
}

}  // namespace linksim::platform
