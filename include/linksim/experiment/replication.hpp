// One replication of one arm: senders with strategies act in a shared world under the platform's
// rules, members respond, and the recorder keeps the metrics of the metric registry.
#pragma once
#include <cstdint>

#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/trace.hpp"
#include "linksim/graph/world.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/metrics/run_result.hpp"
#include "linksim/strategy/pool_cache.hpp"

namespace linksim::experiment {

struct ReplicationInput {
  const config::Scenario& scenario;
  std::size_t arm = 0;
  std::uint32_t replication = 0;
  const graph::World& world;
  TraceSink* trace = nullptr;  ///< null: no trace
  /// Event loops the senders are split into (0: about 100 senders each; a trace, or a rule with
  /// state per member such as member_invite_budget, forces one). The result is the same for every
  /// value: senders share no state, except through such a rule, which then sees them all in one loop.
  unsigned shards = 0;
  unsigned threads = 1;  ///< workers that run this replication's shards
  /// Second-degree pools shared with the other arms on this world (null: none shared). Pools are
  /// a pure function of the world, the sender and the targeting: sharing changes no result.
  strategy::PoolCache* pools = nullptr;
  /// The arm's plan, built once for all its replications (null: built here from the scenario).
  const ArmPlan* plan = nullptr;
};

/// Runs the arm's horizon and returns its metrics and daily series. Pure function of its input
/// (`shards` and `threads` change the speed, not one bit of the result).
metrics::RunResult run_replication(const ReplicationInput& in);

}  // namespace linksim::experiment
