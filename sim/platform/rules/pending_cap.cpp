#include "linksim/platform/rules/pending_cap.hpp"

#include <fmt/format.h>

namespace linksim::platform {

PendingCap::Params PendingCap::Params::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("max_pending", p.max_pending);
  r.get("strike", p.strike);
  r.finish();
  return p;
}

ParamSchema PendingCap::Params::schema() {
  ParamSchema s = {
      {"max_pending", integer_param("Pending invitations that block new ones.", Bounds().at_least(1))},
      {"strike", boolean_param("Reaching the cap is also a strike for too many outstanding invitations (ladder: at least restricted_month).")}};
  return s;
}

void PendingCap::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, max_pending >= 1, path, "max_pending", ">= 1", std::to_string(max_pending));
}

PendingCap::PendingCap(const Params& p, const SenderBook& book) : p_(p), struck_(book.size(), 0) {
  Issues issues;
  p.validate("pending_cap", issues);
  throw_if_invalid("PendingCap", issues);
}

std::uint32_t PendingCap::outcomes() const {
  if (!p_.strike) return 0;
  return outcome_bit(OutcomeKind::kAccepted) | outcome_bit(OutcomeKind::kDeclined) |
         outcome_bit(OutcomeKind::kReported) | outcome_bit(OutcomeKind::kWithdrawn);
}

RuleCheck PendingCap::check(const Action&, SenderId s, core::Time, const SenderBook& book) const {
  if (book.pending[s] < p_.max_pending) return RuleCheck::pass();
  return RuleCheck::deny(Notice::kPendingLimit, core::kNever);  // frees only when invitations are answered
}

void PendingCap::denied(const Action& a, SenderId s, core::Time now, Context& ctx) {
  if (!p_.strike || struck_[s]) return;
  struck_[s] = 1;
  ctx.ladder.strike(s, now, StrikeKind::kOutstanding, "too many outstanding invitations: " + describe(a, s, now, ctx.senders));
}

void PendingCap::observe(const Outcome&, SenderId s, core::Time, Context& ctx) {
  if (ctx.senders.pending[s] < p_.max_pending) struck_[s] = 0;
}

std::string PendingCap::describe(const Action&, SenderId s, core::Time, const SenderBook& book) const {
  return fmt::format("{} invitations pending (cap {})", book.pending[s], p_.max_pending);
}

}  // namespace linksim::platform
