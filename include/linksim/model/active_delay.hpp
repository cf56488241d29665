// Response delays of members who act only on days they are active.
#pragma once
#include <cmath>
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"

namespace linksim::model {

/// Probability that a member acts on something on a given day: active that day (activity) and
/// attending to it (attention). Both in [0, 1].
inline double daily_action_probability(double activity, double attention) {
  const double q = activity * attention;
  return q < 0.0 ? 0.0 : (q > 1.0 ? 1.0 : q);
}

/// P(the member acts within `days` days) = 1 − (1 − q)^days, q = daily action probability.
inline double probability_within_days(double q, int days) {
  if (q <= 0.0 || days <= 0) return 0.0;
  if (q >= 1.0) return 1.0;
  return -std::expm1(static_cast<double>(days) * std::log1p(-q));
}

/// Delay from a uniform pair: k ~ Geometric(q) whole days with no action, then a uniform time
/// within the 24 hours of the acting day (days are counted from the moment of sending, a
/// simplification: no weekday or time-of-day pattern). Returns core::kNever when q = 0.
/// Taking the uniforms as arguments lets callers keep a fixed number of draws per decision.
inline core::Time active_delay(double q, double u_days, double u_within) {
  if (q <= 0.0) return core::kNever;
  double k = 0.0;
  if (q < 1.0) k = std::floor(std::log1p(-u_days) / std::log1p(-q));
  // 2^40 days is far beyond any horizon; clamping keeps the conversion defined.
  if (k > 1099511627776.0) return core::kNever;
  return static_cast<core::Time>(k) * core::kDay + static_cast<core::Time>(u_within * static_cast<double>(core::kDay));
}

}  // namespace linksim::model
