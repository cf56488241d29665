// The Wilson score interval of a binomial share.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "linksim/experiment/agreement.hpp"
#include "linksim/experiment/student_t.hpp"

namespace linksim::experiment {

Interval wilson_interval(std::size_t successes, std::size_t n, double level) {
  if (n == 0) throw std::invalid_argument("wilson_interval: no trials");
  if (successes > n) throw std::invalid_argument("wilson_interval: more successes than trials");
  if (!(level > 0.0 && level < 1.0)) throw std::invalid_argument("wilson_interval: level must be in (0, 1)");
  const double z = normal_quantile(0.5 + level / 2.0);
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2n = z * z / nn;
  const double centre = (p + z2n / 2.0) / (1.0 + z2n);
  const double half = z / (1.0 + z2n) * std::sqrt(p * (1.0 - p) / nn + z2n / (4.0 * nn));
  // Exact at the ends: 0 successes give lo = 0, n give hi = 1 (rounding could leave 1e-17).
  const double lo = successes == 0 ? 0.0 : std::clamp(centre - half, 0.0, 1.0);
  const double hi = successes == n ? 1.0 : std::clamp(centre + half, 0.0, 1.0);
  return {lo, hi};
}

}  // namespace linksim::experiment
