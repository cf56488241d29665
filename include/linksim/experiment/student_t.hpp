// Student-t and standard normal distribution functions (Boost.Math underneath), with the
// project's argument checks: out-of-range parameters throw std::invalid_argument naming them.
#pragma once

namespace linksim::experiment {

/// P(T <= t) for Student's t with `df` degrees of freedom (df > 0; +infinity gives the normal).
double student_t_cdf(double t, double df);

/// The p-quantile of Student's t: the t with P(T <= t) = p.
/// @param p  probability in (0, 1)
/// @param df degrees of freedom, > 0 (need not be an integer); +infinity gives the normal quantile.
/// boost::math::students_t, quantile of the smaller tail (quantile(complement(...))), so the
/// result is antisymmetric in p and tiny tails keep their relative precision.
double student_t_quantile(double p, double df);

/// P(Z <= z) for the standard normal.
double normal_cdf(double z);

/// The p-quantile of the standard normal distribution, p in (0, 1).
double normal_quantile(double p);

}  // namespace linksim::experiment
