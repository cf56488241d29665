// Turns per-replication results into per-arm estimates, paired comparisons and daily bands.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "linksim/experiment/statistics.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/metrics/run_result.hpp"

namespace linksim::experiment {

struct MetricSummary {
  std::string name;
  SampleStats stats;
  CiMethod method = CiMethod::kStudentT;  ///< how stats.ci was computed
  std::vector<double> per_replication;
};
struct DailySummary {
  std::string name;
  std::vector<double> mean, lo, hi;
};
/// One cohort or rule of an arm's breakdown: its metrics (registry: kBreakdownMetrics of its
/// group, in registry order), each over the replications where it is defined (per_replication
/// holds NaN where it is not; stats.n counts the others, and all NaN when none is).
struct GroupSummary {
  std::string name, label;  ///< label: cohorts' "legit" or "abusive"
  bool focal = false;       ///< cohorts: counted in the arm's sender metrics
  std::vector<MetricSummary> metrics;
  const MetricSummary* find(std::string_view metric) const;
};
/// Per cohort and per rule; empty unless a cohort is labelled abusive.
struct BreakdownSummary {
  std::vector<GroupSummary> cohorts, rules;
  bool empty() const { return cohorts.empty() && rules.empty(); }
};
struct ArmSummary {
  std::string name, description;
  std::vector<MetricSummary> metrics;
  std::vector<DailySummary> daily;
  BreakdownSummary breakdown;
};
struct Comparison {
  std::string arm, baseline;
  std::vector<std::pair<std::string, PairedStats>> metrics;
  std::vector<CiMethod> methods;  ///< parallel to metrics
};
struct Summary {
  std::vector<std::string> metric_names;
  std::vector<ArmSummary> arms;
  std::vector<Comparison> comparisons;
  std::vector<std::string> warnings;
  std::size_t replications = 0;
  /// False below kMinReplicationsForInterval replications: the intervals above are then not
  /// reported anywhere (results.json writes null, the terminal prints the mean alone).
  bool intervals = true;
};

struct ArmRuns {
  std::string name, description;
  std::vector<metrics::RunResult> runs;  ///< one per finished replication, in replication order
};

/// How intervals are computed: one method for every metric, and the studentized bootstrap for
/// the metrics named in `bootstrap_metrics` (skewed ones) whatever `method` says.
struct SummaryOptions {
  CiMethod method = CiMethod::kStudentT;
  std::vector<std::string> bootstrap_metrics;
  std::size_t resamples = 2000;
  std::uint64_t seed = 0;  ///< bootstrap resamples draw from (seed, metric name): reproducible, and
                           ///< independent of arm order and names
  CiMethod method_for(const std::string& metric) const;
};
/// The scenario's `statistics` block (schema $defs/statistics) as options.
SummaryOptions summary_options(const config::Scenario& scenario);
/// The name results.json uses for a method: "t", "bootstrap_t" or "bootstrap_percentile".
const char* ci_method_name(CiMethod method);

/// True for the registry's rates and shares (unit "rate"): means bounded by [0, 1], whose
/// intervals summarize() keeps inside those bounds.
bool bounded_metric(const std::string& name);

/// One metric over replications as summarize() estimates it: the method `method` (a `rate`, in
/// [0, 1], gets the logit t interval where that is t, and any interval cut to [0, 1]; otherwise
/// `floor_at_zero` cuts it at 0). Bootstrap resamples draw from the stream of `stream_key`. NaN
/// values (undefined in a replication) are left out of the estimate but kept in per_replication;
/// with none left, every statistic is NaN.
MetricSummary estimate_metric(const std::string& name, const std::string& stream_key, std::vector<double> per_replication,
                              CiMethod method, bool rate, bool floor_at_zero, const SummaryOptions& options);

/// The breakdowns of one arm's replications (RunResult::breakdown), cohorts and rules in the
/// order of its first replication; empty when its replications have none.
BreakdownSummary summarize_breakdown(const ArmRuns& arm, const SummaryOptions& options);

/// Every arm must hold the same replications (paired by index). Bounded metrics get the logit
/// t interval where the method is t, and any other interval cut to [0, 1] (differences to
/// [−1, 1]); bounded daily series get the logit t interval.
Summary summarize(const std::vector<ArmRuns>& arms, const SummaryOptions& options = {});

}  // namespace linksim::experiment
