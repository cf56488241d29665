// A run's results document built from its scenario and summary.
#include "linksim/report/run_document.hpp"

#include <cmath>

#include "linksim/config/config_hash.hpp"
#include "linksim/core/version.hpp"
#include "linksim/report/results.hpp"

namespace linksim::report {

namespace {

DocNumber finite_or_absent(double v) { return std::isfinite(v) ? DocNumber(v) : std::nullopt; }

std::vector<DocNumber> finite_values(const std::vector<double>& v) {
  std::vector<DocNumber> out;
  out.reserve(v.size());
  for (double x : v) out.push_back(finite_or_absent(x));
  return out;
}

// [lo, hi], or none when there are too few replications for an interval.
std::optional<DocInterval> reported_interval(const experiment::Interval& ci, bool reported) {
  if (!reported) return std::nullopt;
  return DocInterval{finite_or_absent(ci.lo), finite_or_absent(ci.hi)};
}

MetricEstimate estimate_of(const experiment::MetricSummary& m, bool intervals) {
  return {finite_or_absent(m.stats.mean), finite_or_absent(m.stats.sd), reported_interval(m.stats.ci, intervals),
          experiment::ci_method_name(m.method), finite_values(m.per_replication)};
}

// A breakdown metric undefined in some replications (a rule's precision) is estimated over the
// others, with no interval when fewer than kMinReplicationsForInterval remain.
std::vector<BreakdownGroup> groups_of(const std::vector<experiment::GroupSummary>& list, bool intervals) {
  std::vector<BreakdownGroup> out;
  for (const auto& g : list) {
    BreakdownGroup group{g.name, g.label, g.focal, {}};
    for (const auto& m : g.metrics)
      group.metrics.insert_or_assign(m.name, estimate_of(m, intervals && m.stats.n >= experiment::kMinReplicationsForInterval));
    out.push_back(std::move(group));
  }
  return out;
}

}  // namespace

const MetricEstimate* ArmResults::estimate(std::string_view metric) const {
  const auto it = metrics.find(metric);
  return it != metrics.end() && it->second.mean ? &it->second : nullptr;
}

const DailyBand* ArmResults::series(std::string_view series_name) const {
  const auto it = daily.find(series_name);
  return it != daily.end() && !it->second.mean.empty() ? &it->second : nullptr;
}

RunDocument run_document(const config::Scenario& scenario, const experiment::Summary& summary, bool complete) {
  RunDocument doc;
  doc.linksim_version = std::string(core::version());
  // What the results were computed for: `linksim sweep` reuses a point only when this matches.
  doc.config_hash = config::config_hash(scenario);
  ScenarioFacts& facts = doc.scenario;
  facts.name = scenario.name;
  facts.description = scenario.description;
  facts.source = scenario.origin;
  facts.seed = scenario.seed;
  facts.replications = scenario.replications;
  facts.horizon_days = scenario.horizon_days;
  // What produced the numbers beyond the file: every --set, and the size of the world (the
  // baseline arm's; an arm's patch may change it, as it may the horizon).
  for (const auto& patch : scenario.overrides) facts.overrides.push_back(patch);
  facts.members = scenario.arms.front().config.at("world").at("members").get<std::int64_t>();
  doc.statistics = scenario.statistics;
  doc.complete = complete;
  doc.replications_completed = static_cast<std::int64_t>(summary.replications);
  doc.metric_names = summary.metric_names;
  for (const auto& arm : summary.arms) {
    ArmResults entry;
    entry.name = arm.name;
    entry.description = arm.description;
    // An arm's patch may change the horizon: each arm says its own.
    entry.horizon_days = arm_horizon(scenario, arm.name);
    for (const auto& m : arm.metrics) entry.metrics.insert_or_assign(m.name, estimate_of(m, summary.intervals));
    for (const auto& d : arm.daily) {
      DailyBand band{finite_values(d.mean), std::nullopt, std::nullopt};
      if (summary.intervals) {
        band.lo = finite_values(d.lo);
        band.hi = finite_values(d.hi);
      }
      entry.daily.insert_or_assign(d.name, std::move(band));
    }
    // Only for arms with abusive senders: other scenarios' results.json are as they were.
    if (!arm.breakdown.empty())
      entry.breakdown = ArmBreakdown{groups_of(arm.breakdown.cohorts, summary.intervals), groups_of(arm.breakdown.rules, summary.intervals)};
    doc.arms.push_back(std::move(entry));
  }
  for (const auto& c : summary.comparisons) {
    ArmComparison comparison{c.arm, c.baseline, {}};
    for (std::size_t i = 0; i < c.metrics.size(); ++i) {
      const auto& [name, e] = c.metrics[i];
      const auto method = i < c.methods.size() ? c.methods[i] : experiment::CiMethod::kStudentT;
      comparison.metrics.insert_or_assign(name, PairedEstimate{finite_or_absent(e.mean_diff), finite_or_absent(e.sd),
                                                               reported_interval(e.ci, summary.intervals),
                                                               experiment::ci_method_name(method)});
    }
    doc.comparisons.push_back(std::move(comparison));
  }
  doc.warnings = summary.warnings;
  return doc;
}

}  // namespace linksim::report
