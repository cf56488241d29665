// One replication: the senders' members drawn once, the senders split into shards (event loops
// of about 100 senders, see shard/shard_loop.hpp) run by a worker pool, and the shards joined and
// scored (shard/scoring.hpp).
#include "linksim/experiment/replication.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "experiment/job_pool.hpp"
#include "experiment/shard/shard_loop.hpp"
#include "linksim/experiment/sender_network.hpp"

namespace linksim::experiment {

namespace {

/// Senders per shard when ReplicationInput::shards is 0 (bench/population_bench.cpp: at 10^4
/// senders one loop took 14.3 s, shards of 300 senders 10.2 s, of 80 senders 9.7 s).
constexpr std::size_t kSendersPerShard = 100;

}  // namespace

metrics::RunResult run_replication(const ReplicationInput& in) {
  std::optional<ArmPlan> own;
  if (in.plan == nullptr) own = build_arm_plan(in.scenario, in.arm);
  const ArmPlan& plan = in.plan != nullptr ? *in.plan : *own;
  const PopulationFacts& facts = plan.facts;
  // A trace is written in event order by one loop. So is a replication with a rule whose state is
  // per member across senders (member_invite_budget: a member's budget is spent by every sender's
  // invitations): each shard has its own Policy and sees only its own senders, so a budget split
  // over shards would let each shard spend it again, and the result would depend on the shard
  // count. Otherwise small shards: a shard's senders, their rules' state and its event queue stay
  // in cache while it runs its whole horizon.
  const bool one_loop = in.trace != nullptr || plan.platform.needs_member_view();
  const std::size_t want = in.shards != 0 ? in.shards : (facts.senders + kSendersPerShard - 1) / kSendersPerShard;
  const auto shards = one_loop ? 1u : static_cast<unsigned>(std::clamp<std::size_t>(want, 1, std::max<std::size_t>(facts.senders, 1)));
  const unsigned threads = std::clamp(in.threads, 1u, shards);
  const std::vector<SenderSeat> seats = place_senders(in.world, plan, in.scenario.seed, in.replication);
  std::vector<ShardOut> parts(shards);
  run_pool(shards, threads, [&](std::size_t k) { parts[k] = ShardLoop(in, plan, seats, static_cast<unsigned>(k), shards).run(); });
  return combine(parts, plan, in.world.num_members());
}

}  // namespace linksim::experiment
