// Turns per-replication results into per-arm estimates, paired comparisons and daily bands.
#pragma once
#include <string>
#include <vector>

#include "linksim/metrics/run_result.hpp"

namespace linksim::experiment {

/// Mean, sample sd and a t-based 95% confidence interval of a sample.
struct Estimate {
  double mean = 0, sd = 0, lo = 0, hi = 0;
  std::size_t n = 0;
};

/// Student-t quantile (closed form for 1 and 2 degrees of freedom, Cornish–Fisher expansion
/// above, |error| < 2e-4 for df >= 3).
double t_quantile(double p, double df);
Estimate estimate(const std::vector<double>& sample);
/// Estimate of the mean of a - b, pairing a[i] with b[i] (common random numbers).
Estimate paired_difference(const std::vector<double>& a, const std::vector<double>& b);

struct MetricSummary {
  std::string name;
  Estimate estimate;
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
  std::vector<std::pair<std::string, Estimate>> metrics;
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
