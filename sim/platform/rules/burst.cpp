#include "linksim/platform/rules/burst.hpp"

#include <limits>

#include <fmt/format.h>

namespace linksim::platform {

Burst::Params Burst::Params::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("count", p.count);
  r.get_duration("window_minutes", core::kMinute, p.window);
  r.get("effect", p.effect);
  r.get_actions("actions", p.actions);
  r.finish();
  return p;
}

ParamSchema Burst::Params::schema() {
  ParamSchema s = {
      {"count", integer_param("Actions that make a burst.", Bounds().at_least(2).at_most(10000))},
      {"window_minutes", number_param("Window in minutes.", Bounds().above(0))},
      {"effect",
       choice_param(kBurstEffectNames, "strike: the action passes with a strike; deny: the count-th action in the "
                                       "window is refused.")},
      {"actions", actions_param("Actions counted.")}};
  return s;
}

void Burst::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, count >= 2 && count <= 10000, path, "count", "an integer in [2, 10000]", std::to_string(count));
  expect(issues, window >= 1, path, "window_minutes", "> 0", in_units(window, core::kMinute));
  expect(issues, effect.known(), path, "effect", "\"strike\" or \"deny\"", effect.quoted());
  expect(issues, actions != 0, path, "actions", "at least one action", "an empty list");
}

namespace {
Burst::Params checked(const Burst::Params& p) {
  Issues issues;
  p.validate("burst", issues);
  throw_if_invalid("Burst", issues);
  return p;
}
}  // namespace

Burst::Burst(const Params& p, const SenderBook& book)
    : p_(checked(p)),
      deny_(p.effect == BurstEffect::kDeny),
      log_(deny_ ? p.count - 1 : p.count, p.window),
      state_(book.size()),
      stamps_(book.size() * log_.limit(), 0),
      last_strike_(book.size(), kLongAgo) {}

RuleCheck Burst::check(const Action&, SenderId s, core::Time now, const SenderBook&) const {
  if (!deny_) return RuleCheck::pass();
  const auto a = log_.peek(state_[s], ring(s), now);
  return a.ok ? RuleCheck::pass() : RuleCheck::deny(Notice::kRateLimited, a.retry_at);
}

void Burst::commit(const Action& a, SenderId s, core::Time now, Context& ctx) {
  log_.commit(state_[s], ring(s), now);
  if (deny_) return;
  // The log now holds `count` actions inside the window: a burst. One strike per window.
  if (!log_.peek(state_[s], ring(s), now).ok && now - last_strike_[s] >= p_.window) {
    last_strike_[s] = now;
    ctx.ladder.strike(s, now, StrikeKind::kGeneral,
                      fmt::format("burst: {} {}s within {} minutes", p_.count, action_name(a.kind),
                                  in_units(p_.window, core::kMinute)));
  }
}

std::string Burst::describe(const Action& a, SenderId s, core::Time now, const SenderBook&) const {
  return fmt::format("too fast: {} {}s in the last {} minutes (at most {})", log_.used(state_[s], ring(s), now),
                     action_name(a.kind), in_units(p_.window, core::kMinute), log_.limit());
}

}  // namespace linksim::platform
