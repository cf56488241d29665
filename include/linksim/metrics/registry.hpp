// The metric registry: every scalar metric and every daily series linksim reports, one entry
// each. Writers (results.json, daily.csv), the terminal table, the HTML and sweep reports, the
// scenario's bootstrap-metric validation and docs/results-format.md (checked by a test) all read
// this table, so a metric is added or renamed in one place.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linksim/metrics/sender_stats.hpp"

namespace linksim::metrics {

enum class Scope {
  kSender,  ///< per sender, mean over the arm's focal senders (one value per replication)
  kPolicy,  ///< platform-wide, scored from ground-truth labels (one value per replication)
};

enum class Better {
  kHigher,   ///< more is better (connections, leads, spammer recall, ...)
  kLower,    ///< less is better (restrictions, cost, spam delivered, ...)
  kNeutral,  ///< a volume of activity: what it buys shows in other metrics, so no arm is "best"
};

enum class Unit { kCount, kRate, kDays, kUsd, kHours, kRatio };  ///< kRatio: a non-negative quotient, not bounded by 1

/// A sender counter as a double; pending is a count kept as an integer.
using Extractor = double (*)(const SenderStats&);

template <auto Field>
constexpr double field(const SenderStats& s) {
  return static_cast<double>(s.*Field);
}

/// One channel's slot of a per-channel counter (index: experiment::ReplyChannel).
template <auto Field, std::size_t Channel>
constexpr double slot(const SenderStats& s) {
  return (s.*Field)[Channel];
}

namespace detail {
constexpr double emails_delivered(const SenderStats& s) { return s.emails_sent - s.emails_bounced; }
constexpr double total_cost(const SenderStats& s) { return s.cost_usd + s.time_cost_usd; }
constexpr double meetings_thousand(const SenderStats& s) { return 1000.0 * s.meetings; }
}  // namespace detail

struct MetricDef {
  std::string_view name;  ///< key in results.json, sweep.csv and statistics.bootstrap_metrics
  Scope scope;
  Unit unit;
  Better better;  ///< the sender's point of view for sender metrics, the platform's for policy ones
  std::string_view label;        ///< short human label (report rows, chart axes)
  std::string_view description;  ///< one line (docs/results-format.md's table)
  /// Shown in `linksim run`'s terminal tables: sender metrics in the per-sender table, policy
  /// metrics in the platform table of a scenario with abusive senders.
  bool headline = false;
  /// Sender metrics: value = Σ numerator / number of focal senders, or, with a denominator,
  /// Σ numerator / Σ denominator over the group (0 when that is 0). Null for policy metrics.
  Extractor numerator = nullptr;
  Extractor denominator = nullptr;
};

struct DailyDef {
  std::string_view name;  ///< "metric" column of daily.csv, key under "daily" in results.json
  Unit unit;
  std::string_view label;
  std::string_view description;
};

namespace detail {
using S = SenderStats;
constexpr Scope kS = Scope::kSender;
constexpr Scope kP = Scope::kPolicy;
constexpr Better kUp = Better::kHigher;
constexpr Better kDown = Better::kLower;
constexpr Better kFlat = Better::kNeutral;
constexpr Unit kN = Unit::kCount;
}  // namespace detail

// Order matters: results.json's metric_names, sweep.csv and the reports list metrics in this
// order, so a new sender metric goes after the last sender metric (existing outputs keep theirs).
inline constexpr std::array kMetrics = [] {
  using namespace detail;
  // to_array counts the entries, so no default (nameless) entry can pad the table.
  return std::to_array<MetricDef>({
      {"invites_sent", kS, kN, kFlat, "invitations sent", "connection invitations sent", true, &field<&S::invites_sent>},
      {"invites_accepted", kS, kN, kUp, "invitations accepted", "invitations the recipient accepted", false, &field<&S::invites_accepted>},
      {"acceptance_rate", kS, Unit::kRate, kUp, "acceptance rate", "accepted / sent over the arm's focal senders (a ratio of sums, not a mean of ratios)", true, &field<&S::invites_accepted>, &field<&S::invites_sent>},
      {"connections_gained", kS, kN, kUp, "connections gained", "new connections: accepted invitations plus accepted inbound requests", true, &field<&S::connections_gained>},
      {"inbound_requests", kS, kN, kUp, "inbound requests", "invitations received from readers of the sender's posts", false, &field<&S::inbound_requests>},
      {"pending_at_end", kS, kN, kDown, "pending at end", "invitations still pending at the horizon", true, &field<&S::pending>},
      {"withdrawn", kS, kN, kFlat, "invitations withdrawn", "pending invitations the sender withdrew (hygiene)", false, &field<&S::withdrawn>},
      {"spam_reports", kS, kN, kDown, "spam reports", "invitations the recipient reported (\"I don't know this person\")", false, &field<&S::spam_reports>},
      {"warnings", kS, kN, kDown, "warnings", "warnings from the platform (the ladder's first step, the recruiter InMail warning); they block nothing", false, &field<&S::warnings>},
      {"restrictions", kS, kN, kDown, "restrictions", "restrictions imposed: ladder steps beyond a warning (the email requirement included) and InMail bans", false, &field<&S::restrictions>},
      {"restricted_days", kS, Unit::kDays, kDown, "days restricted", "days on which a restriction blocked invitations at some time of the day (a ladder block, or the email requirement in force)", true, &field<&S::restricted_days>},
      {"suspended", kS, Unit::kRate, kDown, "suspended", "1 when the account ends the run suspended, so the mean is the share suspended", false, &field<&S::suspended>},
      {"inmails_sent", kS, kN, kFlat, "InMails sent", "InMail messages sent", false, &field<&S::inmails_sent>},
      {"emails_sent", kS, kN, kFlat, "emails sent", "outreach emails sent (first emails and follow-ups)", false, &field<&S::emails_sent>},
      {"replies", kS, kN, kUp, "replies", "replies received (invitation notes, messages, InMails, emails)", true, &field<&S::replies>},
      {"leads", kS, kN, kUp, "leads", "replies that became leads", true, &field<&S::leads>},
      {"meetings", kS, kN, kUp, "meetings", "meetings booked from leads", true, &field<&S::meetings>},
      {"pipeline_value", kS, Unit::kUsd, kUp, "pipeline value (USD)", "pipeline value of the meetings booked", false, &field<&S::pipeline_value>},
      {"cost_usd", kS, Unit::kUsd, kDown, "cost (USD)", "plan subscriptions plus the cost of each action", true, &field<&S::cost_usd>},
      {"hours_spent", kS, Unit::kHours, kDown, "hours spent", "working hours the sender's actions took", false, &field<&S::hours_spent>},
      // Counted since the first release, written since the registry.
      {"invites_declined", kS, kN, kDown, "invitations declined", "invitations the recipient declined", false, &field<&S::invites_declined>},
      {"invites_expired", kS, kN, kDown, "invitations expired", "invitations ignored until the platform expired them", false, &field<&S::expired>},
      {"invite_attempts_denied", kS, kN, kDown, "invitation attempts denied", "invitation attempts a platform rule refused, retries included", false, &field<&S::denied>},
      {"messages_sent", kS, kN, kFlat, "messages sent", "messages sent to connections (first messages and follow-ups): new ones, inbound ones and, for the network channel, existing ones", false, &field<&S::messages_sent>},
      {"emails_bounced", kS, kN, kDown, "emails bounced", "outreach emails that bounced", false, &field<&S::emails_bounced>},
      {"followers_gained", kS, kN, kUp, "followers gained", "readers of the sender's posts who followed the sender", false, &field<&S::followers>},
      // Planned outreach and the prospect pool: a pool that runs dry shows as a shortfall.
      {"invites_planned", kS, kN, kFlat, "invitations planned", "invitations the strategy planned: each day's pace over the run (ramp-up and days of the week applied)", false, &field<&S::invites_planned>},
      {"invites_lost_to_pool", kS, kN, kDown, "invitations lost to a dry pool", "planned invitations not sent because the prospect pool had run dry", false, &field<&S::invites_lost_to_pool>},
      {"inmails_planned", kS, kN, kFlat, "InMails planned", "InMails the strategy planned: the weekly budget spread over the working days", false, &field<&S::inmails_planned>},
      {"inmails_lost_to_pool", kS, kN, kDown, "InMails lost to a dry pool", "planned InMails not sent because the prospect pool had run dry", false, &field<&S::inmails_lost_to_pool>},
      {"emails_planned", kS, kN, kFlat, "first emails planned", "prospects the strategy planned to email: the daily quota on each working day", false, &field<&S::emails_planned>},
      {"email_prospects", kS, kN, kFlat, "prospects emailed", "prospects looked up for a first email (sent, or the address was not found or invalid)", false, &field<&S::email_prospects>},
      {"emails_lost_to_pool", kS, kN, kDown, "first emails lost to a dry pool", "planned first emails not sent because the prospect pool had run dry", false, &field<&S::emails_lost_to_pool>},
      {"prospect_pool", kS, kN, kFlat, "prospect pool", "prospects in the sender's pool at the start: the profile's members who are not connections (ICP: on-profile ones), or the second-degree pool as kept; 0 for a sender who contacts no stranger", false, &field<&S::prospect_pool>},
      {"pool_ran_dry", kS, Unit::kRate, kDown, "pool ran dry", "1 when the sender's prospect pool ran dry within the run, so the mean is the share of senders", false, &field<&S::pool_ran_dry>},
      {"pool_dry_day", kS, Unit::kDays, kUp, "day the pool ran dry", "days from the start until the sender's prospect pool ran dry, the horizon for a pool that lasted (censored)", false, &field<&S::pool_dry_day>},
      // Each channel's funnel with the rates practitioners quote, eventual acceptance, time and value for money.
      {"acceptance_rate_eventual", kS, Unit::kRate, kUp, "eventual acceptance rate", "invitations the recipient accepts, within the horizon or later (each recipient's answer is drawn when the invitation arrives), over invitations sent; one withdrawn before its answer counts as not accepted", false, &field<&S::invites_would_accept>, &field<&S::invites_sent>},
      {"invites_with_note", kS, kN, kFlat, "invitations with a note", "invitations sent with a note (templated or personalized); the free plan allows 5 personalized notes a month", false, &field<&S::invites_with_note>},
      {"note_share", kS, Unit::kRate, kFlat, "share with a note", "invitations with a note over invitations sent: how much of a \"personalized\" strategy the plan's note quota let through", false, &field<&S::invites_with_note>, &field<&S::invites_sent>},
      {"message_replies", kS, kN, kUp, "message replies", "replies to messages to connections the sender invited (first messages and follow-ups)", false, &slot<&S::channel_replies, 0>},
      {"message_reply_rate", kS, Unit::kRate, kUp, "message reply rate", "message replies over connections sent a first message (a sequence stops at the first reply)", false, &slot<&S::channel_replies, 0>, &field<&S::messages_first>},
      {"message_leads", kS, kN, kUp, "message leads", "leads from message replies", false, &slot<&S::channel_leads, 0>},
      {"message_meetings", kS, kN, kUp, "message meetings", "meetings from message replies", false, &slot<&S::channel_meetings, 0>},
      {"inmail_replies", kS, kN, kUp, "InMail replies", "InMails answered within the response window, \"not interested\" included (each refunds its credit)", false, &slot<&S::channel_replies, 1>},
      {"inmail_response_rate", kS, Unit::kRate, kUp, "InMail response rate", "InMail replies over InMails sent", false, &slot<&S::channel_replies, 1>, &field<&S::inmails_sent>},
      {"inmail_interested", kS, kN, kUp, "InMail replies interested", "InMail replies that said \"interested\" (each becomes a lead)", false, &field<&S::inmail_interested>},
      {"inmail_leads", kS, kN, kUp, "InMail leads", "leads from InMail replies", false, &slot<&S::channel_leads, 1>},
      {"inmail_meetings", kS, kN, kUp, "InMail meetings", "meetings from InMail replies", false, &slot<&S::channel_meetings, 1>},
      {"email_replies", kS, kN, kUp, "email replies", "replies to outreach emails (a sequence stops at the first reply)", false, &slot<&S::channel_replies, 2>},
      {"email_reply_rate", kS, Unit::kRate, kUp, "email reply rate", "email replies over prospects sent a first email", false, &slot<&S::channel_replies, 2>, &field<&S::email_threads>},
      {"email_bounce_rate", kS, Unit::kRate, kDown, "email bounce rate", "first emails that bounced over first emails sent: the share of found addresses that bounce (follow-ups go only to addresses that did not)", false, &field<&S::first_emails_bounced>, &field<&S::email_threads>},
      {"email_inbox_rate", kS, Unit::kRate, kUp, "email inbox placement", "emails that reached the inbox over emails delivered (sent minus bounced); the rest went to spam or were silently lost", false, &field<&S::emails_inboxed>, &detail::emails_delivered},
      {"email_leads", kS, kN, kUp, "email leads", "leads from email replies", false, &slot<&S::channel_leads, 2>},
      {"email_meetings", kS, kN, kUp, "email meetings", "meetings from email replies", false, &slot<&S::channel_meetings, 2>},
      {"inbound_replies", kS, kN, kUp, "inbound replies", "replies to messages to connections who invited the sender (after its posts, groups, events, newsletter)", false, &slot<&S::channel_replies, 3>},
      {"inbound_reply_rate", kS, Unit::kRate, kUp, "inbound reply rate", "inbound replies over inbound connections sent a first message", false, &slot<&S::channel_replies, 3>, &field<&S::inbound_messaged>},
      {"inbound_leads", kS, kN, kUp, "inbound leads", "leads from inbound replies", false, &slot<&S::channel_leads, 3>},
      {"inbound_meetings", kS, kN, kUp, "inbound meetings", "meetings from inbound replies", false, &slot<&S::channel_meetings, 3>},
      {"network_replies", kS, kN, kUp, "network replies", "replies to messages to connections from before the run (the network channel: re-engagement, referral asks)", false, &slot<&S::channel_replies, 4>},
      {"network_reply_rate", kS, Unit::kRate, kUp, "network reply rate", "network replies over existing connections sent a first message", false, &slot<&S::channel_replies, 4>, &field<&S::network_messaged>},
      {"network_leads", kS, kN, kUp, "network leads", "leads from network replies", false, &slot<&S::channel_leads, 4>},
      {"network_meetings", kS, kN, kUp, "network meetings", "meetings from network replies", false, &slot<&S::channel_meetings, 4>},
      {"time_cost_usd", kS, Unit::kUsd, kDown, "time cost (USD)", "hours spent times the hourly rate (world.response.costs.hourly_rate_usd)", false, &field<&S::time_cost_usd>},
      {"total_cost_usd", kS, Unit::kUsd, kDown, "total cost (USD)", "cost_usd plus time_cost_usd: money and time", false, &detail::total_cost},
      {"meetings_per_hour", kS, Unit::kRatio, kUp, "meetings per hour", "meetings over hours spent", false, &field<&S::meetings>, &field<&S::hours_spent>},
      {"meetings_per_1k_usd", kS, Unit::kRatio, kUp, "meetings per $1,000", "meetings per 1,000 USD of total cost (money and time); the inverse of cost per meeting", false, &detail::meetings_thousand, &detail::total_cost},
      {"accounts_rotated", kS, kN, kFlat, "accounts rotated", "fresh accounts the sender switched to after a restriction (strategy.adapt.rotate_accounts)", false, &field<&S::accounts_rotated>},
      {"ring_connections", kS, kN, kFlat, "ring connections", "connections to the other accounts of the sender's ring, made before prospecting (strategy.adapt.ring); not counted as invitations sent", false, &field<&S::ring_connections>},
      // Policy metrics, by name: results.json has always listed the metrics other than the sender
      // ones alphabetically (experiment::summarize), and registry order is output order.
      {"legit_connections_formed", kP, kN, kUp, "legitimate connections formed", "connections legitimate senders gained (accepted invitations and inbound)"},
      {"legit_false_positive_rate", kP, Unit::kRate, kDown, "legitimate false-positive rate", "share of legitimate senders restricted at least once", true},
      {"legit_invites_blocked", kP, kN, kDown, "legitimate invitations blocked", "invitations legitimate senders were stopped from sending", true},
      {"median_days_to_restrict_spammers", kP, Unit::kDays, kDown, "median days to restrict spammers", "median days from the start to an abusive sender's first restriction (censored at the horizon)", true},
      {"member_unwanted_invites_p99", kP, kN, kDown, "unwanted invitations per member (p99)", "99th percentile over members of invitations received from abusive senders"},
      {"restriction_precision", kP, Unit::kRate, kUp, "restriction precision", "share of abusive senders among the senders restricted at least once (0 when nobody was): the ladder as a detector", true},
      {"spam_invites_delivered", kP, kN, kDown, "spam invitations delivered", "invitations from abusive senders that the platform let through", true},
      {"spam_other_channels", kP, kN, kDown, "spam by other channels", "InMails and first emails abusive senders sent: abuse that moved off invitations (strategy.adapt.switch_to) rather than stopped"},
      {"spammer_peak_invites_48h", kP, kN, kDown, "spammer peak invitations in 48 h", "mean over abusive senders of the most invitations delivered in any 48 hours"},
      {"spammer_recall", kP, Unit::kRate, kUp, "spammer recall", "share of abusive senders restricted at least once", true},
  });
}();

// The daily series; the recorder's value for each is in kDailyValues (sim/experiment/shard/recorder.hpp).
inline constexpr std::array<DailyDef, 9> kDailySeries{{
    {"connections", Unit::kCount, "connections", "cumulative connections gained"},
    {"invites_sent", Unit::kCount, "invitations sent", "invitations sent that day"},
    {"invites_weekly", Unit::kCount, "invitations, rolling 7 days", "invitations sent over the last 7 days"},
    {"weekly_cap", Unit::kCount, "weekly cap", "the sender's effective weekly invitation cap that day"},
    {"pending", Unit::kCount, "pending invitations", "pending invitations at the end of the day"},
    {"restricted", Unit::kRate, "share restricted", "share of senders with a restricted day (a restriction blocked invitations at some time of it)"},
    {"replies", Unit::kCount, "replies", "cumulative replies"},
    {"leads", Unit::kCount, "leads", "cumulative leads"},
    {"cost_usd", Unit::kUsd, "cost (USD)", "cumulative cost"},
}};

/// The breakdowns of an arm with abusive senders (results.json's `breakdown`): per cohort and
/// per platform rule, one value per replication each. They have no better-direction: whether a
/// cohort's restricted share is good depends on its label, so no report marks a best arm.
enum class Group {
  kCohort,  ///< one cohort (an archetype of a population): its senders, their ground-truth label
  kRule,    ///< one platform rule: the ladder transitions it caused, the invitations it refused
};

struct BreakdownDef {
  std::string_view name;  ///< key under each cohort or rule of results.json's `breakdown`
  Group group;
  Unit unit;
  std::string_view label;
  std::string_view description;  ///< one line (docs/results-format.md's breakdown table)
  bool headline = false;         ///< cohorts: shown in `linksim run`'s per-archetype table
};

inline constexpr std::array kBreakdownMetrics = [] {
  constexpr Group kC = Group::kCohort;
  constexpr Group kR = Group::kRule;
  constexpr Unit kN = Unit::kCount;
  return std::to_array<BreakdownDef>({
      {"senders", kC, kN, "senders", "senders in the cohort"},
      {"restricted_share", kC, Unit::kRate, "restricted share", "share of the cohort's senders restricted at least once (spammer_recall and legit_false_positive_rate per cohort)", true},
      {"invites_sent", kC, kN, "invitations sent", "invitations the cohort's senders sent, all let through by the platform (an abusive cohort's part of spam_invites_delivered)"},
      {"invites_blocked", kC, kN, "invitations blocked", "invitations the cohort's senders were stopped from sending (a legitimate cohort's part of legit_invites_blocked)"},
      {"invites_sent_per_sender", kC, kN, "invitations sent per sender", "invites_sent over the cohort's senders"},
      {"invites_blocked_per_sender", kC, kN, "blocked per sender", "invites_blocked over the cohort's senders", true},
      {"connections_gained_per_sender", kC, kN, "connections per sender", "connections the cohort's senders gained (accepted invitations and inbound), per sender"},
      {"median_days_to_first_restriction", kC, Unit::kDays, "median days to first restriction", "median over the cohort's senders of the days from the start to their first restriction, one never restricted counting as the horizon (censored)", true},
      {"restrictions", kR, kN, "restrictions", "restrictions the rule imposed: ladder steps beyond a warning reached by its strikes, and its own restrictions (InMail bans)"},
      {"warnings", kR, kN, "warnings", "warnings the rule's strikes (or its own warnings) gave"},
      {"senders_restricted", kR, kN, "senders restricted", "senders the rule restricted at least once"},
      {"abusive_restricted", kR, kN, "abusive senders restricted", "of those, senders labelled abusive (ground truth)"},
      {"precision", kR, Unit::kRate, "precision", "abusive_restricted / senders_restricted; null in a replication where the rule restricted nobody"},
      {"invites_denied_legit", kR, kN, "invitations of legitimate senders denied", "invitation attempts of legitimate senders the rule refused, retries included"},
      {"invites_denied_abusive", kR, kN, "invitations of abusive senders denied", "invitation attempts of abusive senders the rule refused, retries included"},
  });
}();

/// Compile-time checked breakdown name of `group`.
consteval std::string_view breakdown_metric(Group group, std::string_view name) {
  for (const BreakdownDef& d : kBreakdownMetrics)
    if (d.name == name && d.group == group) return d.name;
  throw "not a registered breakdown metric (metrics/registry.hpp)";
}
/// The breakdown entry of `group` named `name`, or null.
constexpr const BreakdownDef* find_breakdown(Group group, std::string_view name) {
  for (const BreakdownDef& d : kBreakdownMetrics)
    if (d.name == name && d.group == group) return &d;
  return nullptr;
}
std::string_view group_name(Group group);  ///< "cohort", "rule"

/// The entry named `name`, or null.
constexpr const MetricDef* find_metric(std::string_view name) {
  for (const MetricDef& m : kMetrics)
    if (m.name == name) return &m;
  return nullptr;
}

/// Position of a metric, or nullopt. The compile-time lookups below use it rather than
/// find_metric: GCC does not treat a pointer compared with nullptr as a constant expression
/// under -fsanitize=undefined.
constexpr std::optional<std::size_t> find_metric_index(std::string_view name) {
  for (std::size_t i = 0; i < kMetrics.size(); ++i)
    if (kMetrics[i].name == name) return i;
  return std::nullopt;
}

/// Position of a daily series, or nullopt.
constexpr std::optional<std::size_t> find_daily(std::string_view name) {
  for (std::size_t i = 0; i < kDailySeries.size(); ++i)
    if (kDailySeries[i].name == name) return i;
  return std::nullopt;
}

/// Compile-time checked names: a misspelt name does not compile (throwing in consteval is an error).
consteval std::size_t daily_index(std::string_view name) {
  if (const auto i = find_daily(name)) return *i;
  throw "not a registered daily series (metrics/registry.hpp)";
}
consteval std::string_view daily_name(std::string_view name) { return kDailySeries[daily_index(name)].name; }
consteval std::string_view metric_name(std::string_view name) {
  const auto i = find_metric_index(name);
  if (!i) throw "not a registered metric (metrics/registry.hpp)";
  return kMetrics[*i].name;
}
consteval std::string_view policy_metric(std::string_view name) {
  const auto i = find_metric_index(name);
  if (!i || kMetrics[*i].scope != Scope::kPolicy) throw "not a registered policy metric (metrics/registry.hpp)";
  return kMetrics[*i].name;
}

/// The metrics of one scope, in registry order.
std::span<const MetricDef* const> metrics_of(Scope scope);

/// Better-direction of a metric; kNeutral for names the registry does not know.
Better better_of(std::string_view name);
/// Label of a metric; unknown names get their underscores turned into spaces.
std::string label_of(std::string_view name);
/// "name (unit): description" for tooltips; just the name for names the registry does not know.
std::string tooltip_of(std::string_view name);

std::string_view unit_name(Unit unit);    ///< "count", "rate", "days", "usd", "hours"
std::string_view scope_name(Scope scope);  ///< "sender", "policy"
std::string_view better_name(Better better);  ///< "higher", "lower", "neutral"

}  // namespace linksim::metrics
