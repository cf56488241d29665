// Groups, events, newsletters and a company page as Poisson sources of inbound invitations and
// follows. A documented simplification: these channels are not simulated member by member
// (docs/model.md, "Inbound beyond posts").
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

struct InboundActivity {
  double groups = 0.0;                  ///< groups the sender is active in
  double events_hosted = 0.0;           ///< events hosted during the period
  double newsletter_subscribers = 0.0;
  double company_page_followers = 0.0;  ///< followers of the company page the sender posts from
};

/// Expected inbound invitations over `weeks` weeks (groups, events, newsletter).
double expected_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks);
/// Expected follows of the sender's profile over `weeks` weeks (company page).
double expected_inbound_follows(const InboundSourceParams& p, const InboundActivity& a, double weeks);

/// Poisson draws with those means.
std::uint64_t draw_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks, core::Rng& rng);
std::uint64_t draw_inbound_follows(const InboundSourceParams& p, const InboundActivity& a, double weeks, core::Rng& rng);

}  // namespace linksim::model
