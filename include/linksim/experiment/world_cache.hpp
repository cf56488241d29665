// Worlds shared by the arms of a replication (common random numbers): generated once per
// (replication, world parameters), released when the last arm that needs it has finished.
#pragma once
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "linksim/graph/world.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/strategy/pool_cache.hpp"

namespace linksim::experiment {

class WorldCache final {
 public:
  /// `stride`: the replications asked for are r, r + stride, … (a shard of a run: --shard I/N).
  explicit WorldCache(const config::Scenario& scenario, std::uint32_t stride = 1);
  /// The world of (arm, replication). While another thread generates it, the caller builds the
  /// next replication's world (replication + stride, if nobody has started it), then waits.
  std::shared_ptr<const graph::World> acquire(std::size_t arm, std::uint32_t replication);
  /// Second-degree pools shared by the arms that use the world of (arm, replication); null when
  /// only one arm uses it. Call between acquire and release.
  std::shared_ptr<strategy::PoolCache> pools(std::size_t arm, std::uint32_t replication);
  /// Call once per acquire, when the arm's replication is done.
  void release(std::size_t arm, std::uint32_t replication);

 private:
  void build(std::size_t arm, std::uint32_t replication, std::promise<std::shared_ptr<const graph::World>>& promise) const;
  struct Entry {
    std::shared_future<std::shared_ptr<const graph::World>> world;
    std::size_t users_left = 0;
    std::shared_ptr<strategy::PoolCache> pools;  ///< null when one arm uses the world
  };
  const config::Scenario& scenario_;
  std::uint32_t stride_;
  std::vector<std::string> keys_;    ///< per arm: the graph-relevant part of its world config
  std::map<std::string, std::size_t> arms_per_key_;
  std::map<std::pair<std::uint32_t, std::string>, Entry> entries_;
  std::mutex mutex_;
};

}  // namespace linksim::experiment
