// Groups, events and newsletters as Poisson sources of inbound invitations. A documented
// simplification: these channels are not simulated member by member (docs/model.md).
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

struct InboundActivity {
  double groups = 0.0;                  ///< groups the sender is active in
  double events_hosted = 0.0;           ///< events hosted during the period
  double newsletter_subscribers = 0.0;
};

/// Expected inbound invitations over `weeks` weeks.
double expected_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks);

/// A Poisson draw with that mean.
std::uint64_t draw_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks, core::Rng& rng);

}  // namespace linksim::model
