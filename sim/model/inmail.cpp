// InMail responses: a logistic decision, read on active days within the refund window.
#include "linksim/model/inmail.hpp"

#include <algorithm>
#include <cmath>

#include "linksim/model/active_delay.hpp"

namespace linksim::model {

double inmail_decision_probability(const InMailParams& p, const InMailFeatures& f) {
  const std::size_t level = std::min<std::size_t>(f.target_seniority, kSeniorityLevels - 1);
  const double eta = p.intercept + (f.personalized ? p.personalized : 0.0) +
                     p.mutual * std::log1p(static_cast<double>(f.mutual_connections)) +
                     (f.same_industry ? p.same_industry : 0.0) + p.latent * static_cast<double>(f.accept_propensity) +
                     p.seniority[level];
  return 1.0 / (1.0 + std::exp(-eta));
}

double inmail_response_probability(const InMailParams& p, const InMailFeatures& f) {
  return inmail_decision_probability(p, f) *
         probability_within_days(daily_action_probability(f.activity, p.attention), p.window_days);
}

InMailDraw draw_inmail_response(const InMailParams& p, const InMailFeatures& f, core::Rng& rng) {
  const double u_decision = core::uniform01(rng);
  const double u_interest = core::uniform01(rng);
  const double u_days = core::uniform01(rng);
  const double u_within = core::uniform01(rng);
  if (u_decision >= inmail_decision_probability(p, f)) return {};
  const core::Time delay = active_delay(daily_action_probability(f.activity, p.attention), u_days, u_within);
  if (delay >= static_cast<core::Time>(p.window_days) * core::kDay) return {};
  return {true, u_interest < p.positive_share, delay};
}

}  // namespace linksim::model
