// Design points of a scenario: patch, run every arm on common random numbers, average.
#include "linksim/experiment/variant_runner.hpp"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/experiment/run_jobs.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

std::vector<std::string> select_metrics(const std::vector<std::string>& names, metrics::Scope defaults) {
  std::vector<std::string> out;
  if (names.empty()) {
    for (const metrics::MetricDef* m : metrics::metrics_of(defaults))
      if (m->headline) out.emplace_back(m->name);
    return out;
  }
  std::vector<std::string> known;
  for (const metrics::MetricDef& m : metrics::kMetrics) known.emplace_back(m.name);
  for (const std::string& name : names) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const std::string near = config::nearest(name, known);
      throw config::InputError("--metrics", "a sender or policy metric of the registry (docs/results-format.md)",
                               fmt::format("\"{}\"", name), near.empty() ? std::string() : fmt::format("did you mean \"{}\"?", near));
    }
    if (std::find(out.begin(), out.end(), name) != out.end())
      throw config::InputError("--metrics", "each metric once", fmt::format("\"{}\" twice", name));
    out.push_back(name);
  }
  return out;
}

metrics::Scope default_metric_scope(const config::Scenario& scenario) {
  if (scenario.arms.empty()) return metrics::Scope::kSender;
  return build_arm_plan(scenario, 0).facts.any_abusive ? metrics::Scope::kPolicy : metrics::Scope::kSender;
}

std::string OutputColumn::label() const {
  return baseline.empty() ? fmt::format("{}: {}", arm, metric) : fmt::format("{} - {}: {}", arm, baseline, metric);
}

namespace {
std::vector<double> corner(std::span<const RangedParameter> parameters, bool high) {
  std::vector<double> v;
  for (const auto& p : parameters) v.push_back(high ? p.high : p.low);
  return v;
}
}  // namespace

VariantRunner::VariantRunner(VariantSetup setup) : setup_(std::move(setup)) {
  if (setup_.parameters.empty()) throw config::InputError("--params", "at least one parameter with a range", "none");
  config::Overrides overrides{setup_.overrides};
  base_ = config::load_scenario_text(setup_.text, setup_.origin, overrides);
  check_scenario(base_);
  if (setup_.metrics.empty()) setup_.metrics = select_metrics({}, default_metric_scope(base_));
  for (const bool high : {false, true}) {
    const config::Scenario s = scenario_at(corner(setup_.parameters, high));
    check_scenario(s);
  }
  for (const auto& arm : base_.arms) {
    arms_.push_back(arm.name);
    for (const auto& p : setup_.parameters)
      if (arm.patch.is_object() && arm.patch.contains(nlohmann::json::json_pointer(p.pointer)))
        pinned_.push_back(fmt::format("arm {} sets {} in its patch: it keeps that value at every point", arm.name, p.name));
  }
  for (const auto& arm : arms_)
    for (const auto& m : setup_.metrics) columns_.push_back({arm, "", m});
  for (std::size_t a = 1; a < arms_.size(); ++a)
    for (const auto& m : setup_.metrics) columns_.push_back({arms_[a], arms_[0], m});
}

config::Scenario VariantRunner::scenario_at(std::span<const double> values) const {
  config::Overrides overrides{setup_.overrides};
  overrides.patches.push_back(values_patch(setup_.parameters, values));
  return config::load_scenario_text(setup_.text, setup_.origin, overrides);
}

void VariantRunner::run(std::span<const double> values, std::span<double> out) {
  sensitivity::Matrix one(1, values.size());
  std::copy(values.begin(), values.end(), one.row(0).begin());
  const sensitivity::Matrix result = run_all(one);
  std::copy(result.row(0).begin(), result.row(0).end(), out.begin());
}

void VariantRunner::summarize_point(std::span<const double> job_values, std::span<double> out) const {
  // job_values: replication-major, then arm, then metric. Means over replications per arm and
  // metric: a sender metric's value per replication is its mean over the focal senders, a policy
  // metric's the platform-wide figure of that replication; both are averaged the same way.
  const std::size_t n_metrics = setup_.metrics.size(), n_arms = arms_.size();
  const std::size_t n_reps = job_values.size() / (n_arms * n_metrics);
  std::vector<double> means(n_arms * n_metrics, 0.0);
  for (std::size_t rep = 0; rep < n_reps; ++rep)
    for (std::size_t i = 0; i < means.size(); ++i) means[i] += job_values[rep * means.size() + i];
  for (double& m : means) m /= static_cast<double>(n_reps);
  std::size_t c = 0;
  for (const double v : means) out[c++] = v;
  // The mean paired difference is the difference of the means (same replications in every arm).
  for (std::size_t a = 1; a < n_arms; ++a)
    for (std::size_t m = 0; m < n_metrics; ++m) out[c++] = means[a * n_metrics + m] - means[m];
}

sensitivity::Matrix VariantRunner::run_all(const sensitivity::Matrix& values,
                                           const std::function<void(std::size_t, std::size_t)>& progress) {
  sensitivity::Matrix out(values.rows, columns_.size());
  const unsigned threads = setup_.threads ? setup_.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n_arms = arms_.size(), n_metrics = setup_.metrics.size();
  const auto n_reps = static_cast<std::size_t>(base_.replications);
  const std::size_t per_point = n_reps * n_arms;
  // Points run in batches, every (point, replication, arm) of a batch on one pool of threads, so
  // the cores stay busy across the ends of points. Results are stored by index: the thread count
  // changes no value.
  const std::size_t batch = std::max<std::size_t>(4, 2 * threads);
  for (std::size_t first = 0; first < values.rows; first += batch) {
    const std::size_t last = std::min(values.rows, first + batch);
    std::vector<config::Scenario> scenarios;
    std::vector<std::vector<ArmPlan>> plans;
    for (std::size_t r = first; r < last; ++r) {
      scenarios.push_back(scenario_at(values.row(r)));
      plans.push_back(build_arm_plans(scenarios.back()));
    }
    std::vector<RunJob> jobs;
    for (std::size_t point = 0; point < last - first; ++point)
      for (std::size_t rep = 0; rep < n_reps; ++rep)
        for (std::size_t arm = 0; arm < n_arms; ++arm) jobs.push_back({point, arm, static_cast<std::uint32_t>(rep)});
    const std::vector<double> job_values = run_jobs(scenarios, plans, jobs, setup_.metrics, store_, threads);
    store_.trim();
    for (std::size_t r = first; r < last; ++r) {
      const std::size_t offset = (r - first) * per_point * n_metrics;
      summarize_point(std::span<const double>(job_values).subspan(offset, per_point * n_metrics), out.row(r));
      if (progress) progress(r + 1, values.rows);
    }
  }
  return out;
}

}  // namespace linksim::experiment
