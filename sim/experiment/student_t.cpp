// Student-t and normal quantiles from Boost.Math (header-only): the quantile of the smaller tail,
// by quantile(complement(...)), so a tiny tail probability keeps its relative precision.
#include "linksim/experiment/student_t.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace linksim::experiment {
namespace {

void check_probability(double p) {
  if (!(p > 0.0 && p < 1.0)) {
    throw std::invalid_argument("p (probability) must be in (0, 1), got " + std::to_string(p));
  }
}

void check_df(double df) {
  if (!(df > 0.0)) {
    throw std::invalid_argument("df (degrees of freedom) must be > 0, got " + std::to_string(df));
  }
}

}  // namespace

double student_t_cdf(double t, double df) {
  check_df(df);
  if (std::isnan(t)) throw std::invalid_argument("t must not be NaN");
  if (std::isinf(df)) return normal_cdf(t);
  if (std::isinf(t)) return t > 0.0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::students_t(df), t);
}

double normal_cdf(double z) {
  if (std::isnan(z)) throw std::invalid_argument("z must not be NaN");
  if (std::isinf(z)) return z > 0.0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::normal(), z);
}

double normal_quantile(double p) {
  check_probability(p);
  if (p == 0.5) return 0.0;
  const double q = std::min(p, 1.0 - p);  // exact: 1 − p is representable for p >= 0.5
  const double z = boost::math::quantile(boost::math::complement(boost::math::normal(), q));
  return p < 0.5 ? -z : z;
}

double student_t_quantile(double p, double df) {
  check_probability(p);
  check_df(df);
  if (std::isinf(df)) return normal_quantile(p);
  if (p == 0.5) return 0.0;
  const double q = std::min(p, 1.0 - p);
  const double t = boost::math::quantile(boost::math::complement(boost::math::students_t(df), q));
  return p < 0.5 ? -t : t;
}

}  // namespace linksim::experiment
