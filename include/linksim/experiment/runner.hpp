// Runs arms × replications on a thread pool. Results are stored by (arm, replication) index, so
// they are identical whatever the thread count.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "linksim/experiment/summary.hpp"
#include "linksim/config/scenario.hpp"

namespace linksim::experiment {

/// One replication of one arm. Must be a pure function of its arguments (it runs on any thread).
using ModelFn = std::function<metrics::RunResult(const config::Scenario&, std::size_t arm, std::uint32_t replication)>;

/// Replications r with r mod count = index (`--shard I/N`; the default is every replication).
struct Shard {
  std::uint32_t index = 0;
  std::uint32_t count = 1;
  bool owns(std::uint32_t replication) const { return replication % count == index; }
  /// How many of `replications` replications (0 … replications − 1) this shard runs.
  std::uint32_t size(std::uint32_t replications) const {
    return index < replications ? (replications - index + count - 1) / count : 0;
  }
  /// The k-th replication of this shard.
  std::uint32_t replication(std::uint32_t k) const { return index + k * count; }
};

struct RunOptions {
  unsigned threads = 0;                       ///< 0 = all hardware threads
  Shard shard;                                ///< which replications to run
  /// Replications of the shard not to run (finished earlier: a resumed run), increasing.
  std::vector<std::uint32_t> skip;
  const std::atomic<bool>* stop = nullptr;    ///< set asynchronously (SIGINT) to stop early
  std::function<void(std::size_t done, std::size_t total)> progress;  ///< called from workers, serialized
};

struct RunOutcome {
  std::vector<ArmRuns> arms;
  bool complete = true;
  std::size_t replications_completed = 0;  ///< replications finished in every arm (kept pairs)
  std::vector<std::uint32_t> replications;  ///< their numbers, increasing (arms[a].runs[k] is replication replications[k])
};

/// Runs every (replication, arm) job; on a stop request, keeps the replications that finished in
/// every arm (so comparisons stay paired) and marks the outcome incomplete. A model exception
/// stops the run and is rethrown.
RunOutcome run_experiment(const config::Scenario& scenario, const ModelFn& model, const RunOptions& options = {});

class TraceSink;

/// The full model for `scenario`: worlds shared across the arms of a replication, then
/// run_replication. The returned function must not outlive `scenario` (or `trace`).
/// Trace records are produced for replication 0 only (one run per arm is what a reader needs).
/// `threads`: workers given to each replication's shards (see ReplicationInput). `shard`: the
/// replications that will be asked for (a world is generated ahead only for one of them).
ModelFn make_model(const config::Scenario& scenario, TraceSink* trace = nullptr, unsigned threads = 1, Shard shard = {});

/// Threads per replication that keep `threads` busy when there are fewer jobs (arms ×
/// replications) than threads: a single 10^5-sender replication uses every core.
unsigned threads_per_replication(const config::Scenario& scenario, unsigned threads);

}  // namespace linksim::experiment
