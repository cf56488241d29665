#include "linksim/platform/policy.hpp"

#include <stdexcept>

#include <fmt/format.h>


namespace linksim::platform {

Policy::Policy(const PlatformParams& params, std::span<const PlanId> sender_plans)
    : book_(params.plans, sender_plans), ladder_(params.ladder, sender_plans.size()) {
  // The rules' parameters were read and checked once, by platform_params_from_json: no JSON here.
  for (const auto& spec : params.rules) rules_.push_back(spec.make(book_));
  for (const auto& lim : params.limiters) rules_.push_back(make_limiter_rule(lim, book_));
  if (rules_.size() >= Decision::kNoRule) throw std::invalid_argument("Policy: too many rules (at most 254)");
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const auto index = static_cast<std::uint8_t>(i);
    for (std::size_t k = 0; k < kActionKinds; ++k) {
      if (rules_[i]->checks() & (1u << k)) checkers_[k].push_back({rules_[i].get(), index, rules_[i]->reacts_to_denials()});
      if (rules_[i]->counts() & (1u << k)) counters_[k].push_back({rules_[i].get(), index});
    }
    for (std::size_t k = 0; k < kOutcomeKinds; ++k)
      if (rules_[i]->outcomes() & (1u << k)) by_outcome_[k].push_back({rules_[i].get(), index});
  }
}

void Policy::time_out_of_range(core::Time now) {
  throw std::out_of_range(fmt::format("Policy: time {} outside [0, {}] seconds", now, kMaxTime));
}

Decision Policy::check(const Action& a, SenderId s, core::Time now) {
  check_time(now);
  const core::Time until = ladder_.blocked_until(s, a.kind);
  if (now < until) return Decision{Verdict::kDeny, ladder_.block_notice(s, a.kind), Decision::kNoRule, until};
  if (a.kind == ActionKind::kInvite && !a.has_email) {
    const core::Time email_until = ladder_.email_required_until(s);
    if (now < email_until) return Decision{Verdict::kDeny, Notice::kEmailRequired, Decision::kNoRule, email_until};
  }
  for (const Checker& c : checkers_[static_cast<std::size_t>(a.kind)]) {
    const RuleCheck r = c.rule->check(a, s, now, book_);
    if (!r.ok) {
      if (c.reacts) {
        Context ctx{book_, ladder_};
        ladder_.attribute_to(c.index);
        c.rule->denied(a, s, now, ctx);
        ladder_.attribute_to(Decision::kNoRule);
      }
      return Decision{Verdict::kDeny, r.notice, c.index, r.retry_at};
    }
  }
  const std::size_t before = ladder_.transitions().size();
  Context ctx{book_, ladder_};
  for (const Indexed& c : counters_[static_cast<std::size_t>(a.kind)]) {
    ladder_.attribute_to(c.index);
    c.rule->commit(a, s, now, ctx);
  }
  ladder_.attribute_to(Decision::kNoRule);
  if (a.kind == ActionKind::kInvite) ++book_.pending[s];
  const auto& log = ladder_.transitions();
  for (std::size_t i = log.size(); i > before; --i)
    if (log[i - 1].effect != Effect::kReinstatement) return strike_decision(log[i - 1], s, a.kind, now);
  return Decision{};
}

Decision Policy::strike_decision(const Transition& t, SenderId s, ActionKind k, core::Time now) const {
  if (t.until > now && t.step == Step::kEmailRequired)
    return Decision{Verdict::kAllowWithStrike, Notice::kEmailRequired, Decision::kNoRule, t.until};
  if (t.until > now) {
    const core::Time until = ladder_.blocked_until(s, k);
    return Decision{Verdict::kAllowWithStrike, until > now ? ladder_.block_notice(s, k) : Notice::kRestricted,
                    Decision::kNoRule, t.until};
  }
  return Decision{Verdict::kAllowWithStrike, Notice::kWarning, Decision::kNoRule, now};
}

void Policy::observe(const Outcome& o, SenderId s, core::Time now) {
  check_time(now);
  std::uint32_t& pending = book_.pending[s];
  switch (o.kind) {
    case OutcomeKind::kAccepted:
      ++book_.connections[s];
      [[fallthrough]];
    case OutcomeKind::kDeclined:
    case OutcomeKind::kReported:
    case OutcomeKind::kWithdrawn:
      if (pending > 0) --pending;
      break;
    case OutcomeKind::kConnected: ++book_.connections[s]; break;
    case OutcomeKind::kDisconnected:
      if (book_.connections[s] > 0) --book_.connections[s];
      break;
    default: break;
  }
  Context ctx{book_, ladder_};
  for (const Indexed& r : by_outcome_[static_cast<std::size_t>(o.kind)]) {
    ladder_.attribute_to(r.index);
    r.rule->observe(o, s, now, ctx);
  }
  ladder_.attribute_to(Decision::kNoRule);
}

std::string_view Policy::rule_name(std::uint8_t index) const {
  return index < rules_.size() ? rules_[index]->name() : std::string_view("restriction");
}

std::string Policy::explain(const Decision& d, const Action& a, SenderId s, core::Time now) const {
  if (d.verdict == Verdict::kDeny && d.rule < rules_.size())
    return std::string(rules_[d.rule]->name()) + ": " + rules_[d.rule]->describe(a, s, now, book_);
  if (d.verdict == Verdict::kDeny)
    return fmt::format("{} ({}) until {}", notice_text(d.notice), ladder_.state_name(s), format_time(d.retry_at));
  if (d.verdict == Verdict::kAllowWithStrike)
    for (auto it = ladder_.transitions().rbegin(); it != ladder_.transitions().rend(); ++it)
      if (it->sender == s && it->effect != Effect::kReinstatement) return fmt::format("{} → {}: {}", it->from, it->to, it->reason);
  return "sent";
}

}  // namespace linksim::platform
