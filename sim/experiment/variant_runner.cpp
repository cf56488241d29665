// Design points of a scenario: patch, run every arm on common random numbers, average.
#include "linksim/experiment/variant_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "linksim/config/config_hash.hpp"
#include "linksim/config/errors.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/experiment/process_group.hpp"
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
  journal_ = RowJournal(setup_.checkpoint_dir, process_group().rank());
  config_hash_ = config::config_hash(base_);
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
  const unsigned threads = setup_.threads ? setup_.threads : default_threads();
  const std::size_t n_arms = arms_.size(), n_metrics = setup_.metrics.size(), cols = columns_.size();
  const auto n_reps = static_cast<std::size_t>(base_.replications);
  const std::size_t per_point = n_reps * n_arms;
  ProcessGroup& group = process_group();

  // Rows finished by an earlier, interrupted run of the same study are taken from the journal.
  std::vector<std::string> keys(values.rows);
  std::vector<std::size_t> todo;
  {
    const auto earlier = journal_.load();
    for (std::size_t r = 0; r < values.rows; ++r) {
      keys[r] = row_key(config_hash_, setup_.metrics, r, values.row(r));
      const auto it = earlier.find(keys[r]);
      if (it != earlier.end() && it->second.size() == cols) {
        std::copy(it->second.begin(), it->second.end(), out.row(r).begin());
        ++rows_resumed_;
      } else {
        todo.push_back(r);
      }
    }
  }
  // Under MPI each process runs one contiguous block of the rows to run (neighbouring rows share
  // worlds: a Morris trajectory moves one parameter at a time), then every process receives every
  // row. A row's values depend on the row alone, so the matrix is the one a single process computes.
  // Every process takes rank 0's list of rows to run: the journal files may change while the
  // processes read them (another process has started to append).
  group.start_work();
  if (group.size() > 1) {
    std::vector<double> list(todo.begin(), todo.end());
    const auto lists = group.all_gather(group.rank() == 0 ? pack_doubles(list) : std::string());
    const std::vector<double> root = unpack_doubles(lists[0]);
    todo.assign(root.begin(), root.end());
  }
  const Block mine = block_of(todo.size(), group.rank(), group.size());
  const std::size_t resumed = values.rows - todo.size();
  // Points run in batches, every (point, replication, arm) of a batch on one pool of threads, so
  // the cores stay busy across the ends of points. Results are stored by index: the thread count
  // changes no value.
  const std::size_t batch = std::max<std::size_t>(4, 2 * threads);
  for (std::size_t first = mine.first; first < mine.last; first += batch) {
    const std::size_t last = std::min(mine.last, first + batch);
    std::vector<config::Scenario> scenarios;
    std::vector<std::vector<ArmPlan>> plans;
    for (std::size_t i = first; i < last; ++i) {
      scenarios.push_back(scenario_at(values.row(todo[i])));
      plans.push_back(build_arm_plans(scenarios.back()));
    }
    std::vector<RunJob> jobs;
    for (std::size_t point = 0; point < last - first; ++point)
      for (std::size_t rep = 0; rep < n_reps; ++rep)
        for (std::size_t arm = 0; arm < n_arms; ++arm) jobs.push_back({point, arm, static_cast<std::uint32_t>(rep)});
    const std::vector<double> job_values = run_jobs(scenarios, plans, jobs, setup_.metrics, store_, threads);
    store_.trim();
    for (std::size_t i = first; i < last; ++i) {
      const std::size_t offset = (i - first) * per_point * n_metrics;
      summarize_point(std::span<const double>(job_values).subspan(offset, per_point * n_metrics), out.row(todo[i]));
      journal_.append(keys[todo[i]], out.row(todo[i]));
      // Under MPI, rank 0's progress counts its own block (the others run theirs alongside).
      if (progress) progress(resumed + i + 1 - mine.first, resumed + mine.last - mine.first);
    }
  }
  if (group.size() > 1) {
    // Each process sends the rows of its block; rank 0 also the rows it took from the journal.
    std::vector<std::size_t> resumed_rows;
    for (std::size_t r = 0; r < values.rows; ++r)
      if (!std::binary_search(todo.begin(), todo.end(), r)) resumed_rows.push_back(r);
    std::vector<double> rows;
    for (std::size_t i = mine.first; i < mine.last; ++i) rows.insert(rows.end(), out.row(todo[i]).begin(), out.row(todo[i]).end());
    if (group.rank() == 0)
      for (const std::size_t r : resumed_rows) rows.insert(rows.end(), out.row(r).begin(), out.row(r).end());
    const std::vector<std::string> blocks = group.all_gather(pack_doubles(rows));
    for (int rank = 0; rank < group.size(); ++rank) {
      const Block b = block_of(todo.size(), rank, group.size());
      const std::vector<double> theirs = unpack_doubles(blocks[static_cast<std::size_t>(rank)]);
      const std::size_t expected = (b.last - b.first + (rank == 0 ? resumed_rows.size() : 0)) * cols;
      if (theirs.size() != expected)
        throw std::runtime_error(fmt::format("process {} sent {} values, not {}", rank, theirs.size(), expected));
      auto from = theirs.begin();
      for (std::size_t i = b.first; i < b.last; ++i, from += static_cast<std::ptrdiff_t>(cols))
        std::copy_n(from, cols, out.row(todo[i]).begin());
      if (rank == 0)
        for (const std::size_t r : resumed_rows) {
          std::copy_n(from, cols, out.row(r).begin());
          from += static_cast<std::ptrdiff_t>(cols);
        }
    }
  }
  return out;
}

}  // namespace linksim::experiment
