// A validated scenario: the base configuration, its arms (merge patches applied, defaults filled).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/errors.hpp"
#include "linksim/config/json_input.hpp"  // parse_json

namespace linksim::config {

struct Arm {
  std::string name;
  std::string description;
  nlohmann::json patch;   ///< the arm's merge patch as written (empty object for the base arm)
  nlohmann::json config;  ///< base ⊕ patch with every default applied; has no "arms" key
};

struct Scenario {
  std::string origin;  ///< file path, or "<built-in default>"
  std::string name;
  std::string description;
  int horizon_days = 0;
  int replications = 0;
  std::uint64_t seed = 0;
  nlohmann::json outputs;
  nlohmann::json statistics;  ///< how intervals are computed (schema $defs/statistics)
  nlohmann::json overrides = nlohmann::json::array();  ///< the merge patches applied over the file (--set), in order
  std::vector<Arm> arms;  ///< at least one; the first is the baseline

  /// The user-facing path of `path` in arm `arm`'s config: inside the arm's patch when the patch
  /// set it, in the base document otherwise. Modules use it to report semantic errors.
  std::string locate(std::size_t arm, const std::string& path) const;
};

/// Overrides applied on top of the file, in order (each `--set` is one merge patch).
struct Overrides {
  std::vector<nlohmann::json> patches;
};

/// Parses, validates (every issue, one line each) and expands a scenario. Throws InputError.
Scenario load_scenario_text(const std::string& text, const std::string& origin, const Overrides& overrides = {});
/// Reads a file (a missing or unreadable file is an InputError naming it).
Scenario load_scenario_file(const std::string& path, const Overrides& overrides = {});
/// The built-in default scenario (scenarios/default.json, embedded at build time).
Scenario default_scenario(const Overrides& overrides = {});
std::string default_scenario_text();


}  // namespace linksim::config
