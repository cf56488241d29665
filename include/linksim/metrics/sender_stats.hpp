// Per-sender counters kept during a replication, and their aggregation into a RunResult.
#pragma once
#include <array>
#include <cstddef>
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
  // What the strategy planned per channel, and what it could not do because the prospect pool
  // had run dry (prospector::next): planned - sent - lost_to_pool is what the platform refused or
  // restricted (or what did not fit in the working day).
  double invites_planned = 0, invites_lost_to_pool = 0, inmails_planned = 0, inmails_lost_to_pool = 0,
         emails_planned = 0, email_prospects = 0, emails_lost_to_pool = 0;
  double prospect_pool = 0;  ///< prospects in the pool at the start (0: the sender contacts no stranger)
  double pool_ran_dry = 0;   ///< 1 once the pool ran dry
  double pool_dry_day = 0;   ///< when it ran dry, in days since the start; the horizon if it lasted (censored)
  // Per-channel funnel (index: experiment::ReplyChannel — message, InMail, email, inbound, network) and the
  // denominators of the rates practitioners quote for each channel.
  static constexpr std::size_t kChannels = 5;
  std::array<double, kChannels> channel_replies{}, channel_leads{}, channel_meetings{};
  double invites_with_note = 0;     ///< invitations sent with a note (templated or personalized)
  double invites_would_accept = 0;  ///< invitations whose recipient accepts, now or after the horizon (not withdrawn first)
  double messages_first = 0;        ///< connections the sender invited, sent a first message
  double inbound_messaged = 0;      ///< connections who invited the sender, sent a first message
  double network_messaged = 0;      ///< connections from before the run, sent a first message (network channel)
  double inmail_interested = 0;     ///< InMail replies that said "interested"
  double email_threads = 0;         ///< prospects sent a first email
  double first_emails_bounced = 0;  ///< first emails that bounced
  double emails_inboxed = 0;        ///< emails that reached the inbox (not bounced, not filtered as spam)
  double accounts_rotated = 0;      ///< fresh accounts opened after a restriction (strategy.adapt.rotate_accounts)
  double ring_connections = 0;      ///< connections to the sender's own ring of accounts (strategy.adapt.ring; not prospects)
  double time_cost_usd = 0;         ///< hours spent × the hourly rate (costs.hourly_rate_usd)
  std::uint32_t pending = 0;
  std::array<std::uint32_t, 7> last_week{};  ///< invitations sent on each of the last 7 days
  std::uint32_t sent_today = 0;
  bool restricted_today = false;
};

/// Sums SenderStats of the senders in `members` into per-sender means (the sender metrics),
/// plus acceptance_rate as accepted / sent over the group.
void add_sender_metrics(const std::vector<SenderStats>& stats, const std::vector<std::uint32_t>& members, RunResult& out);

}  // namespace linksim::metrics
