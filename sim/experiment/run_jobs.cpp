// A pool of threads over (variant, arm, replication) jobs; results stored by job index.
#include "linksim/experiment/run_jobs.hpp"

#include <algorithm>

#include "experiment/job_pool.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/replication.hpp"

namespace linksim::experiment {

std::vector<double> run_jobs(std::span<const config::Scenario> scenarios, std::span<const std::vector<ArmPlan>> plans,
                             std::span<const RunJob> jobs, std::span<const std::string> metrics, WorldStore& store,
                             unsigned threads) {
  const std::size_t n_metrics = metrics.size();
  std::vector<double> values(jobs.size() * n_metrics, 0.0);
  const unsigned want = threads ? threads : default_threads();
  run_pool(jobs.size(), want, [&](std::size_t j) {
    const RunJob& job = jobs[j];
    const config::Scenario& s = scenarios[job.variant];
    const WorldStore::Lease lease = store.acquire(s, job.arm, job.replication);
    const metrics::RunResult result = run_replication(ReplicationInput{
        s, job.arm, job.replication, *lease.world, nullptr, 0, 1, lease.pools.get(), &plans[job.variant][job.arm]});
    for (std::size_t m = 0; m < n_metrics; ++m) {
      const auto it = result.scalars.find(metrics[m]);
      values[j * n_metrics + m] = it == result.scalars.end() ? 0.0 : it->second;
    }
  });
  return values;
}

}  // namespace linksim::experiment
