// The identity of a fully resolved configuration, so results computed for another one are never
// taken for current (`linksim sweep` resume, results.json's config_hash).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "linksim/config/scenario.hpp"

namespace linksim::config {

/// Everything that decides a run's results, as one JSON document: the linksim version, name,
/// description, seed, replications, statistics, outputs and every arm (name, description and its
/// configuration after --set, the arm's patch and every default). The file's path is left out:
/// the same configuration read from another place is the same configuration.
nlohmann::json resolved_config(const Scenario& scenario);

/// 16 hex digits: 64-bit FNV-1a of resolved_config()'s compact dump (object keys sorted, so equal
/// configurations give equal text). A change detector, not a cryptographic digest.
std::string config_hash(const Scenario& scenario);

}  // namespace linksim::config
