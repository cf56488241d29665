// A share of a run's replications, computed apart and combined later: `linksim run --shard I/N`
// writes one, `linksim merge` reads N of them and writes what one process would have written.
// Replication r belongs to shard r mod N. A partial holds the resolved scenario (so a merge needs
// nothing else), its configuration hash, and every finished replication's results of every arm,
// numbers written so that reading them back gives the same doubles.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/scenario.hpp"
#include "linksim/experiment/runner.hpp"

namespace linksim::experiment {

/// Parses "I/N" (N >= 1, I < N); an InputError names `option` otherwise.
Shard parse_shard(const std::string& text, const std::string& option = "--shard");

/// The partial file of `outcome` (a complete run of `shard`'s replications of `scenario`).
nlohmann::json partial_json(const config::Scenario& scenario, const RunOutcome& outcome, Shard shard);

struct Partial {
  std::string origin;  ///< the file it was read from
  config::Scenario scenario;
  std::string config_hash;
  Shard shard;
  RunOutcome outcome;
};

/// Reads a partial; an InputError names the file and the JSON path of anything malformed.
Partial partial_from_json(const nlohmann::json& j, const std::string& origin);

/// Combines the partials of every shard of one run into the outcome one process would have had.
/// InputError when they are of different scenarios (configuration hashes), of different shard
/// counts, when a shard is missing or given twice, or when one is incomplete.
RunOutcome merge_partials(const std::vector<Partial>& partials);

}  // namespace linksim::experiment
