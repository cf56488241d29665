// Poisson inbound from groups, events and newsletters.
#include "linksim/model/inbound_sources.hpp"

#include <stdexcept>
#include <string>

namespace linksim::model {

double expected_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks) {
  if (!(a.groups >= 0 && a.events_hosted >= 0 && a.newsletter_subscribers >= 0 && weeks >= 0))
    throw std::invalid_argument("expected_inbound_invites: groups, events_hosted, newsletter_subscribers and weeks must be >= 0");
  return p.group_invites_per_week * a.groups * weeks + p.event_invites_per_event * a.events_hosted +
         p.newsletter_invites_per_1k_week * a.newsletter_subscribers / 1000.0 * weeks;
}

std::uint64_t draw_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks, core::Rng& rng) {
  return core::poisson(rng, expected_inbound_invites(p, a, weeks));
}

}  // namespace linksim::model
