// Thread-pool runner over (replication, arm) jobs.
#include "linksim/experiment/runner.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "experiment/job_pool.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/replication.hpp"
#include "linksim/experiment/world_cache.hpp"

namespace linksim::experiment {

unsigned threads_per_replication(const config::Scenario& scenario, unsigned threads) {
  if (threads == 0) threads = default_threads();
  const std::size_t jobs = std::max<std::size_t>(1, scenario.arms.size() * static_cast<std::size_t>(scenario.replications));
  return static_cast<unsigned>(std::max<std::size_t>(1, threads / jobs));
}

ModelFn make_model(const config::Scenario& scenario, TraceSink* trace, unsigned threads, Shard shard) {
  auto cache = std::make_shared<WorldCache>(scenario, shard.count);
  // Parsed once: every replication of an arm (on any thread) reads the same plan.
  auto plans = std::make_shared<const std::vector<ArmPlan>>(build_arm_plans(scenario));
  return [cache, plans, trace, threads](const config::Scenario& s, std::size_t arm, std::uint32_t replication) {
    const auto world = cache->acquire(arm, replication);
    struct Release {
      WorldCache& c;
      std::size_t a;
      std::uint32_t r;
      ~Release() { c.release(a, r); }
    } release{*cache, arm, replication};
    const auto pools = cache->pools(arm, replication);
    return run_replication(
        ReplicationInput{s, arm, replication, *world, replication == 0 ? trace : nullptr, 0, threads, pools.get(), &(*plans)[arm]});
  };
}

RunOutcome run_experiment(const config::Scenario& scenario, const ModelFn& model, const RunOptions& options) {
  const std::size_t n_arms = scenario.arms.size();
  const Shard shard = options.shard;
  // The shard's replications, less those finished earlier.
  std::vector<std::uint32_t> todo;
  for (std::uint32_t k = 0; k < shard.size(static_cast<std::uint32_t>(scenario.replications)); ++k)
    if (!std::binary_search(options.skip.begin(), options.skip.end(), shard.replication(k))) todo.push_back(shard.replication(k));
  const std::size_t n_reps = todo.size();
  const std::size_t total = n_arms * n_reps;
  // Replication-major job order: replication r of every arm finishes before r+1 starts in
  // earnest, so an interrupted run keeps as many complete pairs as possible.
  std::vector<std::optional<metrics::RunResult>> slots(total);
  std::mutex mutex;
  std::size_t done = 0;
  const unsigned threads = options.threads ? options.threads : default_threads();
  run_pool(total, threads, [&](std::size_t job) {
    const std::size_t k = job / n_arms, arm = job % n_arms;
    auto result = model(scenario, arm, todo[k]);
    std::lock_guard lock(mutex);
    slots[job] = std::move(result);
    ++done;
    if (options.progress) options.progress(done, total);
  }, options.stop);

  RunOutcome out;
  for (const auto& arm : scenario.arms) out.arms.push_back(ArmRuns{arm.name, arm.description, {}});
  for (std::size_t rep = 0; rep < n_reps; ++rep) {
    bool all = true;
    for (std::size_t a = 0; a < n_arms; ++a) all = all && slots[rep * n_arms + a].has_value();
    if (!all) continue;
    for (std::size_t a = 0; a < n_arms; ++a) out.arms[a].runs.push_back(std::move(*slots[rep * n_arms + a]));
    out.replications.push_back(todo[rep]);
    ++out.replications_completed;
  }
  out.complete = out.replications_completed == n_reps;
  return out;
}

}  // namespace linksim::experiment
