// Shared worlds per replication.
#include "linksim/experiment/world_cache.hpp"

#include <chrono>
#include <optional>

namespace linksim::experiment {

WorldCache::WorldCache(const config::Scenario& scenario, std::uint32_t stride) : scenario_(scenario), stride_(stride) {
  for (const auto& arm : scenario.arms) {
    nlohmann::json world = arm.config.at("world");
    world.erase("response");  // how members respond does not change the graph
    keys_.push_back(world.dump());
    ++arms_per_key_[keys_.back()];
  }
}

std::shared_ptr<const graph::World> WorldCache::acquire(std::size_t arm, std::uint32_t replication) {
  using Promise = std::promise<std::shared_ptr<const graph::World>>;
  std::shared_future<std::shared_ptr<const graph::World>> future;
  std::optional<Promise> generate, prefetch;
  std::uint32_t prefetch_replication = 0;
  {
    std::lock_guard lock(mutex_);
    auto [it, created] = entries_.try_emplace(std::make_pair(replication, keys_[arm]));
    if (created) {
      generate.emplace();
      it->second.world = generate->get_future().share();
      it->second.users_left = arms_per_key_[keys_[arm]];
    } else if (it->second.world.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      // Another thread is generating this world. Rather than idle, generate the next
      // replication's (worlds depend only on (seed, replication), so who builds one and when
      // changes nothing); at most one world ahead, to bound memory.
      const std::uint64_t next = std::uint64_t{replication} + stride_;
      if (next < static_cast<std::uint64_t>(scenario_.replications)) {
        auto [nit, fresh] = entries_.try_emplace(std::make_pair(static_cast<std::uint32_t>(next), keys_[arm]));
        if (fresh) {
          prefetch.emplace();
          nit->second.world = prefetch->get_future().share();
          nit->second.users_left = arms_per_key_[keys_[arm]];
          prefetch_replication = static_cast<std::uint32_t>(next);
        }
      }
    }
    future = it->second.world;
  }
  if (generate) build(arm, replication, *generate);
  if (prefetch) build(arm, prefetch_replication, *prefetch);
  return future.get();
}

void WorldCache::build(std::size_t arm, std::uint32_t replication,
                       std::promise<std::shared_ptr<const graph::World>>& promise) const {
  try {
    const auto& config = scenario_.arms[arm].config.at("world");
    auto params = graph::graph_params_from_json(config, scenario_.locate(arm, "/world"));
    // One thread per world: the runner already keeps every core busy with replications.
    promise.set_value(std::make_shared<const graph::World>(graph::generate_world(params, scenario_.seed, replication, 1)));
  } catch (...) {
    promise.set_exception(std::current_exception());
  }
}

std::shared_ptr<strategy::PoolCache> WorldCache::pools(std::size_t arm, std::uint32_t replication) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::make_pair(replication, keys_[arm]));
  if (it == entries_.end() || arms_per_key_[keys_[arm]] < 2) return nullptr;
  if (!it->second.pools) it->second.pools = std::make_shared<strategy::PoolCache>();
  return it->second.pools;
}

void WorldCache::release(std::size_t arm, std::uint32_t replication) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::make_pair(replication, keys_[arm]));
  if (it != entries_.end() && --it->second.users_left == 0) entries_.erase(it);
}

}  // namespace linksim::experiment
