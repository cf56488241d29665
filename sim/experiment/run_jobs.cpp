// A pool of threads over (variant, arm, replication) jobs; results stored by job index.
#include "linksim/experiment/run_jobs.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "linksim/experiment/replication.hpp"

namespace linksim::experiment {

std::vector<double> run_jobs(std::span<const config::Scenario> scenarios, std::span<const std::vector<ArmPlan>> plans,
                             std::span<const RunJob> jobs, std::span<const std::string> metrics, WorldStore& store,
                             unsigned threads) {
  const std::size_t n_metrics = metrics.size();
  std::vector<double> values(jobs.size() * n_metrics, 0.0);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mutex;
  auto worker = [&] {
    for (;;) {
      if (failed.load()) return;
      const std::size_t j = next.fetch_add(1);
      if (j >= jobs.size()) return;
      const RunJob& job = jobs[j];
      try {
        const config::Scenario& s = scenarios[job.variant];
        const WorldStore::Lease lease = store.acquire(s, job.arm, job.replication);
        const metrics::RunResult result = run_replication(ReplicationInput{
            s, job.arm, job.replication, *lease.world, nullptr, 0, 1, lease.pools.get(), &plans[job.variant][job.arm]});
        for (std::size_t m = 0; m < n_metrics; ++m) {
          const auto it = result.scalars.find(metrics[m]);
          values[j * n_metrics + m] = it == result.scalars.end() ? 0.0 : it->second;
        }
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
    }
  };
  const unsigned want = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  const auto pool_size = static_cast<unsigned>(std::min<std::size_t>(want, jobs.size()));
  if (pool_size <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < pool_size; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  if (error) std::rethrow_exception(error);
  return values;
}

}  // namespace linksim::experiment
