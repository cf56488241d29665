// What one replication of one arm produced: scalar metrics and daily series.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace linksim::metrics {

/// Names of the sender metrics, in registry order (metrics/registry.hpp: the one list).
const std::vector<std::string>& sender_metric_names();
/// Names of the platform (policy) metrics, in registry order.
const std::vector<std::string>& policy_metric_names();

/// One cohort's or one rule's breakdown values in one replication (registry: kBreakdownMetrics);
/// NaN where a value is undefined (the precision of a rule that restricted nobody).
struct GroupResult {
  std::string name;
  std::string label;   ///< cohorts: "legit" or "abusive"; rules: empty
  bool focal = false;  ///< cohorts: counted in the arm's sender metrics
  std::map<std::string, double> values;  ///< breakdown metric name → value
};

/// Per cohort and per rule, when a cohort is labelled abusive (empty otherwise).
struct BreakdownResult {
  std::vector<GroupResult> cohorts;  ///< in the scenario's cohort order
  std::vector<GroupResult> rules;    ///< in the order the platform consults them
  bool empty() const { return cohorts.empty() && rules.empty(); }
};

struct RunResult {
  std::map<std::string, double> scalars;              ///< metric name → value
  std::map<std::string, std::vector<double>> daily;   ///< series name → one value per day
  BreakdownResult breakdown;
  double events = 0;  ///< events the engine dispatched (for throughput figures, not a metric)
};

}  // namespace linksim::metrics
