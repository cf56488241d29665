// Morris screening of a scenario: design, common-random-number runs, analysis.
#include "linksim/experiment/screening.hpp"

#include <algorithm>
#include <numeric>

namespace linksim::experiment {

std::vector<std::size_t> order_decreasing(std::size_t n, const std::function<double(std::size_t)>& key) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  return order;
}

std::vector<std::size_t> ScreeningResult::ranking(std::size_t output) const {
  return order_decreasing(parameters.size(), [&](std::size_t p) { return indices.at(output, p).mu_star; });
}

ScreeningResult run_screening(VariantRunner& runner, const ScreeningOptions& options) {
  const auto parameters = engine_parameters(runner.parameters());
  const sensitivity::MorrisDesign design = sensitivity::morris_design(parameters, options.morris);
  const sensitivity::Matrix outputs = runner.run_all(design.values, options.progress);
  ScreeningResult r;
  r.scenario_name = runner.base().name;
  r.origin = runner.base().origin;
  r.parameters = runner.parameters();
  r.outputs = runner.columns();
  r.options = options.morris;
  r.delta = design.delta;
  r.points = design.values.rows;
  r.arms = runner.arms().size();
  r.replications = static_cast<std::size_t>(runner.base().replications);
  r.seed = runner.base().seed;
  r.indices = sensitivity::morris_analyze(design, outputs);
  return r;
}

}  // namespace linksim::experiment
