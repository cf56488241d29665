// How often and why two arms' ranking holds across plausible worlds: the Wilson interval of a
// share and Spearman's rank correlation.
#pragma once
#include <cstddef>
#include <span>

#include "linksim/experiment/statistics.hpp"

namespace linksim::experiment {

/// Wilson score interval (Wilson 1927) for `successes` out of `n` at `level`: always inside
/// [0, 1], sensible at 0 and n. Throws std::invalid_argument for n == 0, successes > n or a
/// level outside (0, 1).
Interval wilson_interval(std::size_t successes, std::size_t n, double level = 0.95);

/// Spearman's rank correlation: Pearson's correlation of the ranks, ties given their mean rank.
/// 0 when either sample is constant. Throws std::invalid_argument for samples of different
/// lengths, fewer than 2 values or a non-finite value.
double spearman(std::span<const double> x, std::span<const double> y);

}  // namespace linksim::experiment
