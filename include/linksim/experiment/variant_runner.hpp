// Runs one scenario at many values of its ranged parameters (the design points of a sensitivity
// or robustness analysis): each point is the scenario with the values applied as a merge patch,
// run for every arm with the scenario's seed, so every point sees the same random numbers
// (common random numbers) and reuses the worlds of earlier points (WorldStore).
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/scenario.hpp"
#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/row_journal.hpp"
#include "linksim/experiment/sensitivity.hpp"
#include "linksim/experiment/world_store.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

struct VariantSetup {
  std::string text;    ///< the scenario document
  std::string origin;  ///< its path, for messages
  /// Merge patches applied over the document before the parameter values (--set, replications, seed).
  std::vector<nlohmann::json> overrides;
  std::vector<RangedParameter> parameters;
  /// Registry names (see select_metrics); empty: the headline metrics of default_metric_scope.
  std::vector<std::string> metrics;
  unsigned threads = 0;              ///< 0: every hardware thread
  /// Where finished design rows are journalled so an interrupted study resumes (RowJournal);
  /// empty: no journal.
  std::string checkpoint_dir;
};

/// The metrics `names` asks for (sender or policy metrics of the registry), in the order given;
/// the registry's headline metrics of scope `defaults` when empty. An unknown or repeated name is
/// a config::InputError at "--metrics".
std::vector<std::string> select_metrics(const std::vector<std::string>& names,
                                        metrics::Scope defaults = metrics::Scope::kSender);

/// Whose metrics a scenario's arms are judged on by default: kPolicy when its first arm's
/// population has abusive senders (the arms are platform policies, judged on spam delivered,
/// recall, honest senders restricted ...), kSender otherwise.
metrics::Scope default_metric_scope(const config::Scenario& scenario);

/// One model output of a design point: the mean over replications of `metric` in `arm` (a sender
/// metric's per-sender mean or a policy metric's platform-wide value, one per replication), or,
/// with a baseline, the mean paired difference arm − baseline.
struct OutputColumn {
  std::string arm;
  std::string baseline;  ///< empty: the arm's own value
  std::string metric;
  std::string label() const;  ///< "cold: replies" or "personalized - cold: replies"
};

class VariantRunner final {
 public:
  /// Loads the scenario without and with the parameters at their lower and upper bounds, so bad
  /// input is reported (config::InputError) before anything runs.
  explicit VariantRunner(VariantSetup setup);

  const std::vector<RangedParameter>& parameters() const { return setup_.parameters; }
  const std::vector<std::string>& metrics() const { return setup_.metrics; }
  const std::vector<std::string>& arms() const { return arms_; }
  const config::Scenario& base() const { return base_; }
  /// Per arm and metric (arm-major), then per arm after the first and metric, the difference
  /// from the first arm.
  const std::vector<OutputColumn>& columns() const { return columns_; }

  /// The scenario with parameter i set to values[i].
  config::Scenario scenario_at(std::span<const double> values) const;
  /// Runs every arm and replication at `values`; fills `out` (one value per column).
  void run(std::span<const double> values, std::span<double> out);
  /// Runs every row of `values` (one point per row) into a matrix with one column per column();
  /// progress(done, total) after each point. Points run in batches on one pool of `threads`.
  sensitivity::Matrix run_all(const sensitivity::Matrix& values,
                              const std::function<void(std::size_t, std::size_t)>& progress = {});
  std::size_t worlds_generated() const { return store_.generated(); }
  /// Rows run_all took from the journal of an earlier, interrupted run instead of running them.
  std::size_t rows_resumed() const { return rows_resumed_; }
  /// Removes the journal of finished rows (call once the study's outputs are written).
  void discard_checkpoint() const { journal_.remove(); }
  /// One line per (arm, parameter) where the arm's own patch sets the parameter: the values are
  /// patched over the scenario's base document, so such an arm keeps its value at every point.
  const std::vector<std::string>& pinned() const { return pinned_; }

 private:
  void summarize_point(std::span<const double> job_values, std::span<double> out) const;
  VariantSetup setup_;
  config::Scenario base_;
  std::vector<std::string> arms_;
  std::vector<OutputColumn> columns_;
  std::vector<std::string> pinned_;
  WorldStore store_;
  RowJournal journal_;
  std::string config_hash_;  ///< of base_, for the journal's keys
  std::size_t rows_resumed_ = 0;
};

}  // namespace linksim::experiment
