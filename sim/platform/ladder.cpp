#include "linksim/platform/ladder.hpp"

#include <algorithm>
#include <limits>

namespace linksim::platform {

namespace {
constexpr core::Time kEmpty = std::numeric_limits<core::Time>::min();
}

Ladder::Ladder(const LadderParams& params, std::size_t senders)
    : p_(params),
      level_(senders, -1),
      last_strike_(senders, kEmpty),
      recent_(senders * params.several_per_day, kEmpty),
      recent_head_(senders, 0),
      blocked_(senders * kActionKinds, std::numeric_limits<core::Time>::min()),
      notice_(senders * kActionKinds, Notice::kRestricted),
      email_until_(senders, std::numeric_limits<core::Time>::min()) {
  Issues issues;
  params.validate("ladder", issues);
  throw_if_invalid("Ladder", issues);
}

std::string_view Ladder::state_name(SenderId s) const {
  return level_[s] < 0 ? std::string_view("good_standing") : kStepNames[static_cast<std::size_t>(level_[s])];
}

void Ladder::block(SenderId s, std::uint32_t blocks, core::Time until, Notice notice) {
  for (std::size_t k = 0; k < kActionKinds; ++k) {
    if (!(blocks & (1u << k))) continue;
    const std::size_t i = s * kActionKinds + k;
    if (until > blocked_[i]) {
      blocked_[i] = until;
      notice_[i] = notice;
    }
  }
}

namespace {
/// The step a strike of `kind` reaches at `r`: the rungs are shared, the third restriction is not.
Step step_at(int r, StrikeKind kind) {
  constexpr int kThird = rung(Step::kRestrictedWeek);
  constexpr int kSideSteps = static_cast<int>(Step::kRestrictedMonth) - static_cast<int>(Step::kRestrictedWeek);
  if (r < kThird) return static_cast<Step>(r);
  if (r > kThird) return static_cast<Step>(r + kSideSteps);
  switch (kind) {
    case StrikeKind::kOutstanding: return Step::kRestrictedMonth;  // up to a month (help a551012)
    case StrikeKind::kReports: return Step::kEmailRequired;        // the vendor's third restriction
    case StrikeKind::kGeneral: break;
  }
  return Step::kRestrictedWeek;  // "typically lasts one week" (help a550555)
}
}  // namespace

void Ladder::strike(SenderId s, core::Time now, StrikeKind kind, const std::string& reason) {
  if (!p_.enabled) return;
  const std::string from(state_name(s));
  int r = level_[s] < 0 ? -1 : rung(static_cast<Step>(level_[s]));
  // A clean spell as long as the memory forgets earlier strikes (most restrictions lift within a week).
  if (r >= 0 && r < kTopRung && now - last_strike_[s] >= p_.strike_memory) r = -1;
  int next = std::min(r + 1, kTopRung);
  // Several strikes in a day: a few days (help a551012).
  const std::uint32_t k = p_.several_per_day;
  core::Time* ring = &recent_[s * k];
  ring[recent_head_[s]] = now;
  recent_head_[s] = static_cast<std::uint8_t>((recent_head_[s] + 1) % k);
  const core::Time kth = ring[recent_head_[s]];  // the k-th most recent, now the oldest in the ring
  if (kth != kEmpty && kth > now - core::kDay) next = std::max(next, rung(Step::kRestrictedDays));
  // Too many outstanding invitations: up to a month (help a551012).
  if (kind == StrikeKind::kOutstanding) next = std::max(next, rung(Step::kRestrictedMonth));
  const Step reached = step_at(next, kind);
  level_[s] = static_cast<std::int8_t>(reached);
  last_strike_[s] = now;
  const LadderStep& step = p_.steps[static_cast<std::size_t>(reached)];
  const bool suspended = reached == Step::kSuspension;
  core::Time until = now;
  if (step.blocks != 0 && (suspended || step.duration > 0)) {
    until = suspended ? core::kNever : now + step.duration;
    if (reached == Step::kEmailRequired) email_until_[s] = std::max(email_until_[s], until);
    else block(s, step.blocks, until, suspended ? Notice::kSuspended : Notice::kRestricted);
  }
  log_.push_back(Transition{now, s, reached == Step::kWarning ? Effect::kWarning : Effect::kRestriction, reached, from,
                            std::string(kStepNames[static_cast<std::size_t>(reached)]), until, reason, rule_});
}

void Ladder::restrict(SenderId s, core::Time now, std::uint32_t blocks, core::Time until, Notice notice,
                      std::string from, std::string to, std::string reason) {
  block(s, blocks, until, notice);
  log_.push_back(Transition{now, s, Effect::kRestriction, std::nullopt, std::move(from), std::move(to), until, std::move(reason), rule_});
}

void Ladder::record(SenderId s, core::Time now, std::string from, std::string to, std::string reason,
                    bool penalty) {
  log_.push_back(Transition{now, s, penalty ? Effect::kWarning : Effect::kReinstatement, std::nullopt, std::move(from),
                            std::move(to), now, std::move(reason), rule_});
}

}  // namespace linksim::platform
