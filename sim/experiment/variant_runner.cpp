// Design points of a scenario: patch, run every arm on common random numbers, average.
#include "linksim/experiment/variant_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

std::vector<std::string> select_metrics(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  if (names.empty()) {
    for (const metrics::MetricDef* m : metrics::metrics_of(metrics::Scope::kSender))
      if (m->headline) out.emplace_back(m->name);
    return out;
  }
  std::vector<std::string> known;
  for (const metrics::MetricDef* m : metrics::metrics_of(metrics::Scope::kSender)) known.emplace_back(m->name);
  for (const std::string& name : names) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const std::string near = config::nearest(name, known);
      throw config::InputError("--metrics", "a sender metric of the registry (docs/results-format.md)", fmt::format("\"{}\"", name),
                               near.empty() ? std::string() : fmt::format("did you mean \"{}\"?", near));
    }
    if (std::find(out.begin(), out.end(), name) != out.end())
      throw config::InputError("--metrics", "each metric once", fmt::format("\"{}\" twice", name));
    out.push_back(name);
  }
  return out;
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
  for (const bool high : {false, true}) {
    const config::Scenario s = scenario_at(corner(setup_.parameters, high));
    check_scenario(s);
  }
  for (const auto& arm : base_.arms) arms_.push_back(arm.name);
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
  const config::Scenario s = scenario_at(values);
  const std::vector<ArmPlan> plans = build_arm_plans(s);
  RunOptions options;
  options.threads = setup_.threads;
  const RunOutcome outcome = run_experiment(s, make_store_model(store_, plans), options);
  store_.trim();
  const std::size_t n_metrics = setup_.metrics.size();
  std::vector<double> means(arms_.size() * n_metrics, 0.0);
  for (std::size_t a = 0; a < arms_.size(); ++a) {
    const auto& runs = outcome.arms[a].runs;
    for (std::size_t m = 0; m < n_metrics; ++m) {
      double sum = 0.0;
      for (const auto& r : runs) {
        const auto it = r.scalars.find(setup_.metrics[m]);
        sum += it == r.scalars.end() ? 0.0 : it->second;  // as summarize(): a metric a run lacks is 0
      }
      means[a * n_metrics + m] = sum / static_cast<double>(runs.size());
    }
  }
  std::size_t c = 0;
  for (const double v : means) out[c++] = v;
  // The mean paired difference is the difference of the means (same replications in every arm).
  for (std::size_t a = 1; a < arms_.size(); ++a)
    for (std::size_t m = 0; m < n_metrics; ++m) out[c++] = means[a * n_metrics + m] - means[m];
}

sensitivity::Matrix VariantRunner::run_all(const sensitivity::Matrix& values,
                                           const std::function<void(std::size_t, std::size_t)>& progress) {
  sensitivity::Matrix out(values.rows, columns_.size());
  for (std::size_t r = 0; r < values.rows; ++r) {
    run(values.row(r), out.row(r));
    if (progress) progress(r + 1, values.rows);
  }
  return out;
}

}  // namespace linksim::experiment
