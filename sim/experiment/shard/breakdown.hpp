// The breakdowns of a replication with abusive senders (results.json's `breakdown`): per cohort,
// what its senders sent, were refused and gained, and how soon they were restricted; per rule,
// the ladder transitions it caused (Transition::rule) and the invitations it refused, split by
// the senders' ground-truth labels. A shard tallies its part at its end; scoring joins them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "linksim/core/time.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/metrics/run_result.hpp"
#include "linksim/metrics/sender_stats.hpp"
#include "linksim/platform/policy.hpp"

namespace linksim::experiment {

class ShardContext;
struct ShardOut;

/// One rule's part of one shard.
struct RuleTally {
  double restrictions = 0, warnings = 0;
  double senders_restricted = 0, abusive_restricted = 0;  ///< senders it restricted at least once
  double denied_legit = 0, denied_abusive = 0;            ///< invitation attempts it refused
};

/// A shard's part of the breakdowns.
struct ShardBreakdown {
  std::vector<std::uint32_t> cohort;    ///< per local sender: its index in ArmPlan::cohorts
  std::vector<std::string> rule_names;  ///< per rule index (Policy::rule_name)
  std::vector<RuleTally> rules;         ///< per rule index
};

/// At the end of a shard: its senders' cohorts, and what each rule of its Policy did to them.
ShardBreakdown shard_breakdown(const ShardContext& ctx, const platform::Policy& policy);

/// The median of `v` (the mean of the middle two for an even count); 0 when empty.
double median_of(std::vector<double> v);

/// Joins the shards' parts into `out`. `stats` and `first_restricted` are indexed by
/// global sender (scoring's join); every cohort of the plan with senders gets an entry.
void score_breakdown(const std::vector<ShardOut>& parts, const ArmPlan& plan, const std::vector<metrics::SenderStats>& stats,
                     const std::vector<core::Time>& first_restricted,
                     metrics::BreakdownResult& out);

}  // namespace linksim::experiment
