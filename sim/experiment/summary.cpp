// Per-arm estimates with t-based CIs and paired differences against the first arm.
#include "linksim/experiment/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include <fmt/format.h>

namespace linksim::experiment {

namespace {
// Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9).
double normal_quantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double lo = 0.02425, hi = 1 - lo;
  if (p < lo) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > hi) return -normal_quantile(1 - p);
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
}  // namespace

double t_quantile(double p, double df) {
  if (df <= 1.0) return std::tan(std::numbers::pi * (p - 0.5));
  if (df <= 2.0) return (2 * p - 1) / std::sqrt(2 * p * (1 - p));
  const double z = normal_quantile(p), z2 = z * z;
  const double g1 = (z2 + 1) * z / 4;
  const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
}

Estimate estimate(const std::vector<double>& x) {
  Estimate e;
  e.n = x.size();
  if (x.empty()) return e;
  double sum = 0;
  for (double v : x) sum += v;
  e.mean = sum / static_cast<double>(x.size());
  double ss = 0;
  for (double v : x) ss += (v - e.mean) * (v - e.mean);
  e.sd = x.size() > 1 ? std::sqrt(ss / static_cast<double>(x.size() - 1)) : 0.0;
  const double half = x.size() > 1 ? t_quantile(0.975, static_cast<double>(x.size() - 1)) * e.sd / std::sqrt(static_cast<double>(x.size())) : 0.0;
  e.lo = e.mean - half;
  e.hi = e.mean + half;
  return e;
}

Estimate paired_difference(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(std::min(a.size(), b.size()));
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = a[i] - b[i];
  return estimate(d);
}

Summary summarize(const std::vector<ArmRuns>& arms) {
  Summary s;
  std::set<std::string> names;
  for (const auto& arm : arms)
    for (const auto& run : arm.runs)
      for (const auto& [k, _] : run.scalars) names.insert(k);
  for (const auto& m : metrics::sender_metric_names())
    if (names.erase(m)) s.metric_names.push_back(m);
  s.metric_names.insert(s.metric_names.end(), names.begin(), names.end());
  s.replications = arms.empty() ? 0 : arms.front().runs.size();

  auto column = [](const ArmRuns& arm, const std::string& metric) {
    std::vector<double> v;
    for (const auto& run : arm.runs) {
      auto it = run.scalars.find(metric);
      v.push_back(it == run.scalars.end() ? 0.0 : it->second);
    }
    return v;
  };

  for (const auto& arm : arms) {
    ArmSummary a{arm.name, arm.description, {}, {}};
    for (const auto& m : s.metric_names) {
      auto col = column(arm, m);
      const Estimate e = estimate(col);
      if (col.size() > 1 && std::abs(e.mean) > 0 && (e.hi - e.lo) / 2 > 0.1 * std::abs(e.mean))
        s.warnings.push_back(fmt::format("{} in arm '{}': CI half-width is {:.0f}% of the mean; use more replications",
                                         m, arm.name, 100 * (e.hi - e.lo) / 2 / std::abs(e.mean)));
      a.metrics.push_back({m, e, std::move(col)});
    }
    if (!arm.runs.empty()) {
      for (const auto& [series, values0] : arm.runs.front().daily) {
        DailySummary d{series, {}, {}, {}};
        for (std::size_t day = 0; day < values0.size(); ++day) {
          std::vector<double> x;
          for (const auto& run : arm.runs) {
            const auto& v = run.daily.at(series);
            x.push_back(day < v.size() ? v[day] : 0.0);
          }
          const Estimate e = estimate(x);
          d.mean.push_back(e.mean);
          d.lo.push_back(e.lo);
          d.hi.push_back(e.hi);
        }
        a.daily.push_back(std::move(d));
      }
    }
    s.arms.push_back(std::move(a));
  }
  for (std::size_t i = 1; i < arms.size(); ++i) {
    Comparison c{arms[i].name, arms[0].name, {}};
    for (const auto& m : s.metric_names) c.metrics.emplace_back(m, paired_difference(column(arms[i], m), column(arms[0], m)));
    s.comparisons.push_back(std::move(c));
  }
  return s;
}

}  // namespace linksim::experiment
