// Per-arm estimates with t-based CIs and paired differences against the first arm.
#include "linksim/experiment/summary.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

namespace {
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
  }
  return "t";
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
      const CiOptions ci{options.method_for(m), 0.95, options.seed, stream_of(m), options.resamples};
      const SampleStats e = sample_stats(col, ci);
      if (!e.single && needs_more_replications(e))
        s.warnings.push_back(fmt::format("{} in arm '{}': CI half-width is {:.0f}% of the mean; use more replications",
                                         m, arm.name, 100 * e.ci.half_width() / std::abs(e.mean)));
      a.metrics.push_back({m, e, ci.method, std::move(col)});
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
          const SampleStats e = sample_stats(x);
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
      c.metrics.emplace_back(m, paired_stats(column(arms[i], m), column(arms[0], m), ci));
      c.methods.push_back(ci.method);
    }
    s.comparisons.push_back(std::move(c));
  }
  return s;
}

}  // namespace linksim::experiment
