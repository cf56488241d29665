// Sobol' indices and a one-at-a-time tornado for the top parameters of a screening.
#include "linksim/experiment/sobol_study.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"

namespace linksim::experiment {

std::vector<ScreeningScore> screening_scores(const ScreeningResult& r) {
  const std::size_t n = r.parameters.size();
  std::vector<ScreeningScore> scores(n);
  for (std::size_t p = 0; p < n; ++p) scores[p].parameter = p;
  const std::size_t n_outputs = r.outputs.size();
  for (std::size_t o = 0; o < n_outputs; ++o) {
    double largest = 0.0;
    for (std::size_t p = 0; p < n; ++p) largest = std::max(largest, r.indices.at(o, p).mu_star);
    if (!(largest >= kRoundingShare)) continue;
    for (std::size_t p = 0; p < n; ++p) {
      double share = r.indices.at(o, p).mu_star / largest;
      if (share < kRoundingShare) share = 0.0;
      scores[p].max_share = std::max(scores[p].max_share, share);
      scores[p].mean_share += share;
    }
  }
  if (n_outputs > 0)
    for (auto& s : scores) s.mean_share /= static_cast<double>(n_outputs);
  std::stable_sort(scores.begin(), scores.end(), [](const ScreeningScore& a, const ScreeningScore& b) {
    if (a.max_share != b.max_share) return a.max_share > b.max_share;
    return a.mean_share > b.mean_share;
  });
  return scores;
}

std::vector<std::size_t> top_parameters(const ScreeningResult& r, std::size_t k) {
  const auto scores = screening_scores(r);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < std::min(k, scores.size()); ++i) out.push_back(scores[i].parameter);
  return out;
}

std::vector<double> scenario_values(const VariantRunner& runner) {
  std::vector<double> values;
  for (const auto& p : runner.parameters()) {
    const nlohmann::json::json_pointer ptr(p.pointer);
    double v = p.default_value;
    for (const auto& arm : runner.base().arms) {
      if (arm.patch.is_object() && arm.patch.contains(ptr)) continue;
      if (arm.config.contains(ptr) && arm.config.at(ptr).is_number()) v = arm.config.at(ptr).get<double>();
      break;
    }
    values.push_back(v);
  }
  return values;
}

std::vector<std::size_t> SobolStudy::ranking(std::size_t output) const {
  return order_decreasing(parameters.size(), [&](std::size_t j) { return indices.at(output, j).total; });
}

std::vector<std::size_t> SobolStudy::tornado_ranking(std::size_t output) const {
  return order_decreasing(parameters.size(),
                           [&](std::size_t j) { return std::fabs(tornado_high(output, j) - tornado_low(output, j)); });
}

SobolStudy run_sobol_study(VariantRunner& runner, const SobolStudyOptions& options) {
  const auto& all = runner.parameters();
  if (options.parameters.empty()) throw config::InputError("--sobol", "at least one parameter", "none");
  for (const std::size_t i : options.parameters)
    if (i >= all.size())
      throw config::InputError("--sobol", fmt::format("parameter indices below {}", all.size()), std::to_string(i));

  SobolStudy s;
  s.scenario_name = runner.base().name;
  s.origin = runner.base().origin;
  s.all_parameters = all;
  s.parameters = options.parameters;
  s.centre = scenario_values(runner);
  s.outputs = runner.columns();
  s.arms = runner.arms().size();
  s.replications = static_cast<std::size_t>(runner.base().replications);
  s.seed = runner.base().seed;
  s.analysis = options.analysis;

  std::vector<RangedParameter> chosen;
  for (const std::size_t i : options.parameters) chosen.push_back(all[i]);
  const sensitivity::SobolDesign design = sensitivity::sobol_design(engine_parameters(chosen), options.sobol);
  s.base_samples = design.base_samples;
  s.skip = design.skip;
  s.points = design.values.rows;
  const std::size_t k = chosen.size();

  // The Saltelli rows, then the tornado's centre, low and high rows, in one run_all: the others
  // stay at the scenario's own values.
  s.tornado_points = 2 * k + 1;
  sensitivity::Matrix values(s.points + s.tornado_points, all.size());
  for (std::size_t r = 0; r < values.rows; ++r)
    std::copy(s.centre.begin(), s.centre.end(), values.row(r).begin());
  for (std::size_t r = 0; r < s.points; ++r)
    for (std::size_t j = 0; j < k; ++j) values(r, options.parameters[j]) = design.values(r, j);
  for (std::size_t j = 0; j < k; ++j) {
    values(s.points + 1 + 2 * j, options.parameters[j]) = chosen[j].low;
    values(s.points + 2 + 2 * j, options.parameters[j]) = chosen[j].high;
  }
  const sensitivity::Matrix outputs = runner.run_all(values, options.progress);

  sensitivity::Matrix saltelli(s.points, outputs.cols);
  std::copy(outputs.data.begin(), outputs.data.begin() + static_cast<std::ptrdiff_t>(s.points * outputs.cols),
            saltelli.data.begin());
  s.indices = sensitivity::sobol_analyze(design, saltelli, options.analysis);

  s.tornado_centre.assign(outputs.row(s.points).begin(), outputs.row(s.points).end());
  s.tornado_low = sensitivity::Matrix(outputs.cols, k);
  s.tornado_high = sensitivity::Matrix(outputs.cols, k);
  for (std::size_t o = 0; o < outputs.cols; ++o)
    for (std::size_t j = 0; j < k; ++j) {
      s.tornado_low(o, j) = outputs(s.points + 1 + 2 * j, o);
      s.tornado_high(o, j) = outputs(s.points + 2 + 2 * j, o);
    }
  return s;
}

}  // namespace linksim::experiment
