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

std::vector<Driver> rank_drivers(const sensitivity::Matrix& values, std::span<const double> difference, double threshold,
                                 std::size_t count) {
  const std::size_t n = values.rows;
  if (difference.size() != n) throw std::invalid_argument("rank_drivers: one difference per sample");
  std::vector<std::vector<double>> columns(values.cols, std::vector<double>(n));
  for (std::size_t p = 0; p < values.cols; ++p)
    for (std::size_t s = 0; s < n; ++s) columns[p][s] = values(s, p);
  const std::vector<double> diff(difference.begin(), difference.end());
  std::vector<Driver> drivers;
  for (std::size_t p = 0; p < values.cols; ++p) {
    const double rho = spearman(columns[p], diff);
    if (rho != 0.0) drivers.push_back({p, rho, std::fabs(rho) > threshold, {}});
  }
  std::stable_sort(drivers.begin(), drivers.end(),
                   [](const Driver& l, const Driver& r) { return std::fabs(l.rho) > std::fabs(r.rho); });
  // A significant parameter whose sampled values go with a stronger named driver's beyond the
  // threshold is that driver's alias: the samples cannot tell which of the two the output follows.
  std::vector<Driver> kept;
  for (const Driver& d : drivers) {
    if (kept.size() == count) break;
    Driver* of = nullptr;
    double design = 0.0;
    for (Driver& k : kept) {
      if (!k.significant || !d.significant) continue;
      design = spearman(columns[k.parameter], columns[d.parameter]);
      if (std::fabs(design) > threshold) {
        of = &k;
        break;
      }
    }
    if (of) of->aliases.push_back({d.parameter, d.rho, design});
    else kept.push_back(d);
  }
  return kept;
}

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
      v.drivers = rank_drivers(r.values, diff, r.driver_threshold, options.drivers);
      r.verdicts.push_back(std::move(v));
    }
  }
  return r;
}

}  // namespace linksim::experiment
