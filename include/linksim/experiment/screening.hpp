// `linksim sensitivity` as a library: Morris screening of a scenario's ranged parameters, every
// design point run on common random numbers, indices per arm, metric and paired difference.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/sensitivity.hpp"
#include "linksim/experiment/variant_runner.hpp"

namespace linksim::experiment {

struct ScreeningOptions {
  sensitivity::MorrisOptions morris;  ///< trajectories, levels, design seed
  std::function<void(std::size_t done, std::size_t total)> progress;  ///< after each design point
};

/// A μ* below this share of the largest is rounding in a difference of equal changes, not an
/// effect (the screening's table and the Sobol' stage's choice of parameters ignore it).
inline constexpr double kRoundingShare = 1e-9;

/// 0 … n − 1 by decreasing key(i), ties in index order.
std::vector<std::size_t> order_decreasing(std::size_t n, const std::function<double(std::size_t)>& key);

struct ScreeningResult {
  std::string scenario_name, origin;
  std::vector<RangedParameter> parameters;
  std::vector<OutputColumn> outputs;
  sensitivity::MorrisOptions options;
  double delta = 0.0;
  std::size_t points = 0, arms = 0, replications = 0;
  std::uint64_t seed = 0;  ///< the scenario's seed, the same at every point
  sensitivity::MorrisResult indices;
  /// Per output, the parameters by decreasing μ* (ties in parameter order).
  std::vector<std::size_t> ranking(std::size_t output) const;
};

/// Designs, runs and analyses. Throws what the runner throws (config::InputError on a point the
/// scenario rejects).
ScreeningResult run_screening(VariantRunner& runner, const ScreeningOptions& options);

/// sensitivity.json: the setup, the parameters with their ranges and sources, and per output the
/// indices of every parameter and the ranking. No timing: the same arguments give the same bytes.
nlohmann::json screening_json(const ScreeningResult& result);
/// sensitivity.csv: one row per (output, parameter): arm,baseline,metric,parameter,pointer,mu_star,mu,sigma.
std::string screening_csv(const ScreeningResult& result);
/// The terminal table: per output, the top `top` parameters by μ*.
std::string screening_table(const ScreeningResult& result, std::size_t top = 3);

}  // namespace linksim::experiment
