// Many runs of many scenario variants on one pool of threads: each job is one replication of one
// arm of one variant; the values of the asked metrics come back by job, so the thread count
// changes no value. Shared by the variant runner (sensitivity, robustness) and `linksim attack`.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "linksim/config/scenario.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/world_store.hpp"

namespace linksim::experiment {

struct RunJob {
  std::size_t variant = 0;  ///< index into the scenarios (and their plans)
  std::size_t arm = 0;
  std::uint32_t replication = 0;
};

/// Runs every job on `threads` threads (0: every hardware thread), its world from `store`, and
/// returns a job-major matrix: for job j, metric m at [j * metrics.size() + m], the run's scalar of
/// that name (0 when the run has none, as the summary counts it). plans[v] are the arm plans of
/// scenarios[v]. The first error is rethrown once every worker has stopped.
std::vector<double> run_jobs(std::span<const config::Scenario> scenarios, std::span<const std::vector<ArmPlan>> plans,
                             std::span<const RunJob> jobs, std::span<const std::string> metrics, WorldStore& store,
                             unsigned threads);

}  // namespace linksim::experiment
