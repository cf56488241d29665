#include "linksim/platform/rules/reinvite_cooldown.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace linksim::platform {

ReinviteCooldown::Params ReinviteCooldown::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                             Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get_duration("cooldown_days", core::kDay, p.cooldown);
  r.finish();
  return p;
}

ParamSchema ReinviteCooldown::Params::schema() {
  ParamSchema s = {
      {"cooldown_days", number_param("Cooldown in days.", Bounds().above(0))}};
  return s;
}

void ReinviteCooldown::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, cooldown > 0, path, "cooldown_days", "> 0", in_units(cooldown, core::kDay));
}

ReinviteCooldown::ReinviteCooldown(const Params& p, const SenderBook& book)
    : p_(p), latest_(book.size(), std::numeric_limits<core::Time>::min()) {
  Issues issues;
  p.validate("reinvite_cooldown", issues);
  throw_if_invalid("ReinviteCooldown", issues);
}

RuleCheck ReinviteCooldown::check(const Action& a, SenderId s, core::Time now, const SenderBook&) const {
  if (now >= latest_[s]) return RuleCheck::pass();  // every cooldown of this sender is over
  const core::Time* until = until_.find(PairMap::key(s, a.recipient));
  if (until && now < *until) return RuleCheck::deny(Notice::kReinviteCooldown, *until);
  return RuleCheck::pass();
}

void ReinviteCooldown::commit(const Action& a, SenderId s, core::Time now, Context&) {
  // An entry left behind after latest_[s] has expired: lookups treat it as absent, and the next
  // erase_until drops it.
  if (until_.size() != 0 && now < latest_[s]) until_.erase(PairMap::key(s, a.recipient));
}

void ReinviteCooldown::observe(const Outcome& o, SenderId s, core::Time now, Context&) {
  // Before the table would grow, forget cooldowns that are over: memory stays proportional to
  // the withdrawals of the last 3 weeks.
  if ((until_.size() + 1) * 4 > until_.capacity() * 3) until_.erase_until(now);
  until_.set(PairMap::key(s, o.other), now + p_.cooldown);
  latest_[s] = std::max(latest_[s], now + p_.cooldown);
}

std::string ReinviteCooldown::describe(const Action& a, SenderId s, core::Time, const SenderBook&) const {
  const core::Time* until = until_.find(PairMap::key(s, a.recipient));
  return fmt::format("invitation to member {} withdrawn; re-invite possible from {} ({}-day cooldown)", a.recipient,
                     until ? format_time(*until) : std::string("now"), in_units(p_.cooldown, core::kDay));
}

}  // namespace linksim::platform
