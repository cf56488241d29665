// From a reply to pipeline value: reply → lead → meeting → opportunity (deal value).
#pragma once
#include "linksim/core/rng.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

struct FunnelOutcome {
  bool lead = false;
  bool meeting = false;
  bool opportunity = false;
  double pipeline_usd = 0.0;  ///< the opportunity's value, 0 if none
};

/// The funnel after one reply. `interested` forces a lead (an InMail response already judged
/// interested); otherwise the lead is drawn at lead_rate. Always consumes five uniforms.
FunnelOutcome draw_funnel(const FunnelParams& p, bool interested, core::Rng& rng);

/// Expected pipeline value per reply (for reports and tests).
double expected_pipeline_per_reply(const FunnelParams& p);

}  // namespace linksim::model
