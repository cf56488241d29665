// Turns per-replication results into per-arm estimates, paired comparisons and daily bands.
#pragma once
#include <string>
#include <vector>

#include "linksim/experiment/statistics.hpp"
#include "linksim/metrics/run_result.hpp"

namespace linksim::experiment {

struct MetricSummary {
  std::string name;
  SampleStats stats;
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

/// Every arm must hold the same replications (paired by index).
Summary summarize(const std::vector<ArmRuns>& arms);

}  // namespace linksim::experiment
