// Means, sds and confidence intervals of replications.
#include "linksim/experiment/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "linksim/core/rng.hpp"

namespace linksim::experiment {
namespace {

void check_sample(std::span<const double> xs, const char* name) {
  if (xs.empty()) throw std::invalid_argument(std::string(name) + " is empty: need at least one value");
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!std::isfinite(xs[i])) {
      throw std::invalid_argument(std::string(name) + "[" + std::to_string(i) +
                                  "] is not a finite number (" + std::to_string(xs[i]) + ")");
    }
  }
}

void check_level(double level) {
  if (!(level > 0.0 && level < 1.0)) {
    throw std::invalid_argument("level (confidence level) must be in (0, 1), got " + std::to_string(level));
  }
}

// Mean shifted by the first value: exact when all values are equal (so an all-equal sample gets
// sd 0 and a zero-width interval, not rounding noise), and less cancellation for large offsets.
double shifted_mean(std::span<const double> xs) {
  const double x0 = xs[0];
  double sum = 0.0;
  for (const double x : xs) sum += x - x0;
  return x0 + sum / static_cast<double>(xs.size());
}

double sd_about(std::span<const double> xs, double m) {
  if (xs.size() < 2) return 0.0;
  double ss = 0.0;
  for (const double x : xs) ss += (x - m) * (x - m);
  return std::sqrt(ss / static_cast<double>(xs.size() - 1));
}

Interval t_interval_of(double m, double sd, std::size_t n, double level) {
  if (n < 2) return {m, m};
  const double t = student_t_quantile(0.5 + 0.5 * level, static_cast<double>(n - 1));
  const double half = t * sd / std::sqrt(static_cast<double>(n));
  return {m - half, m + half};
}

// Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's default).
double sorted_quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

Interval interval_for(std::span<const double> xs, double m, double sd, const CiOptions& options) {
  check_level(options.level);
  switch (options.method) {
    case CiMethod::kStudentT:
      return t_interval_of(m, sd, xs.size(), options.level);
    case CiMethod::kBootstrap:
      return bootstrap_interval(xs, options.seed, options.stream, options.resamples, options.level,
                                BootstrapKind::kPercentile);
    case CiMethod::kBootstrapT:
      return bootstrap_interval(xs, options.seed, options.stream, options.resamples, options.level,
                                BootstrapKind::kStudentized);
    case CiMethod::kLogitT:
      return logit_t_interval(xs, options.level);
  }
  throw std::invalid_argument("method: unknown CiMethod");
}

}  // namespace

double mean(std::span<const double> xs) {
  check_sample(xs, "sample");
  return shifted_mean(xs);
}

double sample_sd(std::span<const double> xs) {
  check_sample(xs, "sample");
  return sd_about(xs, shifted_mean(xs));
}

Interval t_interval(std::span<const double> xs, double level) {
  check_sample(xs, "sample");
  check_level(level);
  const double m = shifted_mean(xs);
  return t_interval_of(m, sd_about(xs, m), xs.size(), level);
}

Interval bootstrap_interval(std::span<const double> xs, std::uint64_t seed, std::uint64_t stream,
                            std::size_t resamples, double level, BootstrapKind kind) {
  check_sample(xs, "sample");
  check_level(level);
  if (resamples == 0) throw std::invalid_argument("resamples must be >= 1");
  if (xs.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("sample has more values than bootstrap_interval supports (2^32 - 1)");
  }
  const auto n = static_cast<std::uint32_t>(xs.size());
  const double m = shifted_mean(xs);
  const double alpha = 1.0 - level;
  auto rng = core::make_rng(seed, stream, core::Purpose::kBootstrap);
  // Deviations from the sample mean: one pass per resample gives its mean and sd without storing
  // it, and an all-equal sample gives exactly zero deviations (so exactly [mean, mean]).
  std::vector<double> dev(n);
  for (std::uint32_t i = 0; i < n; ++i) dev[i] = xs[i] - m;
  const double dn = static_cast<double>(n);
  std::vector<double> stats;  // resample means (percentile) or t statistics (studentized)
  stats.reserve(resamples);
  for (std::size_t b = 0; b < resamples; ++b) {
    double s1 = 0.0;
    double s2 = 0.0;
    for (std::uint32_t i = 0; i < n; ++i) {
      const double d = dev[core::uniform_below(rng, n)];
      s1 += d;
      s2 += d * d;
    }
    if (kind == BootstrapKind::kPercentile) {
      stats.push_back(m + s1 / dn);
      continue;
    }
    const double var = n > 1 ? (s2 - s1 * s1 / dn) / (dn - 1.0) : 0.0;
    // A resample of one repeated value has no spread, but the one-pass formula can leave a
    // rounding residue that would become a huge t; any real spread is far above 1e-12 of s2/n.
    if (var > 1e-12 * (s2 / dn)) stats.push_back((s1 / dn) / std::sqrt(var / dn));
  }
  if (stats.empty()) return {m, m};  // studentized, and no resample had any spread
  std::sort(stats.begin(), stats.end());
  if (kind == BootstrapKind::kPercentile) {
    return {sorted_quantile(stats, 0.5 * alpha), sorted_quantile(stats, 1.0 - 0.5 * alpha)};
  }
  // The upper quantile of t* sets the lower bound and vice versa (the pivot is inverted).
  const double se = sd_about(xs, m) / std::sqrt(static_cast<double>(n));
  return {m - sorted_quantile(stats, 1.0 - 0.5 * alpha) * se, m - sorted_quantile(stats, 0.5 * alpha) * se};
}

SampleStats sample_stats(std::span<const double> xs, const CiOptions& options) {
  check_sample(xs, "sample");
  SampleStats s;
  s.n = xs.size();
  s.mean = shifted_mean(xs);
  s.sd = sd_about(xs, s.mean);
  s.ci = interval_for(xs, s.mean, s.sd, options);
  s.single = s.n == 1;
  return s;
}

PairedStats paired_stats(std::span<const double> arm, std::span<const double> baseline,
                         const CiOptions& options) {
  check_sample(arm, "arm");
  check_sample(baseline, "baseline");
  if (arm.size() != baseline.size()) {
    throw std::invalid_argument("arm and baseline must have the same number of replications (" +
                                std::to_string(arm.size()) + " vs " + std::to_string(baseline.size()) + ")");
  }
  std::vector<double> diff(arm.size());
  for (std::size_t i = 0; i < arm.size(); ++i) diff[i] = arm[i] - baseline[i];
  const SampleStats s = sample_stats(diff, options);
  return {s.n, s.mean, s.sd, s.ci, s.single};
}

bool needs_more_replications(double mean, double lo, double hi) {
  if (!std::isfinite(mean) || !std::isfinite(lo) || !std::isfinite(hi)) {
    throw std::invalid_argument("needs_more_replications: mean, lo and hi must be finite");
  }
  return 0.5 * (hi - lo) > 0.1 * std::fabs(mean);
}

bool needs_more_replications(const SampleStats& stats) {
  return stats.single || needs_more_replications(stats.mean, stats.ci.lo, stats.ci.hi);
}

}  // namespace linksim::experiment
