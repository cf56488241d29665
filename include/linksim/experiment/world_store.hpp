// Worlds kept across the runs of many variants of one scenario (sensitivity and robustness design
// points): a variant that changes only how members respond reuses the worlds and prospect pools
// an earlier variant generated.
#pragma once
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "linksim/config/scenario.hpp"
#include "linksim/graph/world.hpp"
#include "linksim/strategy/pool_cache.hpp"

namespace linksim::experiment {

class WorldStore final {
 public:
  /// Keeps the worlds of at most `capacity` distinct world configurations (each with its
  /// replications) once trim() is called; the least recently used go first.
  explicit WorldStore(std::size_t capacity = 2) : capacity_(capacity) {}

  struct Lease {
    std::shared_ptr<const graph::World> world;
    std::shared_ptr<strategy::PoolCache> pools;  ///< shared by every run on this world
  };
  /// The world of (arm, replication) of `scenario`: a world is a pure function of the arm's world
  /// configuration without `response`, the seed and the replication (as in WorldCache), so one
  /// generated for another variant with the same key is the same world. Thread-safe; a world
  /// another thread is generating is waited for.
  Lease acquire(const config::Scenario& scenario, std::size_t arm, std::uint32_t replication);
  /// Drops the least recently used world configurations beyond the capacity. Call between
  /// variants (leases already handed out stay valid).
  void trim();
  /// Worlds generated so far (for tests and progress lines).
  std::size_t generated() const;

 private:
  struct Entry {
    std::shared_future<std::shared_ptr<const graph::World>> world;
    std::shared_ptr<strategy::PoolCache> pools;
  };
  struct Config {
    std::map<std::uint32_t, Entry> replications;
    std::uint64_t last_used = 0;
  };
  std::size_t capacity_;
  std::map<std::string, Config> configs_;  ///< by seed and world configuration
  std::uint64_t clock_ = 0;
  std::size_t generated_ = 0;
  mutable std::mutex mutex_;
};

}  // namespace linksim::experiment
