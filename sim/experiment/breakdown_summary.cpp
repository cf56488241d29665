// An arm's breakdowns over its replications: each cohort's and each rule's metrics estimated as
// the arm's metrics are (experiment::estimate_metric), over the replications where each is defined.
#include <cmath>
#include <string>

#include "linksim/experiment/summary.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

namespace {

/// The groups of one kind, as the first replication lists them (every replication of an arm has
/// the same cohorts and rules: they come from its plan).
std::vector<GroupSummary> summarize_groups(const ArmRuns& arm, metrics::Group kind, const SummaryOptions& options) {
  std::vector<GroupSummary> out;
  auto groups_of = [kind](const metrics::RunResult& run) -> const std::vector<metrics::GroupResult>& {
    return kind == metrics::Group::kCohort ? run.breakdown.cohorts : run.breakdown.rules;
  };
  const auto& first = groups_of(arm.runs.front());
  for (std::size_t i = 0; i < first.size(); ++i) {
    GroupSummary g{first[i].name, first[i].label, first[i].focal, {}};
    for (const metrics::BreakdownDef& def : metrics::kBreakdownMetrics) {
      if (def.group != kind) continue;
      const std::string name(def.name);
      std::vector<double> column;
      for (const auto& run : arm.runs) {
        const auto& groups = groups_of(run);
        double v = std::nan("");  // undefined in this replication
        if (i < groups.size() && groups[i].name == g.name)
          if (const auto it = groups[i].values.find(name); it != groups[i].values.end()) v = it->second;
        column.push_back(v);
      }
      // Its own bootstrap stream: the arm's metric of the same name is another quantity.
      const std::string key = "breakdown/" + std::string(metrics::group_name(kind)) + "/" + g.name + "/" + name;
      g.metrics.push_back(estimate_metric(name, key, std::move(column), options.method, def.unit == metrics::Unit::kRate,
                                          true, options));
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

const MetricSummary* GroupSummary::find(std::string_view metric) const {
  for (const auto& m : metrics)
    if (m.name == metric) return &m;
  return nullptr;
}

BreakdownSummary summarize_breakdown(const ArmRuns& arm, const SummaryOptions& options) {
  BreakdownSummary b;
  if (arm.runs.empty() || arm.runs.front().breakdown.empty()) return b;
  b.cohorts = summarize_groups(arm, metrics::Group::kCohort, options);
  b.rules = summarize_groups(arm, metrics::Group::kRule, options);
  return b;
}

}  // namespace linksim::experiment
