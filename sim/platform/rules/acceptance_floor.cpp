#include "linksim/platform/rules/acceptance_floor.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace linksim::platform {

AcceptanceFloor::Params AcceptanceFloor::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                           Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("floor", p.floor);
  r.get("basis", p.basis);
  r.get("last_k", p.last_k);
  r.get_duration("window_days", core::kDay, p.window);
  r.get("min_responses", p.min_responses);
  r.get("effect", p.effect);
  r.get("lowered_cap_percent", p.lowered_cap_percent);
  r.get_duration("strike_every_days", core::kDay, p.strike_every);
  r.finish();
  return p;
}

ParamSchema AcceptanceFloor::Params::schema() {
  ParamSchema s = {
      {"floor", number_param("Minimum acceptance rate (share).", Bounds().above(0).at_most(1))},
      {"basis",
       choice_param(kFloorBasisNames, "Sample: the last K responses, or the responses of the last window_days days.")},
      {"last_k", integer_param("K for basis last_k.", Bounds().at_least(1).at_most(100000))},
      {"window_days", integer_param("Days for basis window.", Bounds().at_least(1).at_most(3650))},
      {"min_responses", integer_param("No judgement on fewer responses.", Bounds().at_least(1))},
      {"effect",
       choice_param(kFloorEffectNames, "Below the floor: lower the personal weekly cap, add a strike, or both.")},
      {"lowered_cap_percent",
       integer_param("Personal cap below the floor, % of the plan's.", Bounds().at_least(1).at_most(100))},
      {"strike_every_days", number_param("At most one strike per this many days.", Bounds().at_least(0))}};
  return s;
}

void AcceptanceFloor::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, floor > 0.0 && floor < 1.0, path, "floor", "a share in (0, 1)", num(floor));
  expect(issues, basis.known(), path, "basis", "\"last_k\" or \"window\"", basis.quoted());
  expect(issues, last_k >= 1 && last_k <= 100000, path, "last_k", "an integer in [1, 100000]", std::to_string(last_k));
  expect(issues, window >= core::kDay && window % core::kDay == 0 && window <= 3650 * core::kDay, path,
         "window_days", "a whole number of days in [1, 3650]", in_units(window, core::kDay));
  expect(issues, min_responses >= 1, path, "min_responses", ">= 1", std::to_string(min_responses));
  expect(issues, effect.known(), path, "effect", "\"lower_cap\", \"strike\" or \"both\"", effect.quoted());
  expect(issues, lowered_cap_percent >= 1 && lowered_cap_percent <= 100, path, "lowered_cap_percent",
         "an integer in [1, 100]", std::to_string(lowered_cap_percent));
  expect(issues, strike_every >= 0, path, "strike_every_days", ">= 0", in_units(strike_every, core::kDay));
}

namespace {
AcceptanceFloor::Params checked(const AcceptanceFloor::Params& p) {
  Issues issues;
  p.validate("acceptance_floor", issues);
  throw_if_invalid("AcceptanceFloor", issues);
  return p;
}
}  // namespace

AcceptanceFloor::AcceptanceFloor(const Params& p, const SenderBook& book)
    : p_(checked(p)),
      effect_(p.effect.value()),
      by_window_(p.basis == FloorBasis::kWindow),
      slots_(by_window_ ? static_cast<std::uint32_t>(p.window / core::kDay) : p.last_k),
      last_strike_(book.size(), kLongAgo) {
  const std::size_t n = book.size();
  if (by_window_) {
    day_total_.assign(n * slots_, 0);
    day_accepted_.assign(n * slots_, 0);
    last_day_.assign(n, -1);  // day of the latest response; -1: none yet
  } else {
    bits_.assign(n * slots_, 0);
    head_.assign(n, 0);
    size_.assign(n, 0);
    accepted_.assign(n, 0);
  }
}

std::uint32_t AcceptanceFloor::outcomes() const {
  return outcome_bit(OutcomeKind::kAccepted) | outcome_bit(OutcomeKind::kIgnored) |
         outcome_bit(OutcomeKind::kDeclined) | outcome_bit(OutcomeKind::kReported) |
         outcome_bit(OutcomeKind::kWithdrawn);
}

std::pair<std::uint32_t, std::uint32_t> AcceptanceFloor::sample(SenderId s, core::Time now) const {
  if (!by_window_) return {accepted_[s], size_[s]};
  if (last_day_[s] < 0) return {0, 0};
  const std::int64_t today = core::day_of(now);
  const std::int64_t first = std::max<std::int64_t>({today - slots_ + 1, last_day_[s] - slots_ + 1, 0});
  std::uint32_t acc = 0, total = 0;
  for (std::int64_t d = first; d <= std::min(today, last_day_[s]); ++d) {
    const std::size_t i = std::size_t{s} * slots_ + static_cast<std::size_t>(d % slots_);
    acc += day_accepted_[i];
    total += day_total_[i];
  }
  return {acc, total};
}

void AcceptanceFloor::record(SenderId s, core::Time now, bool accepted) {
  if (!by_window_) {
    std::uint8_t& bit = bits_[std::size_t{s} * slots_ + head_[s]];
    if (size_[s] == slots_) accepted_[s] -= bit;
    else ++size_[s];
    bit = accepted ? 1 : 0;
    accepted_[s] += bit;
    head_[s] = head_[s] + 1 == slots_ ? 0 : head_[s] + 1;
    return;
  }
  const std::int64_t today = core::day_of(now);
  // Clear the days between the last response and today (their slots hold days that left the window).
  for (std::int64_t d = std::max<std::int64_t>({last_day_[s] + 1, today - slots_ + 1, 0}); d <= today; ++d) {
    const std::size_t i = std::size_t{s} * slots_ + static_cast<std::size_t>(d % slots_);
    day_total_[i] = day_accepted_[i] = 0;
  }
  last_day_[s] = std::max(last_day_[s], today);
  const std::size_t i = std::size_t{s} * slots_ + static_cast<std::size_t>(today % slots_);
  if (day_total_[i] < UINT16_MAX) {
    ++day_total_[i];
    day_accepted_[i] = static_cast<std::uint16_t>(day_accepted_[i] + (accepted ? 1 : 0));
  }
}

void AcceptanceFloor::observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) {
  record(s, now, o.kind == OutcomeKind::kAccepted);
  const auto [acc, total] = sample(s, now);
  const bool below = total >= p_.min_responses && static_cast<double>(acc) < p_.floor * static_cast<double>(total);
  if (effect_ != FloorEffect::kStrike)
    ctx.senders.cap_percent[s] = static_cast<std::uint8_t>(below ? p_.lowered_cap_percent : 100);
  if (effect_ != FloorEffect::kLowerCap && below && now - last_strike_[s] >= p_.strike_every) {
    last_strike_[s] = now;
    ctx.ladder.strike(s, now, StrikeKind::kGeneral, "restricted: " + rate_text(s, now));
  }
}

std::string AcceptanceFloor::rate_text(SenderId s, core::Time now) const {
  const auto [acc, total] = sample(s, now);
  const double rate = total ? 100.0 * acc / total : 0.0;
  const std::string over = by_window_ ? fmt::format("over the last {} days ({} responses)", slots_, total)
                                      : fmt::format("over the last {} invites", total);
  return fmt::format("acceptance {:.0f}% < {:.0f}% {}", std::floor(rate), 100.0 * p_.floor, over);
}

std::string AcceptanceFloor::describe(const Action&, SenderId s, core::Time now, const SenderBook&) const {
  return rate_text(s, now);
}

}  // namespace linksim::platform
