// Per-arm, per-channel lines for the terminal, from the summary's means.
#include "linksim/report/channel_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/report_page.hpp"

namespace linksim::report {

namespace {

class ArmMeans {
 public:
  ArmMeans(const experiment::Summary& s, const experiment::ArmSummary& arm) : s_(s), arm_(arm) {}
  /// Mean of a registered metric; 0 when the run did not produce it.
  double operator()(std::string_view name) const {
    const auto it = std::find(s_.metric_names.begin(), s_.metric_names.end(), name);
    if (it == s_.metric_names.end()) return 0.0;
    return arm_.metrics[static_cast<std::size_t>(it - s_.metric_names.begin())].stats.mean;
  }

 private:
  const experiment::Summary& s_;
  const experiment::ArmSummary& arm_;
};

std::string percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

std::vector<std::string> parts_of(const ArmMeans& m) {
  using metrics::metric_name;
  std::vector<std::string> parts;
  if (m(metric_name("invites_sent")) > 0) {
    const double notes = m(metric_name("note_share"));
    parts.push_back(fmt::format("invitations {} sent{}, {} accepted ({} eventually)", format_number(m(metric_name("invites_sent"))),
                                notes > 0 ? fmt::format(" ({} with a note)", percent(notes)) : std::string(),
                                percent(m(metric_name("acceptance_rate"))), percent(m(metric_name("acceptance_rate_eventual")))));
  }
  // Messages to accepted invitations (those to inbound connections are on the inbound line).
  if (m(metric_name("invites_accepted")) > 0 && m(metric_name("messages_sent")) > 0) {
    parts.push_back(fmt::format("messages to accepted invitations: {} replied, {} meetings", percent(m(metric_name("message_reply_rate"))),
                                format_number(m(metric_name("message_meetings")))));
  }
  if (m(metric_name("inmails_sent")) > 0) {
    parts.push_back(fmt::format("InMail {} sent, {} answered ({} interested), {} meetings",
                                format_number(m(metric_name("inmails_sent"))), percent(m(metric_name("inmail_response_rate"))),
                                format_number(m(metric_name("inmail_interested"))), format_number(m(metric_name("inmail_meetings")))));
  }
  if (m(metric_name("emails_sent")) > 0) {
    parts.push_back(fmt::format("email {} sent, {} of addresses bounced, {} of delivered in the inbox, {} of prospects replied, {} meetings",
                                format_number(m(metric_name("emails_sent"))), percent(m(metric_name("email_bounce_rate"))),
                                percent(m(metric_name("email_inbox_rate"))), percent(m(metric_name("email_reply_rate"))),
                                format_number(m(metric_name("email_meetings")))));
  }
  if (m(metric_name("inbound_requests")) > 0 || m(metric_name("followers_gained")) > 0) {
    parts.push_back(fmt::format("inbound {} invitations, {} followers; {} of those messaged replied, {} meetings",
                                format_number(m(metric_name("inbound_requests"))), format_number(m(metric_name("followers_gained"))),
                                percent(m(metric_name("inbound_reply_rate"))), format_number(m(metric_name("inbound_meetings")))));
  }
  if (m(metric_name("network_replies")) > 0 || m(metric_name("network_reply_rate")) > 0 || m(metric_name("network_meetings")) > 0) {
    parts.push_back(fmt::format("existing network: {} of connections messaged replied, {} meetings",
                                percent(m(metric_name("network_reply_rate"))), format_number(m(metric_name("network_meetings")))));
  }
  return parts;
}

}  // namespace

std::vector<std::string> channel_lines(const experiment::Summary& s) {
  using metrics::metric_name;
  std::vector<std::string> lines{"per sender, by channel (means over replications):"};
  std::size_t width = 0;
  for (const auto& arm : s.arms) width = std::max(width, arm.name.size());
  for (const auto& arm : s.arms) {
    const ArmMeans m(s, arm);
    const auto parts = parts_of(m);
    if (parts.empty()) continue;
    const std::string pad(width + 4, ' ');
    for (std::size_t i = 0; i < parts.size(); ++i)
      lines.push_back(fmt::format("  {:<{}}{}", i == 0 ? arm.name : "", width + 2, parts[i]));
    const double meetings = m(metric_name("meetings")), total = m(metric_name("total_cost_usd"));
    std::string cost = fmt::format("{} meetings; ${} + {} h of time (${}) = ${}", format_number(meetings),
                                   format_number(m(metric_name("cost_usd"))), format_number(m(metric_name("hours_spent"))),
                                   format_number(m(metric_name("time_cost_usd"))), format_number(total));
    // Cost per meeting from the means (a ratio of means; meetings_per_1k_usd carries the interval).
    cost += meetings > 0 ? fmt::format(", ${} per meeting, {} meetings per hour", format_number(total / meetings),
                                       format_number(m(metric_name("meetings_per_hour"))))
                         : ", no meeting to price";
    lines.push_back(pad + cost);
  }
  if (lines.size() == 1) lines.clear();  // no arm used a channel worth a line
  return lines;
}

}  // namespace linksim::report
