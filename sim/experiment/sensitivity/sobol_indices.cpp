// Sobol' indices: the Saltelli (2010) design, the first-order estimator of Saltelli et al. (2010)
// and the total-order estimator of Jansen (1999), with percentile bootstrap intervals.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "experiment/sensitivity/outputs.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/experiment/sensitivity.hpp"

namespace linksim::experiment::sensitivity {
namespace {

// Estimates of one output from the N base rows picked by row(j), j = 0 .. N − 1. y holds the
// centred outputs base row by base row: y[j·(k+2)] = f(A)_j, y[j·(k+2) + 1] = f(B)_j and
// y[j·(k+2) + 2 + i] = f(A_B^(i))_j. Writes S_i to first[i] and S_Ti to total[i]; returns V.
template <class Row>
double estimate(const std::vector<double>& y, std::size_t n, std::size_t k, Row row, std::vector<double>& first,
                std::vector<double>& total) {
  std::fill(first.begin(), first.end(), 0.0);
  std::fill(total.begin(), total.end(), 0.0);
  double sum = 0.0;
  double sum_sq = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    const double* z = y.data() + row(j) * (k + 2);
    const double a = z[0];
    const double b = z[1];
    sum += a + b;
    sum_sq += a * a + b * b;
    for (std::size_t i = 0; i < k; ++i) {
      const double ab = z[2 + i];
      first[i] += b * (ab - a);          // Saltelli et al. 2010, Table 2 (b)
      total[i] += (a - ab) * (a - ab);   // Jansen 1999
    }
  }
  const double two_n = 2.0 * static_cast<double>(n);
  const double m = sum / two_n;
  const double v = std::max(0.0, sum_sq / two_n - m * m);
  const double dn = static_cast<double>(n);
  for (std::size_t i = 0; i < k; ++i) {
    first[i] = v > 0.0 ? first[i] / dn / v : 0.0;
    total[i] = v > 0.0 ? total[i] / (2.0 * dn) / v : 0.0;
  }
  return v;
}

// Quantile by linear interpolation between order statistics (Hyndman & Fan type 7), as
// experiment::bootstrap_interval takes it; that one is private to statistics.cpp.
double sorted_quantile(std::span<const double> sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

// The central `level` interval of the bootstrap estimates (sorted in place).
Interval percentile_interval(std::span<double> draws, double level) {
  std::sort(draws.begin(), draws.end());
  const double alpha = 1.0 - level;
  return {sorted_quantile(draws, 0.5 * alpha), sorted_quantile(draws, 1.0 - 0.5 * alpha)};
}

}  // namespace

SobolDesign sobol_design(std::span<const Parameter> parameters, const SobolOptions& options) {
  validate(parameters);
  const std::size_t k = parameters.size();
  const std::size_t n = options.base_samples;
  if (n < 2) throw std::invalid_argument(fmt::format("sobol: base_samples (N) must be >= 2, got {}", n));
  if (2 * k > kMaxSobolDimension) {
    throw std::invalid_argument(fmt::format("sobol: at most {} parameters (the Sobol' sequence has {} dimensions), got {}",
                                            kMaxSobolDimension / 2, kMaxSobolDimension, k));
  }
  SobolDesign d;
  d.parameters.assign(parameters.begin(), parameters.end());
  d.base_samples = n;
  d.skip = options.skip != 0 ? options.skip : std::bit_ceil(n);
  const Matrix base = sobol_sequence(n, 2 * k, d.skip);
  d.unit = Matrix(n * (k + 2), k);
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t c = 0; c < k; ++c) {
      const double a = base(j, c);
      const double b = base(j, k + c);
      d.unit(j, c) = a;
      d.unit(n + j, c) = b;
      for (std::size_t i = 0; i < k; ++i) d.unit((2 + i) * n + j, c) = i == c ? b : a;
    }
  }
  d.values = to_values(d.parameters, d.unit);
  return d;
}

SobolResult sobol_analyze(const SobolDesign& design, const Matrix& outputs, const SobolAnalysisOptions& options) {
  const std::size_t k = design.parameters.size();
  const std::size_t n = design.base_samples;
  if (k == 0 || n < 2 || design.unit.rows != n * (k + 2) || design.unit.cols != k) {
    throw std::invalid_argument(fmt::format("sobol: the design's unit matrix is {} × {}, expected {} × {}",
                                            design.unit.rows, design.unit.cols, n * (k + 2), k));
  }
  check_outputs(outputs, design.unit.rows, "sobol");
  if (options.resamples == 0) throw std::invalid_argument("sobol: resamples must be >= 1");
  if (!(options.level > 0.0 && options.level < 1.0)) {
    throw std::invalid_argument(fmt::format("sobol: level must be in (0, 1), got {}", options.level));
  }
  if (n > std::numeric_limits<std::uint32_t>::max()) throw std::invalid_argument("sobol: N must be < 2^32");
  const std::size_t m = outputs.cols;
  const std::size_t b_count = options.resamples;
  SobolResult result;
  result.parameters = k;
  result.outputs = m;
  result.cells.resize(m * k);
  result.variance.resize(m);
  std::vector<double> y(n * (k + 2));
  std::vector<double> first(k);
  std::vector<double> total(k);
  std::vector<double> first_b(k);
  std::vector<double> total_b(k);
  std::vector<double> first_draws(k * b_count);  // [i · B + b]
  std::vector<double> total_draws(k * b_count);
  std::vector<std::uint32_t> pick(n);
  const auto n32 = static_cast<std::uint32_t>(n);
  for (std::size_t o = 0; o < m; ++o) {
    bool constant = true;
    for (std::size_t r = 1; r < outputs.rows && constant; ++r) constant = outputs(r, o) == outputs(0, o);
    if (constant) continue;  // no variance to apportion: variance 0, indices and intervals 0
    double centre = 0.0;
    for (std::size_t j = 0; j < 2 * n; ++j) centre += outputs(j, o);
    centre /= 2.0 * static_cast<double>(n);
    for (std::size_t j = 0; j < n; ++j) {
      double* z = y.data() + j * (k + 2);
      z[0] = outputs(j, o) - centre;
      z[1] = outputs(n + j, o) - centre;
      for (std::size_t i = 0; i < k; ++i) z[2 + i] = outputs((2 + i) * n + j, o) - centre;
    }
    result.variance[o] = estimate(y, n, k, [](std::size_t j) { return j; }, first, total);
    auto rng = core::make_rng(options.seed, kSobolBootstrapStream, core::Purpose::kSensitivity, o);
    for (std::size_t b = 0; b < b_count; ++b) {
      for (std::uint32_t& p : pick) p = core::uniform_below(rng, n32);
      estimate(y, n, k, [&pick](std::size_t j) { return std::size_t{pick[j]}; }, first_b, total_b);
      for (std::size_t i = 0; i < k; ++i) {
        first_draws[i * b_count + b] = first_b[i];
        total_draws[i * b_count + b] = total_b[i];
      }
    }
    for (std::size_t i = 0; i < k; ++i) {
      SobolIndices& cell = result.cells[o * k + i];
      cell.first = first[i];
      cell.total = total[i];
      cell.first_ci = percentile_interval({first_draws.data() + i * b_count, b_count}, options.level);
      cell.total_ci = percentile_interval({total_draws.data() + i * b_count, b_count}, options.level);
    }
  }
  return result;
}

}  // namespace linksim::experiment::sensitivity
