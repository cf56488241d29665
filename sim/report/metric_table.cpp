#include "linksim/report/metric_table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "linksim/report/report_page.hpp"

namespace linksim::report {

std::string arm_cell(const experiment::SampleStats& e, bool intervals, bool star) {
  const std::string mark = star ? "*" : "";
  return fmt::format(" {:>27}", intervals ? fmt::format("{}{} {}", mark, format_number(e.mean), format_interval(e.ci.lo, e.ci.hi))
                                          : mark + format_number(e.mean));
}

std::vector<std::string> metric_table(const experiment::Summary& s, metrics::Scope scope, std::string_view heading) {
  std::vector<std::pair<const metrics::MetricDef*, std::size_t>> rows;  // definition, index in metric_names
  for (const metrics::MetricDef& def : metrics::kMetrics) {
    if (!def.headline || def.scope != scope) continue;
    const auto it = std::find(s.metric_names.begin(), s.metric_names.end(), def.name);
    if (it != s.metric_names.end()) rows.emplace_back(&def, static_cast<std::size_t>(it - s.metric_names.begin()));
  }
  std::vector<std::string> lines;
  if (rows.empty()) return lines;
  std::size_t width = std::max<std::size_t>(24, heading.size());
  for (const auto& [def, idx] : rows) width = std::max(width, def->name.size());
  std::string head = fmt::format("{:<{}}", heading, width);
  for (const auto& arm : s.arms) head += fmt::format(" {:>27}", arm.name.substr(0, 27));
  lines.push_back(std::move(head));
  for (const auto& [def, idx] : rows) {
    // The registry's direction, as in the HTML report: a volume (invitations sent) has no best arm.
    std::size_t best = 0;
    bool all_equal = true;
    for (std::size_t a = 1; a < s.arms.size(); ++a) {
      const double x = s.arms[a].metrics[idx].stats.mean, y = s.arms[best].metrics[idx].stats.mean;
      all_equal = all_equal && x == s.arms[0].metrics[idx].stats.mean;
      if (def->better == metrics::Better::kLower ? x < y : x > y) best = a;
    }
    const bool mark = s.arms.size() > 1 && !all_equal && def->better != metrics::Better::kNeutral;
    const double best_mean = s.arms[best].metrics[idx].stats.mean;
    std::string line = fmt::format("{:<{}}", def->name, width);
    // Arms tied at the best mean are all starred, not just the first of them.
    for (const auto& arm : s.arms)
      line += arm_cell(arm.metrics[idx].stats, s.intervals, mark && arm.metrics[idx].stats.mean == best_mean);
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace linksim::report
