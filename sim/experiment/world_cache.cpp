// Shared worlds per replication.
#include "linksim/experiment/world_cache.hpp"

namespace linksim::experiment {

WorldCache::WorldCache(const io::Scenario& scenario) : scenario_(scenario) {
  for (const auto& arm : scenario.arms) {
    nlohmann::json world = arm.config.at("world");
    world.erase("response");  // how members respond does not change the graph
    keys_.push_back(world.dump());
    ++arms_per_key_[keys_.back()];
  }
}

std::shared_ptr<const graph::World> WorldCache::acquire(std::size_t arm, std::uint32_t replication) {
  std::shared_future<std::shared_ptr<const graph::World>> future;
  std::promise<std::shared_ptr<const graph::World>> promise;
  bool generate = false;
  {
    std::lock_guard lock(mutex_);
    auto key = std::make_pair(replication, keys_[arm]);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      Entry e;
      e.world = promise.get_future().share();
      e.users_left = arms_per_key_[keys_[arm]];
      it = entries_.emplace(key, std::move(e)).first;
      generate = true;
    }
    future = it->second.world;
  }
  if (generate) {
    try {
      const auto& config = scenario_.arms[arm].config.at("world");
      auto params = graph::graph_params_from_json(config, scenario_.locate(arm, "/world"));
      // One thread per world: the runner already keeps every core busy with replications.
      promise.set_value(std::make_shared<const graph::World>(graph::generate_world(params, scenario_.seed, replication, 1)));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  }
  return future.get();
}

void WorldCache::release(std::size_t arm, std::uint32_t replication) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::make_pair(replication, keys_[arm]));
  if (it != entries_.end() && --it->second.users_left == 0) entries_.erase(it);
}

}  // namespace linksim::experiment
