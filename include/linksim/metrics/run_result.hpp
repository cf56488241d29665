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

struct RunResult {
  std::map<std::string, double> scalars;              ///< metric name → value
  std::map<std::string, std::vector<double>> daily;   ///< series name → one value per day
  double events = 0;  ///< events the engine dispatched (for throughput figures, not a metric)
};

}  // namespace linksim::metrics
