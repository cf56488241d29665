// Scoring a replication: the shards' outputs joined in global sender order, the sender metrics
// and daily series over the focal senders, and the platform's metrics from the cohorts'
// ground-truth labels (never from the rules' own view): what the rules let through from abusive
// senders and what they cost legitimate ones.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "experiment/shard/breakdown.hpp"
#include "experiment/shard/recorder.hpp"
#include "linksim/core/time.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/metrics/run_result.hpp"
#include "linksim/metrics/sender_stats.hpp"

namespace linksim::experiment {


/// What one shard hands back: its senders' counters and ground truth, indexed by local sender,
/// with the global index of each; partial daily sums; invitations received per member.
struct ShardOut {
  std::vector<std::uint32_t> ids;
  std::vector<metrics::SenderStats> stats;
  std::vector<char> focal, abusive;
  std::vector<core::Time> first_restricted;
  std::vector<double> peak_48h;  ///< abusive senders: most invitations delivered in any 48 hours
  std::vector<DaySums> daily;
  std::vector<std::uint32_t> unwanted;  ///< recipient of every invitation an abusive sender delivered
  ShardBreakdown breakdown;
  double events = 0;
};

/// Joins the shards and scores the run (the breakdowns too, when a cohort is labelled abusive).
/// `members`: the world's size (for the per-member p99).
metrics::RunResult combine(std::vector<ShardOut>& parts, const ArmPlan& plan, std::size_t members);

}  // namespace linksim::experiment
