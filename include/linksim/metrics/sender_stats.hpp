// Per-sender counters kept during a replication, and their aggregation into a RunResult.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "linksim/metrics/run_result.hpp"

namespace linksim::metrics {

/// Counters of one sender; the metric registry (metrics/registry.hpp) says which metric reads each.
struct SenderStats {
  double invites_sent = 0, invites_accepted = 0, invites_declined = 0, connections_gained = 0,
         inbound_requests = 0, withdrawn = 0, expired = 0, spam_reports = 0, warnings = 0,
         restrictions = 0, restricted_days = 0, suspended = 0, inmails_sent = 0, emails_sent = 0,
         emails_bounced = 0, messages_sent = 0, replies = 0, leads = 0, meetings = 0,
         pipeline_value = 0, cost_usd = 0, hours_spent = 0, followers = 0, denied = 0,
         blocked = 0;  ///< new invitations the platform refused (retries of the same prospect not counted)
  std::uint32_t pending = 0;
  std::array<std::uint32_t, 7> last_week{};  ///< invitations sent on each of the last 7 days
  std::uint32_t sent_today = 0;
  bool restricted_today = false;
};

/// Sums SenderStats of the senders in `members` into per-sender means (the sender metrics),
/// plus acceptance_rate as accepted / sent over the group.
void add_sender_metrics(const std::vector<SenderStats>& stats, const std::vector<std::uint32_t>& members, RunResult& out);

}  // namespace linksim::metrics
