// A hash of the fully resolved configuration.
#include "linksim/config/config_hash.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "linksim/core/version.hpp"

namespace linksim::config {

nlohmann::json resolved_config(const Scenario& scenario) {
  nlohmann::json arms = nlohmann::json::array();
  for (const auto& a : scenario.arms)
    arms.push_back({{"name", a.name}, {"description", a.description}, {"config", a.config}});
  return {{"linksim_version", std::string(core::version())},
          {"name", scenario.name},
          {"description", scenario.description},
          {"seed", scenario.seed},
          {"replications", scenario.replications},
          {"statistics", scenario.statistics},
          {"outputs", scenario.outputs},
          {"arms", std::move(arms)}};
}

std::string config_hash(const Scenario& scenario) {
  // FNV-1a, 64-bit (Fowler, Noll and Vo; offset basis and prime from the authors' reference).
  std::uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : resolved_config(scenario).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) h = (h ^ c) * 1099511628211ull;
  return fmt::format("{:016x}", h);
}

}  // namespace linksim::config
