#include "experiment/shard/adaptation.hpp"

#include <algorithm>
#include <cmath>

namespace linksim::experiment::adaptation {

using core::kDay;

namespace {
constexpr Time kWeek = 7 * kDay;

void forget_before(Sender& x, Time now) {
  while (!x.sent_week.empty() && x.sent_week.front() <= now - kWeek) x.sent_week.pop_front();
}

/// A learned limit less the margin, at least 1.
int below(double limit, double margin) { return std::max(1, static_cast<int>(std::floor(limit * (1.0 - margin)))); }
}  // namespace

void on_penalty(Sender& x, const platform::Transition& t, std::uint32_t accounts) {
  const auto& a = x.strategy->adapt;
  x.pace_scale *= a.slow_factor;
  // A warning is rung 0; a restriction outside the ladder (an InMail ban) has no rung.
  const int rung = t.step ? platform::rung(*t.step) : t.effect == platform::Effect::kWarning ? 0 : -1;
  if (a.switch_to != strategy::SwitchTo::kNone && rung >= a.switch_rung) x.switched = true;
  if (t.effect != platform::Effect::kRestriction || !t.step) return;
  if (platform::rung(*t.step) >= a.rotate_rung && x.account + 1u < accounts &&
      x.account < static_cast<std::uint32_t>(a.rotate_accounts))
    x.rotate_due = true;
}

void on_limit(Sender& x, platform::Notice notice, std::uint32_t pending, Time now) {
  const auto& a = x.strategy->adapt;
  if (!a.probe_cap) return;
  if (notice == platform::Notice::kWeeklyLimit || notice == platform::Notice::kRateLimited) {
    forget_before(x, now);
    const int learned = below(static_cast<double>(x.sent_week.size()), a.cap_margin);
    x.ceiling = x.ceiling == 0 ? learned : std::min(x.ceiling, learned);
  } else if (notice == platform::Notice::kPendingLimit) {
    const int learned = below(static_cast<double>(pending), a.cap_margin);
    x.pending_ceiling = x.pending_ceiling == 0 ? learned : std::min(x.pending_ceiling, learned);
  }
}

void on_sent(Sender& x, Time now) {
  if (!x.strategy->adapt.probe_cap) return;
  forget_before(x, now);  // keeps the log to one week's sends before the cap is learned too
  x.sent_week.push_back(now);
}

bool under_ceiling(Sender& x, std::uint32_t pending, Time now) {
  if (x.pending_ceiling > 0 && pending >= static_cast<std::uint32_t>(x.pending_ceiling)) {
    x.paused_until = std::max(x.paused_until, core::start_of_day(now) + kDay);
    return false;
  }
  if (x.ceiling == 0) return true;
  forget_before(x, now);
  if (static_cast<int>(x.sent_week.size()) < x.ceiling) return true;
  // Wait until enough of the week's sends have left the window.
  const std::size_t oldest = x.sent_week.size() - static_cast<std::size_t>(x.ceiling);
  x.paused_until = std::max(x.paused_until, x.sent_week[oldest] + kWeek);
  return false;
}

int invite_pace(const Sender& x, int pace) { return x.switched ? 0 : scaled_pace(x, pace); }

int inmails_per_week(const Sender& x) {
  const auto& st = *x.strategy;
  if (!x.switched || st.adapt.switch_to != strategy::SwitchTo::kInmail) return st.inmail.per_week;
  return std::max(st.inmail.per_week, 5 * st.invites.per_day);
}

int emails_per_day(const Sender& x) {
  const auto& st = *x.strategy;
  if (!x.switched || st.adapt.switch_to != strategy::SwitchTo::kEmail) return st.email.per_day;
  return std::max(st.email.per_day, st.invites.per_day);
}

int scaled_pace(const Sender& x, int pace) {
  if (pace <= 0 || x.pace_scale >= 1.0) return pace;
  return std::max(1, static_cast<int>(std::lround(pace * x.pace_scale)));
}

void rotate(Sender& x, int day) {
  ++x.account;
  x.rotate_due = false;
  x.switched = false;
  x.account_day = day;
  x.new_account = true;
  x.pace_scale = 1.0;
  x.paused_until = 0;
  x.followers = 0;
}

}  // namespace linksim::experiment::adaptation
