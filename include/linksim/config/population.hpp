// Sender populations for policy scenarios: `population` (archetypes with shares) expands into
// ordinary cohorts before validation, so every generated cohort is checked like a written one.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/errors.hpp"

namespace linksim::config {

/// scenarios/presets/archetypes.json (embedded): default_mix and archetypes.
const nlohmann::json& archetypes_document();
/// Archetype names in file order (the order cohorts are shared out and listed).
std::vector<std::string> archetype_names();

/// If `doc` has a `population`, adds one non-focal cohort per archetype with a non-zero count
/// to `doc["senders"]` (named after the archetype: the archetype's cohort, merge-patched with
/// population.archetypes.<name>; counts by largest remainder of senders × share). Problems
/// (shares not summing to 1, a written cohort already using an archetype's name) are appended
/// to `issues` with paths under `/population`. Returns the names of the generated cohorts.
std::vector<std::string> expand_population(nlohmann::json& doc, std::vector<Issue>& issues);

/// Rewrites an issue path inside a generated cohort (`/senders/<name>/...`) to the place the
/// user can fix it (`/population/archetypes/<name>/...`).
std::string population_issue_path(const std::string& path, const std::vector<std::string>& generated);

}  // namespace linksim::config
