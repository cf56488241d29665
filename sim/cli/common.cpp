// Shared CLI helpers.
#include "commands.hpp"

#include "linksim/experiment/check.hpp"
#include "linksim/config/merge_patch.hpp"

namespace linksim::cli {

config::Scenario load(const std::string& path, const std::vector<std::string>& sets) {
  config::Overrides overrides;
  for (const auto& s : sets) overrides.patches.push_back(config::patch_from_assignment(s));
  config::Scenario s = path.empty() ? config::default_scenario(overrides) : config::load_scenario_file(resolve_scenario(path), overrides);
  experiment::check_scenario(s);
  return s;
}

}  // namespace linksim::cli
