// Aggregation of per-sender counters into the metrics of DESIGN.md.
#include "linksim/metrics/sender_stats.hpp"

namespace linksim::metrics {

void add_sender_metrics(const std::vector<SenderStats>& stats, const std::vector<std::uint32_t>& members, RunResult& out) {
  SenderStats sum;
  for (std::uint32_t i : members) {
    const SenderStats& s = stats[i];
    sum.invites_sent += s.invites_sent;
    sum.invites_accepted += s.invites_accepted;
    sum.connections_gained += s.connections_gained;
    sum.inbound_requests += s.inbound_requests;
    sum.withdrawn += s.withdrawn;
    sum.spam_reports += s.spam_reports;
    sum.warnings += s.warnings;
    sum.restrictions += s.restrictions;
    sum.restricted_days += s.restricted_days;
    sum.suspended += s.suspended;
    sum.inmails_sent += s.inmails_sent;
    sum.emails_sent += s.emails_sent;
    sum.replies += s.replies;
    sum.leads += s.leads;
    sum.meetings += s.meetings;
    sum.pipeline_value += s.pipeline_value;
    sum.cost_usd += s.cost_usd;
    sum.hours_spent += s.hours_spent;
    sum.pending += s.pending;
  }
  const double n = members.empty() ? 1.0 : static_cast<double>(members.size());
  auto& m = out.scalars;
  m["invites_sent"] = sum.invites_sent / n;
  m["invites_accepted"] = sum.invites_accepted / n;
  m["acceptance_rate"] = sum.invites_sent > 0 ? sum.invites_accepted / sum.invites_sent : 0.0;
  m["connections_gained"] = sum.connections_gained / n;
  m["inbound_requests"] = sum.inbound_requests / n;
  m["pending_at_end"] = static_cast<double>(sum.pending) / n;
  m["withdrawn"] = sum.withdrawn / n;
  m["spam_reports"] = sum.spam_reports / n;
  m["warnings"] = sum.warnings / n;
  m["restrictions"] = sum.restrictions / n;
  m["restricted_days"] = sum.restricted_days / n;
  m["suspended"] = sum.suspended / n;
  m["inmails_sent"] = sum.inmails_sent / n;
  m["emails_sent"] = sum.emails_sent / n;
  m["replies"] = sum.replies / n;
  m["leads"] = sum.leads / n;
  m["meetings"] = sum.meetings / n;
  m["pipeline_value"] = sum.pipeline_value / n;
  m["cost_usd"] = sum.cost_usd / n;
  m["hours_spent"] = sum.hours_spent / n;
}

}  // namespace linksim::metrics
