// `linksim sensitivity --sobol K` as a library: the top parameters of a Morris screening, their
// Sobol' first- and total-order indices (Saltelli design, bootstrap intervals) and a one-at-a-time
// tornado, every point run on common random numbers through the same VariantRunner.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/experiment/screening.hpp"
#include "linksim/experiment/sensitivity.hpp"
#include "linksim/experiment/variant_runner.hpp"

namespace linksim::experiment {

/// A parameter's place in the screening's ranking for the Sobol' stage.
struct ScreeningScore {
  std::size_t parameter = 0;  ///< index into ScreeningResult::parameters
  /// max over outputs of μ* / (the output's largest μ*): 1 for a parameter that leads some output.
  double max_share = 0.0;
  double mean_share = 0.0;  ///< the same share averaged over the outputs (the tie-break)
};

/// Every parameter, best first: by max_share, then mean_share, then parameter order. An output
/// whose largest μ* is below 1e-9 (rounding in a difference of equal changes) counts for no
/// parameter, and a share below 1e-9 counts as 0, as in screening_table.
std::vector<ScreeningScore> screening_scores(const ScreeningResult& result);
/// The first k of screening_scores (indices into result.parameters), in that order.
std::vector<std::size_t> top_parameters(const ScreeningResult& result, std::size_t k);

/// The value every ranged parameter of the runner has in the scenario itself (after --set): read
/// from the first arm whose own patch does not set it; the schema default when every arm does.
std::vector<double> scenario_values(const VariantRunner& runner);

struct SobolStudyOptions {
  /// Indices into runner.parameters() to vary; the others stay at scenario_values().
  std::vector<std::size_t> parameters;
  sensitivity::SobolOptions sobol;               ///< N (base samples)
  sensitivity::SobolAnalysisOptions analysis;    ///< resamples, level, bootstrap seed
  std::function<void(std::size_t done, std::size_t total)> progress;  ///< after each point
};

struct SobolStudy {
  std::string scenario_name, origin;
  std::vector<RangedParameter> all_parameters;  ///< the runner's parameters
  std::vector<std::size_t> parameters;          ///< the varied ones (indices into all_parameters)
  std::vector<double> centre;                   ///< scenario_values(), one per all_parameters
  std::vector<OutputColumn> outputs;
  std::size_t base_samples = 0, skip = 0, points = 0, arms = 0, replications = 0;
  sensitivity::SobolAnalysisOptions analysis;
  std::uint64_t seed = 0;  ///< the scenario's seed, the same at every point
  sensitivity::SobolResult indices;  ///< parameter j is all_parameters[parameters[j]]
  /// One-at-a-time tornado: per output, the value at the centre, and per varied parameter j the
  /// value with parameter j at its low (high) bound and every other at the centre.
  std::vector<double> tornado_centre;  ///< one per output
  sensitivity::Matrix tornado_low, tornado_high;  ///< outputs × varied parameters
  std::size_t tornado_points = 0;                 ///< 2K + 1
  /// Per output, the varied parameters (0 .. K−1) by decreasing S_T (ties in parameter order).
  std::vector<std::size_t> ranking(std::size_t output) const;
  /// Per output, the varied parameters by decreasing |high − low| (ties in parameter order).
  std::vector<std::size_t> tornado_ranking(std::size_t output) const;
};

/// Designs (sobol_design over the chosen parameters), runs the N(K + 2) Saltelli points and the
/// 2K + 1 tornado points with runner.run_all, and analyses. Throws config::InputError at
/// "--sobol" for no parameters or an index out of range, and what the engine and runner throw.
SobolStudy run_sobol_study(VariantRunner& runner, const SobolStudyOptions& options);

/// The "sobol" object of sensitivity.json: design, varied parameters with their centre values,
/// per output the variance, S1 / ST with intervals for each parameter, the ranking by ST, and the
/// tornado. No timing. `selection` (the screening scores, or null) is stored as given.
nlohmann::json sobol_json(const SobolStudy& study, const nlohmann::json& selection);
/// The whole sensitivity.json of a Sobol'-only run (no screening): method "sobol", the scenario,
/// the setup (arms, replications, seed), every parameter with its range and source, and "sobol".
nlohmann::json sobol_document(const SobolStudy& study);
/// sobol.csv: arm,baseline,metric,parameter,pointer,S1,S1_low,S1_high,ST,ST_low,ST_high,variance.
std::string sobol_csv(const SobolStudy& study);
/// tornado.csv: arm,baseline,metric,parameter,pointer,low,high,centre,at_centre,at_low,at_high,swing.
std::string tornado_csv(const SobolStudy& study);
/// Per output, the top `top` parameters by S_T with S_T and S1 and their intervals.
std::string sobol_table(const SobolStudy& study, std::size_t top = 3);
/// The selection scores as JSON (rule, and per parameter its shares), for sobol_json.
nlohmann::json selection_json(const ScreeningResult& result, std::size_t k);

}  // namespace linksim::experiment
