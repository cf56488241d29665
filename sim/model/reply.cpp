// Per-touch replies with decay over follow-ups, read only on active days.
#include "linksim/model/reply.hpp"

#include <algorithm>
#include <cmath>

#include "linksim/model/active_delay.hpp"

namespace linksim::model {

double reply_decision_probability(const ReplyParams& p, const ReplyFeatures& f, unsigned touch) {
  const std::size_t level = std::min<std::size_t>(f.target_seniority, kSeniorityLevels - 1);
  const double eta = p.intercept + (f.personalized ? p.personalized : 0.0) +
                     p.mutual * std::log1p(static_cast<double>(f.mutual_connections)) +
                     p.warmup_touches * std::log1p(static_cast<double>(f.warmup_touches)) + (f.inbound ? p.inbound : 0.0) +
                     (f.existing ? p.existing_connection : 0.0) +
                     p.latent * static_cast<double>(f.accept_propensity) + p.seniority[level];
  const double first = 1.0 / (1.0 + std::exp(-eta));
  return first * std::pow(p.decay, static_cast<double>(touch));
}

double reply_probability(const ReplyParams& p, const ReplyFeatures& f, unsigned touch) {
  return reply_decision_probability(p, f, touch) *
         probability_within_days(daily_action_probability(f.activity, p.attention), p.window_days);
}

double sequence_reply_probability(const ReplyParams& p, const ReplyFeatures& f, unsigned touches) {
  double none = 1.0;
  for (unsigned k = 0; k < touches; ++k) none *= 1.0 - reply_probability(p, f, k);
  return 1.0 - none;
}

ReplyDraw draw_reply(const ReplyParams& p, const ReplyFeatures& f, unsigned touch, core::Rng& rng) {
  const double u_decision = core::uniform01(rng);
  const double u_days = core::uniform01(rng);
  const double u_within = core::uniform01(rng);
  if (u_decision >= reply_decision_probability(p, f, touch)) return {};
  const core::Time delay = active_delay(daily_action_probability(f.activity, p.attention), u_days, u_within);
  if (delay >= static_cast<core::Time>(p.window_days) * core::kDay) return {};
  return {true, delay};
}

}  // namespace linksim::model
