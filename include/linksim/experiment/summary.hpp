// Turns per-replication results into per-arm estimates, paired comparisons and daily bands.
#pragma once
#include <string>
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
struct ArmSummary {
  std::string name, description;
  std::vector<MetricSummary> metrics;
  std::vector<DailySummary> daily;
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

/// Every arm must hold the same replications (paired by index).
Summary summarize(const std::vector<ArmRuns>& arms, const SummaryOptions& options = {});

}  // namespace linksim::experiment
