// Runs every module's parameter parser on every arm and gathers the issues.
#include "linksim/experiment/check.hpp"

#include <set>

#include "linksim/graph/params.hpp"
#include "linksim/model/response_params.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::experiment {

void check_scenario(const io::Scenario& s) {
  std::vector<io::Issue> issues;
  std::set<std::string> seen;  // "path: message" lines already reported
  auto collect = [&](auto&& parse) {
    try {
      parse();
    } catch (const io::InputError& e) {
      for (const auto& i : e.issues())
        if (seen.insert(i.to_string()).second) issues.push_back(i);
    }
  };
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    const auto& c = s.arms[a].config;
    collect([&] { graph::graph_params_from_json(c.at("world"), s.locate(a, "/world")); });
    collect([&] { model::response_params_from_json(c.at("world").at("response"), s.locate(a, "/world/response")); });
    collect([&] { platform::platform_params_from_json(c.at("platform"), s.locate(a, "/platform")); });
    for (const auto& [name, cohort] : c.at("senders").items())
      collect([&] { strategy::resolve_strategy(cohort.at("strategy"), s.locate(a, "/senders/" + name + "/strategy")); });
  }
  if (!issues.empty()) throw io::InputError(std::move(issues));
}

}  // namespace linksim::experiment
