// What one replication of one arm produced: scalar metrics and daily series.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace linksim::metrics {

/// The sender metrics of DESIGN.md, in the order reports list them.
inline const std::vector<std::string>& sender_metric_names() {
  static const std::vector<std::string> names{
      "invites_sent", "invites_accepted", "acceptance_rate", "connections_gained",
      "inbound_requests", "pending_at_end", "withdrawn", "spam_reports", "warnings",
      "restrictions", "restricted_days", "suspended", "inmails_sent", "emails_sent", "replies",
      "leads", "meetings", "pipeline_value", "cost_usd", "hours_spent"};
  return names;
}

/// The platform metrics of DESIGN.md (stress-test scenarios), scored from ground-truth labels.
inline const std::vector<std::string>& policy_metric_names() {
  static const std::vector<std::string> names{
      "spam_invites_delivered", "legit_invites_blocked", "spammer_recall", "legit_false_positive_rate",
      "median_days_to_restrict_spammers", "member_unwanted_invites_p99", "legit_connections_formed",
      "spammer_peak_invites_48h"};
  return names;
}

struct RunResult {
  std::map<std::string, double> scalars;              ///< metric name → value
  std::map<std::string, std::vector<double>> daily;   ///< series name → one value per day
  double events = 0;  ///< events the engine dispatched (for throughput figures, not a metric)
};

}  // namespace linksim::metrics
