// Funnel stages as independent Bernoulli steps; opportunity value is lognormal around the median.
#include "linksim/model/funnel.hpp"

#include <cmath>

namespace linksim::model {

FunnelOutcome draw_funnel(const FunnelParams& p, bool interested, core::Rng& rng) {
  const double u_lead = core::uniform01(rng);
  const double u_meeting = core::uniform01(rng);
  const double u_opp = core::uniform01(rng);
  // normal() consumes a variable number of uniforms; a dedicated fixed-length Box-Muller draw
  // keeps the count fixed.
  const double u1 = core::uniform01(rng), u2 = core::uniform01(rng);
  FunnelOutcome out;
  out.lead = interested || u_lead < p.lead_rate;
  out.meeting = out.lead && u_meeting < p.meeting_rate;
  out.opportunity = out.meeting && u_opp < p.opportunity_rate;
  if (out.opportunity) {
    constexpr double kTwoPi = 6.283185307179586;
    const double z = std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(kTwoPi * u2);
    out.pipeline_usd = p.deal_value_median_usd * std::exp(p.deal_value_sigma * z);
  }
  return out;
}

double expected_pipeline_per_reply(const FunnelParams& p) {
  return p.lead_rate * p.meeting_rate * p.opportunity_rate * p.deal_value_median_usd *
         std::exp(0.5 * p.deal_value_sigma * p.deal_value_sigma);
}

}  // namespace linksim::model
