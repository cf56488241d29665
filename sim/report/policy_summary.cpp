#include "linksim/report/policy_summary.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/metric_table.hpp"
#include "linksim/report/report_page.hpp"

namespace linksim::report {

namespace {

/// The mean of `metric` in `group`, NaN when it has none.
double mean_of(const experiment::GroupSummary& group, std::string_view metric) {
  const experiment::MetricSummary* m = group.find(metric);
  return m != nullptr ? m->stats.mean : std::nan("");
}

/// "scrutiny 98 restrictions (precision 1.00), acceptance_floor 12 (0.58)": the rules that
/// restricted someone, in the platform's order.
std::string restriction_line(const experiment::ArmSummary& arm) {
  using metrics::Group;
  std::string line;
  for (const auto& rule : arm.breakdown.rules) {
    const double restrictions = mean_of(rule, metrics::breakdown_metric(Group::kRule, "restrictions"));
    if (!(restrictions > 0)) continue;
    const double precision = mean_of(rule, metrics::breakdown_metric(Group::kRule, "precision"));
    const std::string p = std::isfinite(precision) ? fmt::format("{:.2f}", precision) : "–";
    line += line.empty() ? fmt::format("{} {} restrictions (precision {})", rule.name, format_number(restrictions), p)
                         : fmt::format(", {} {} ({})", rule.name, format_number(restrictions), p);
  }
  return line.empty() ? "no rule restricted anyone" : line;
}

/// "invite_cap_rolling 4,102 / 310": invitation attempts each rule refused, abusive / legitimate.
std::string denial_line(const experiment::ArmSummary& arm) {
  using metrics::Group;
  std::string line;
  for (const auto& rule : arm.breakdown.rules) {
    const double abusive = mean_of(rule, metrics::breakdown_metric(Group::kRule, "invites_denied_abusive"));
    const double legit = mean_of(rule, metrics::breakdown_metric(Group::kRule, "invites_denied_legit"));
    if (!(abusive > 0) && !(legit > 0)) continue;
    line += fmt::format("{}{} {} / {}", line.empty() ? "" : ", ", rule.name, format_number(abusive), format_number(legit));
  }
  return line.empty() ? "none" : line;
}

}  // namespace

bool policy_summary_applies(const experiment::Summary& s) {
  return std::any_of(s.arms.begin(), s.arms.end(), [](const auto& a) { return !a.breakdown.cohorts.empty(); });
}

bool sender_table_applies(const experiment::Summary& s) {
  bool focal = false;
  for (const auto& arm : s.arms)
    for (const auto& c : arm.breakdown.cohorts) {
      if (!c.focal) continue;
      if (c.label == "abusive") return false;
      focal = true;
    }
  return focal;
}

std::vector<std::string> policy_lines(const experiment::Summary& s) {
  std::vector<std::string> lines = metric_table(s, metrics::Scope::kPolicy, "platform metric");
  if (!lines.empty()) {
    const std::string best = s.arms.size() > 1 ? "* best arm for the platform" : "";
    if (!s.intervals)
      lines.push_back(fmt::format("(means of {} replication{}: no 95% CI below {} replications; run with --reps {} or more{}{})",
                                  s.replications, s.replications == 1 ? "" : "s", experiment::kMinReplicationsForInterval,
                                  experiment::kMinReplicationsForInterval, best.empty() ? "" : "; ", best));
    else
      lines.push_back(fmt::format("({}{}[95% CI] over {} replications)", best, best.empty() ? "" : "; ", s.replications));
  }

  // Per archetype: each cohort's headline metrics, a row each (the cohorts are the first arm's;
  // every arm has the same population unless its patch changes it).
  std::size_t width = 24;
  for (const auto& arm : s.arms)
    for (const auto& c : arm.breakdown.cohorts) width = std::max(width, c.name.size() + c.label.size() + 3);
  for (const metrics::BreakdownDef& def : metrics::kBreakdownMetrics)
    if (def.group == metrics::Group::kCohort && def.headline) width = std::max(width, def.label.size() + 2);
  lines.emplace_back();
  std::string head = fmt::format("{:<{}}", "per archetype", width);
  for (const auto& arm : s.arms) head += fmt::format(" {:>27}", arm.name.substr(0, 27));
  lines.push_back(std::move(head));
  // Legitimate cohorts first, then abusive ones, each in the scenario's order.
  std::vector<std::string> cohorts;
  for (const bool abusive : {false, true})
    for (const auto& arm : s.arms)
      for (const auto& c : arm.breakdown.cohorts)
        if ((c.label == "abusive") == abusive && std::find(cohorts.begin(), cohorts.end(), c.name) == cohorts.end())
          cohorts.push_back(c.name);
  for (const auto& name : cohorts) {
    const experiment::GroupSummary* any = nullptr;
    for (const auto& arm : s.arms)
      for (const auto& c : arm.breakdown.cohorts)
        if (c.name == name && any == nullptr) any = &c;
    lines.push_back(fmt::format("{} ({})", name, any->label));
    for (const metrics::BreakdownDef& def : metrics::kBreakdownMetrics) {
      if (def.group != metrics::Group::kCohort || !def.headline) continue;
      std::string line = fmt::format("{:<{}}", "  " + std::string(def.label), width);
      for (const auto& arm : s.arms) {
        const experiment::MetricSummary* m = nullptr;
        for (const auto& c : arm.breakdown.cohorts)
          if (c.name == name) m = c.find(def.name);
        if (m == nullptr) line += fmt::format(" {:>27}", "–");
        else line += arm_cell(m->stats, s.intervals && m->stats.n >= experiment::kMinReplicationsForInterval);
      }
      lines.push_back(std::move(line));
    }
  }

  // Per arm, which rule restricted whom (precision: the abusive share of the senders it
  // restricted) and which refused whose invitation attempts.
  lines.emplace_back();
  lines.emplace_back("restrictions by rule (precision: abusive share of the senders it restricted)");
  for (const auto& arm : s.arms) lines.push_back(fmt::format("  {}: {}", arm.name, restriction_line(arm)));
  lines.emplace_back("invitation attempts refused by rule (abusive / legitimate senders)");
  for (const auto& arm : s.arms) lines.push_back(fmt::format("  {}: {}", arm.name, denial_line(arm)));
  return lines;
}

}  // namespace linksim::report
