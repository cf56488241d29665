// Shared CLI helpers.
#include "commands.hpp"

#include "linksim/experiment/check.hpp"
#include "linksim/io/merge_patch.hpp"

namespace linksim::cli {

io::Scenario load(const std::string& path, const std::vector<std::string>& sets) {
  io::Overrides overrides;
  for (const auto& s : sets) overrides.patches.push_back(io::patch_from_assignment(s));
  io::Scenario s = path.empty() ? io::default_scenario(overrides) : io::load_scenario_file(path, overrides);
  experiment::check_scenario(s);
  return s;
}

}  // namespace linksim::cli
