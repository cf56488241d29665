// One replication of one arm: senders with strategies act in a shared world under the platform's
// rules, members respond, and the recorder keeps the metrics of DESIGN.md.
#pragma once
#include <cstdint>
#include <string>

#include "linksim/core/time.hpp"
#include "linksim/graph/world.hpp"
#include "linksim/strategy/pool_cache.hpp"
#include "linksim/io/scenario.hpp"
#include "linksim/metrics/run_result.hpp"

namespace linksim::experiment {

/// One line of the event trace: what happened to whom, and why in plain English.
struct TraceRecord {
  core::Time time = 0;
  std::uint32_t sender = 0;
  const char* event = "";
  std::int64_t member = -1;  ///< -1 when no member is involved
  std::string reason;
};

/// Receives trace records (the io module writes them as JSON lines). Called from one thread per
/// replication; an implementation shared across threads must lock.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void write(const std::string& arm, std::uint32_t replication, const TraceRecord& r) = 0;
};

struct ReplicationInput {
  const io::Scenario& scenario;
  std::size_t arm = 0;
  std::uint32_t replication = 0;
  const graph::World& world;
  TraceSink* trace = nullptr;  ///< null: no trace
  /// Event loops the senders are split into (0: about 100 senders each; a trace forces one). The
  /// result is the same for every value: senders share no state.
  unsigned shards = 0;
  unsigned threads = 1;  ///< workers that run this replication's shards
  /// Second-degree pools shared with the other arms on this world (null: none shared). Pools are
  /// a pure function of the world, the sender and the targeting: sharing changes no result.
  strategy::PoolCache* pools = nullptr;
};

/// Runs the arm's horizon and returns its metrics and daily series. Pure function of its input
/// (`shards` and `threads` change the speed, not one bit of the result).
metrics::RunResult run_replication(const ReplicationInput& in);

}  // namespace linksim::experiment
