// The logit-transformed t interval for a mean bounded by [0, 1] (rates and shares).
#include <cmath>
#include <stdexcept>
#include <string>

#include "linksim/experiment/statistics.hpp"

namespace linksim::experiment {

Interval logit_t_interval(std::span<const double> xs, double level) {
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (std::isfinite(xs[i]) && (xs[i] < 0.0 || xs[i] > 1.0))
      throw std::invalid_argument("sample[" + std::to_string(i) + "] is outside [0, 1] (" + std::to_string(xs[i]) +
                                  "): the logit interval is for rates and shares");
  // t_interval checks the sample and the level; its centre is the mean and its half-width t·se.
  const Interval t = t_interval(xs, level);
  const double m = mean(xs);
  const double half = t.half_width();
  // All values at a bound (or all equal): no spread to transform.
  if (!(m > 0.0 && m < 1.0) || half <= 0.0) return {m, m};
  const double centre = std::log(m / (1.0 - m));
  const double spread = half / (m * (1.0 - m));
  auto expit = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
  return {expit(centre - spread), expit(centre + spread)};
}

}  // namespace linksim::experiment
