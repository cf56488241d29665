#include "linksim/report/axis_top.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace linksim::report {

double axis_top(double max_value, std::optional<double> limit) {
  const double cap = limit.value_or(std::numeric_limits<double>::infinity());
  if (!(max_value > 0) || !std::isfinite(max_value)) return std::min(1.0, cap);
  const double v = max_value * 1.05;
  const double power = std::pow(10.0, std::floor(std::log10(v)));
  double top = 10 * power;
  for (const double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0}) {
    // The tolerance keeps a value that is a step (1.05 × 0.2 / 1.05) on that step despite rounding.
    if (v <= step * power * (1 + 1e-12)) {
      top = step * power;
      break;
    }
  }
  return std::min(top, cap);
}

}  // namespace linksim::report
