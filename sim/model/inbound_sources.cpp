// Poisson inbound from groups, events, newsletters and a company page.
#include "linksim/model/inbound_sources.hpp"

#include <stdexcept>
#include <string>

namespace linksim::model {

namespace {
void check(const InboundActivity& a, double weeks) {
  if (!(a.groups >= 0 && a.events_hosted >= 0 && a.newsletter_subscribers >= 0 && a.company_page_followers >= 0 && weeks >= 0))
    throw std::invalid_argument(
        "inbound sources: groups, events_hosted, newsletter_subscribers, company_page_followers and weeks must be >= 0");
}
}  // namespace

double expected_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks) {
  check(a, weeks);
  return p.group_invites_per_week * a.groups * weeks + p.event_invites_per_event * a.events_hosted +
         p.newsletter_invites_per_1k_week * a.newsletter_subscribers / 1000.0 * weeks;
}

double expected_inbound_follows(const InboundSourceParams& p, const InboundActivity& a, double weeks) {
  check(a, weeks);
  return p.company_page_follows_per_1k_week * a.company_page_followers / 1000.0 * weeks;
}

std::uint64_t draw_inbound_invites(const InboundSourceParams& p, const InboundActivity& a, double weeks, core::Rng& rng) {
  return core::poisson(rng, expected_inbound_invites(p, a, weeks));
}

std::uint64_t draw_inbound_follows(const InboundSourceParams& p, const InboundActivity& a, double weeks, core::Rng& rng) {
  return core::poisson(rng, expected_inbound_follows(p, a, weeks));
}

}  // namespace linksim::model
