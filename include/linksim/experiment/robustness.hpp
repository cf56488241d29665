// `linksim robustness` as a library: does each arm's advantage over the first arm hold across the
// plausible ranges? Sobol'-sequence samples of the ranged parameters, every arm run on common
// random numbers at each, the share of samples where the arm wins with a Wilson interval, and the
// parameters whose value goes with the paired difference (Spearman).
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/sensitivity.hpp"
#include "linksim/experiment/statistics.hpp"
#include "linksim/experiment/variant_runner.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

struct RobustnessOptions {
  std::size_t samples = 64;  ///< points of the Sobol' sequence; powers of two are balanced
  std::size_t drivers = 3;   ///< parameters reported per comparison
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// A parameter whose sampled values go with a named driver's so closely that the samples cannot
/// tell the two apart: with fewer samples than parameters many pairs of design columns are
/// correlated, and the output then correlates with both.
struct Alias {
  std::size_t parameter = 0;
  double rho = 0.0;         ///< its Spearman correlation with the paired difference
  double design_rho = 0.0;  ///< Spearman correlation of its sampled values with the driver's
};

struct Driver {
  std::size_t parameter = 0;  ///< index into RobustnessResult::parameters
  double rho = 0.0;           ///< Spearman correlation of the parameter's value and the paired difference
  bool significant = false;   ///< |rho| above RobustnessResult::driver_threshold
  /// Significant parameters ranked below this one whose sampled values correlate with this one's
  /// beyond driver_threshold: named with it as its aliases, not as drivers of their own.
  std::vector<Alias> aliases;
};

/// One arm against the first arm on one metric.
struct Verdict {
  std::string arm, baseline, metric;
  metrics::Better better = metrics::Better::kNeutral;
  /// Samples where the arm wins: its mean is higher (kHigher, kNeutral) or lower (kLower) than
  /// the baseline's; a tie is no win.
  std::size_t wins = 0;
  std::size_t ties = 0;  ///< samples where the two means are equal
  std::size_t samples = 0;
  double share = 0.0;
  Interval interval;  ///< Wilson 95%
  double mean_difference = 0.0;  ///< arm − baseline, averaged over the samples
  /// The `drivers` largest |rho|, decreasing, none whose rho is 0, leaving out (as aliases of the
  /// driver above them) significant parameters the samples cannot tell from a stronger driver.
  std::vector<Driver> drivers;
};

/// The `count` parameters (columns of `values`, one row per sample) whose values go most with
/// `difference` (|Spearman rho|, decreasing; none whose rho is 0); significant when |rho| >
/// `threshold`. A significant parameter whose values correlate with a stronger significant
/// driver's beyond `threshold` is listed among that driver's aliases instead of on its own.
std::vector<Driver> rank_drivers(const sensitivity::Matrix& values, std::span<const double> difference, double threshold,
                                 std::size_t count);

struct RobustnessResult {
  std::string scenario_name, origin;
  std::vector<RangedParameter> parameters;
  std::vector<std::string> arms, metrics;
  std::size_t replications = 0;
  std::uint64_t seed = 0;
  std::size_t skip = 0;         ///< Sobol' points skipped (the sample is points skip .. skip + n − 1)
  /// |rho| a parameter must exceed to be reported as deciding a comparison: the two-sided 5%
  /// critical value of Spearman's rho under independence, Bonferroni-corrected for the number of
  /// parameters, z(1 − 0.025/k)/√(n − 1) (the normal approximation). Below it, the largest |rho|
  /// of k unrelated parameters is what chance alone gives.
  double driver_threshold = 0.0;
  sensitivity::Matrix values;   ///< samples × parameters
  sensitivity::Matrix outputs;  ///< samples × the runner's columns
  std::vector<OutputColumn> columns;
  std::vector<Verdict> verdicts;  ///< arm-major (arms after the first), then metric
};

/// Samples, runs and judges. Throws std::invalid_argument for samples < 2 and what the runner throws.
RobustnessResult run_robustness(VariantRunner& runner, const RobustnessOptions& options);

/// "content_led vs cold — replies: content_led higher in 71% [66, 76] of 64 plausible worlds;
/// decided mostly by activity.dormant_share (rho -0.62), ..."
std::string verdict_line(const RobustnessResult& result, const Verdict& verdict);
/// robustness.json: setup, parameters, verdicts and every sample's values and outputs.
nlohmann::json robustness_json(const RobustnessResult& result);
/// robustness.csv: one row per sample: sample, every parameter, then every output column.
std::string robustness_csv(const RobustnessResult& result);

}  // namespace linksim::experiment
