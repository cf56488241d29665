// Robustness of arm comparisons over the plausible ranges: Sobol' samples, wins, drivers.
#include "linksim/experiment/robustness.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "linksim/experiment/agreement.hpp"
#include "linksim/experiment/student_t.hpp"

namespace linksim::experiment {

namespace {
std::size_t power_of_two_at_least(std::size_t n) {
  std::size_t p = 1;
  while (p < n) p *= 2;
  return p;
}
}  // namespace

RobustnessResult run_robustness(VariantRunner& runner, const RobustnessOptions& options) {
  if (options.samples < 2) throw std::invalid_argument("robustness: at least 2 samples");
  RobustnessResult r;
  r.scenario_name = runner.base().name;
  r.origin = runner.base().origin;
  r.parameters = runner.parameters();
  r.arms = runner.arms();
  r.metrics = runner.metrics();
  r.replications = static_cast<std::size_t>(runner.base().replications);
  r.seed = runner.base().seed;
  r.columns = runner.columns();
  const auto parameters = engine_parameters(r.parameters);
  // Skipping a power of two >= n makes the points one (t, m, s)-net for n a power of two.
  r.skip = power_of_two_at_least(options.samples);
  r.values = sensitivity::to_values(parameters, sensitivity::sobol_sequence(options.samples, parameters.size(), r.skip));
  r.outputs = runner.run_all(r.values, options.progress);
  r.driver_threshold = normal_quantile(1.0 - 0.025 / static_cast<double>(parameters.size())) /
                       std::sqrt(static_cast<double>(r.values.rows - 1));

  const std::size_t n = r.values.rows, m_count = r.metrics.size();
  for (std::size_t a = 1; a < r.arms.size(); ++a) {
    for (std::size_t m = 0; m < m_count; ++m) {
      const std::size_t column = r.arms.size() * m_count + (a - 1) * m_count + m;
      Verdict v{r.arms[a], r.arms[0], r.metrics[m], metrics::better_of(r.metrics[m]), 0, 0, n, 0.0, {}, 0.0, {}};
      std::vector<double> diff(n);
      double sum = 0.0;
      for (std::size_t s = 0; s < n; ++s) {
        diff[s] = r.outputs(s, column);
        sum += diff[s];
        const bool win = v.better == metrics::Better::kLower ? diff[s] < 0.0 : diff[s] > 0.0;
        if (win) ++v.wins;
        if (diff[s] == 0.0) ++v.ties;
      }
      v.share = static_cast<double>(v.wins) / static_cast<double>(n);
      v.interval = wilson_interval(v.wins, n);
      v.mean_difference = sum / static_cast<double>(n);
      std::vector<Driver> drivers;
      std::vector<double> x(n);
      for (std::size_t p = 0; p < r.parameters.size(); ++p) {
        for (std::size_t s = 0; s < n; ++s) x[s] = r.values(s, p);
        const double rho = spearman(x, diff);
        if (rho != 0.0) drivers.push_back({p, rho, std::fabs(rho) > r.driver_threshold});
      }
      std::stable_sort(drivers.begin(), drivers.end(),
                       [](const Driver& l, const Driver& rr) { return std::fabs(l.rho) > std::fabs(rr.rho); });
      if (drivers.size() > options.drivers) drivers.resize(options.drivers);
      v.drivers = std::move(drivers);
      r.verdicts.push_back(std::move(v));
    }
  }
  return r;
}

}  // namespace linksim::experiment
