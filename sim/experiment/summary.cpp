// Per-arm estimates with t-based CIs and paired differences against the first arm.
#include "linksim/experiment/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

namespace {
bool in_unit_range(const std::vector<double>& xs) {
  return std::all_of(xs.begin(), xs.end(), [](double x) { return x >= 0.0 && x <= 1.0; });
}

bool non_negative(const std::vector<double>& xs) {
  return std::all_of(xs.begin(), xs.end(), [](double x) { return x >= 0.0; });
}

Interval clipped(Interval i, double lo, double hi) { return {std::clamp(i.lo, lo, hi), std::clamp(i.hi, lo, hi)}; }

/// FNV-1a of a metric name: the bootstrap stream of that metric.
std::uint64_t stream_of(const std::string& name) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
  return h;
}
}  // namespace

CiMethod SummaryOptions::method_for(const std::string& metric) const {
  return std::find(bootstrap_metrics.begin(), bootstrap_metrics.end(), metric) != bootstrap_metrics.end()
             ? CiMethod::kBootstrapT
             : method;
}

SummaryOptions summary_options(const config::Scenario& scenario) {
  SummaryOptions o;
  const auto& st = scenario.statistics;
  if (st.is_object()) {
    const auto ci = st.value("ci", std::string("t"));
    o.method = ci == "bootstrap_t" ? CiMethod::kBootstrapT : ci == "bootstrap_percentile" ? CiMethod::kBootstrap : CiMethod::kStudentT;
    o.bootstrap_metrics = st.value("bootstrap_metrics", std::vector<std::string>{});
    o.resamples = st.value("resamples", std::size_t{2000});
  }
  o.seed = scenario.seed;
  return o;
}

const char* ci_method_name(CiMethod method) {
  switch (method) {
    case CiMethod::kStudentT: return "t";
    case CiMethod::kBootstrapT: return "bootstrap_t";
    case CiMethod::kBootstrap: return "bootstrap_percentile";
    case CiMethod::kLogitT: return "logit_t";
  }
  return "t";
}

bool bounded_metric(const std::string& name) {
  const metrics::MetricDef* m = metrics::find_metric(name);
  return m != nullptr && m->unit == metrics::Unit::kRate;
}

MetricSummary estimate_metric(const std::string& name, const std::string& stream_key, std::vector<double> per_replication,
                              CiMethod method, bool rate, bool floor_at_zero, const SummaryOptions& options) {
  std::vector<double> col;
  for (double x : per_replication)
    if (std::isfinite(x)) col.push_back(x);
  if (col.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {name, SampleStats{0, nan, nan, Interval{nan, nan}, false}, method, std::move(per_replication)};
  }
  const bool bounded = rate && in_unit_range(col);
  if (bounded && method == CiMethod::kStudentT) method = CiMethod::kLogitT;
  const CiOptions ci{method, 0.95, options.seed, stream_of(stream_key), options.resamples};
  SampleStats e = sample_stats(col, ci);
  if (bounded) e.ci = clipped(e.ci, 0.0, 1.0);  // the bootstrap-t pivot can overshoot a bound
  // Every registered metric is a count, amount or share that cannot fall below 0; cutting an
  // interval at a bound the mean cannot cross never excludes it.
  else if (floor_at_zero && non_negative(col)) e.ci.lo = std::max(0.0, e.ci.lo);
  return {name, e, ci.method, std::move(per_replication)};
}

Summary summarize(const std::vector<ArmRuns>& arms, const SummaryOptions& options) {
  Summary s;
  std::set<std::string> names;
  for (const auto& arm : arms)
    for (const auto& run : arm.runs)
      for (const auto& [k, _] : run.scalars) names.insert(k);
  // Registry order, then (tests' made-up metrics) any name the registry does not know, by name.
  for (const metrics::MetricDef& m : metrics::kMetrics)
    if (names.erase(std::string(m.name))) s.metric_names.emplace_back(m.name);
  s.metric_names.insert(s.metric_names.end(), names.begin(), names.end());
  s.replications = arms.empty() ? 0 : arms.front().runs.size();
  s.intervals = s.replications >= kMinReplicationsForInterval;
  if (!s.intervals && s.replications > 0)
    s.warnings.push_back(fmt::format("no confidence intervals: {} replication{} (at least {} are needed); run with --reps {} or more",
                                     s.replications, s.replications == 1 ? "" : "s", kMinReplicationsForInterval,
                                     kMinReplicationsForInterval));

  auto column = [](const ArmRuns& arm, const std::string& metric) {
    std::vector<double> v;
    for (const auto& run : arm.runs) {
      auto it = run.scalars.find(metric);
      v.push_back(it == run.scalars.end() ? 0.0 : it->second);
    }
    return v;
  };

  for (const auto& arm : arms) {
    ArmSummary a{arm.name, arm.description, {}, {}, {}};
    for (const auto& m : s.metric_names) {
      MetricSummary e = estimate_metric(m, m, column(arm, m), options.method_for(m), bounded_metric(m),
                                        metrics::find_metric(m) != nullptr, options);
      if (s.intervals && !e.stats.single && needs_more_replications(e.stats))
        s.warnings.push_back(fmt::format("{} in arm '{}': CI half-width is {:.0f}% of the mean; use more replications",
                                         m, arm.name, 100 * e.stats.ci.half_width() / std::abs(e.stats.mean)));
      a.metrics.push_back(std::move(e));
    }
    a.breakdown = summarize_breakdown(arm, options);
    if (!arm.runs.empty()) {
      for (const auto& [series, values0] : arm.runs.front().daily) {
        DailySummary d{series, {}, {}, {}};
        for (std::size_t day = 0; day < values0.size(); ++day) {
          std::vector<double> x;
          for (const auto& run : arm.runs) {
            const auto& v = run.daily.at(series);
            x.push_back(day < v.size() ? v[day] : 0.0);
          }
          const auto def = metrics::find_daily(series);
          const bool bounded = def && metrics::kDailySeries[*def].unit == metrics::Unit::kRate && in_unit_range(x);
          SampleStats e = sample_stats(x, CiOptions{bounded ? CiMethod::kLogitT : CiMethod::kStudentT});
          if (def && non_negative(x)) e.ci.lo = std::max(0.0, e.ci.lo);  // daily series are counts and amounts
          d.mean.push_back(e.mean);
          d.lo.push_back(e.ci.lo);
          d.hi.push_back(e.ci.hi);
        }
        a.daily.push_back(std::move(d));
      }
    }
    s.arms.push_back(std::move(a));
  }
  for (std::size_t i = 1; i < arms.size(); ++i) {
    Comparison c{arms[i].name, arms[0].name, {}, {}};
    for (const auto& m : s.metric_names) {
      const CiOptions ci{options.method_for(m), 0.95, options.seed, stream_of(m) ^ 0x9e3779b97f4a7c15ull, options.resamples};
      PairedStats d = paired_stats(column(arms[i], m), column(arms[0], m), ci);
      if (bounded_metric(m)) d.ci = clipped(d.ci, -1.0, 1.0);
      c.metrics.emplace_back(m, d);
      c.methods.push_back(ci.method);
    }
    s.comparisons.push_back(std::move(c));
  }
  return s;
}

}  // namespace linksim::experiment
