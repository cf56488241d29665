// Worlds and prospect pools shared across variants of a scenario.
#include "linksim/experiment/world_store.hpp"

#include <algorithm>
#include <optional>

namespace linksim::experiment {

WorldStore::Lease WorldStore::acquire(const config::Scenario& scenario, std::size_t arm, std::uint32_t replication) {
  nlohmann::json world = scenario.arms[arm].config.at("world");
  world.erase("response");  // how members respond does not change the graph (as in WorldCache)
  const std::string key = std::to_string(scenario.seed) + ':' + world.dump();
  std::optional<std::promise<std::shared_ptr<const graph::World>>> generate;
  Lease lease;
  std::shared_future<std::shared_ptr<const graph::World>> future;
  {
    std::lock_guard lock(mutex_);
    Config& config = configs_[key];
    config.last_used = ++clock_;
    auto [it, created] = config.replications.try_emplace(replication);
    if (created) {
      generate.emplace();
      it->second.world = generate->get_future().share();
      it->second.pools = std::make_shared<strategy::PoolCache>();
      ++generated_;
    }
    future = it->second.world;
    lease.pools = it->second.pools;
  }
  if (generate) {
    try {
      const auto params = graph::graph_params_from_json(scenario.arms[arm].config.at("world"), scenario.locate(arm, "/world"));
      generate->set_value(std::make_shared<const graph::World>(graph::generate_world(params, scenario.seed, replication, 1)));
    } catch (...) {
      generate->set_exception(std::current_exception());
    }
  }
  lease.world = future.get();
  return lease;
}

void WorldStore::trim() {
  std::lock_guard lock(mutex_);
  while (configs_.size() > capacity_) {
    auto oldest = std::min_element(configs_.begin(), configs_.end(),
                                   [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; });
    configs_.erase(oldest);
  }
}

std::size_t WorldStore::generated() const {
  std::lock_guard lock(mutex_);
  return generated_;
}

}  // namespace linksim::experiment
