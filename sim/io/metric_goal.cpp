// Metric directions and labels. The direction is the sender's point of view for sender metrics
// and the platform's for policy metrics (DESIGN.md lists both sets).
#include "linksim/io/metric_goal.hpp"

#include <algorithm>
#include <array>

namespace linksim::io {
namespace {

struct MetricInfo {
  std::string_view name;
  MetricGoal goal;
  std::string_view label;
};

constexpr MetricGoal kHigher = MetricGoal::kHigher;
constexpr MetricGoal kLower = MetricGoal::kLower;
constexpr MetricGoal kNone = MetricGoal::kNone;

// Volumes of activity (invites sent, InMails, emails, withdrawals) are neither good nor bad in
// themselves: what they buy shows in the outcome metrics, so they get no "best" mark.
constexpr std::array<MetricInfo, 26> kMetrics = {{
    {"invites_sent", kNone, "invitations sent"},
    {"invites_accepted", kHigher, "invitations accepted"},
    {"acceptance_rate", kHigher, "acceptance rate"},
    {"connections_gained", kHigher, "connections gained"},
    {"inbound_requests", kHigher, "inbound requests"},
    {"pending_at_end", kLower, "pending at end"},
    {"withdrawn", kNone, "invitations withdrawn"},
    {"spam_reports", kLower, "spam reports"},
    {"warnings", kLower, "warnings"},
    {"restrictions", kLower, "restrictions"},
    {"restricted_days", kLower, "days restricted"},
    {"suspended", kLower, "suspended"},
    {"inmails_sent", kNone, "InMails sent"},
    {"emails_sent", kNone, "emails sent"},
    {"replies", kHigher, "replies"},
    {"leads", kHigher, "leads"},
    {"meetings", kHigher, "meetings"},
    {"pipeline_value", kHigher, "pipeline value (USD)"},
    {"cost_usd", kLower, "cost (USD)"},
    {"hours_spent", kLower, "hours spent"},
    {"spam_invites_delivered", kLower, "spam invitations delivered"},
    {"legit_invites_blocked", kLower, "legitimate invitations blocked"},
    {"spammer_recall", kHigher, "spammer recall"},
    {"legit_false_positive_rate", kLower, "legitimate false-positive rate"},
    {"median_days_to_restrict_spammers", kLower, "median days to restrict spammers"},
    {"member_unwanted_invites_p99", kLower, "unwanted invitations per member (p99)"},
}};

const MetricInfo* find(std::string_view metric) {
  const auto it = std::find_if(kMetrics.begin(), kMetrics.end(),
                               [metric](const MetricInfo& m) { return m.name == metric; });
  return it == kMetrics.end() ? nullptr : &*it;
}

}  // namespace

MetricGoal metric_goal(std::string_view metric) {
  const MetricInfo* info = find(metric);
  return info ? info->goal : MetricGoal::kNone;
}

std::string metric_label(std::string_view metric) {
  if (const MetricInfo* info = find(metric)) return std::string(info->label);
  std::string label(metric);
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

}  // namespace linksim::io
