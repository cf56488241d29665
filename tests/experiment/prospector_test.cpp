// The prospector every channel draws from: the first time it finds the pool empty the pool is dry
// for good, even where the ICP search still has off-profile results to give.
#include <catch2/catch.hpp>

#include "experiment/shard/context.hpp"
#include "experiment/shard/prospector.hpp"
#include "experiment_fixture.hpp"
#include "linksim/graph/world.hpp"

using namespace linksim;
using namespace linksim::experiment;

TEST_CASE("prospector: once the pool is empty no channel gets a prospect again, not even an off-profile one", "[pools]") {
  // Free plan: half an ICP search's results are on-profile. Industry only, 400 members.
  const auto scenario = testing::scenario(
      {{"name", "prospector"}, {"description", "a dry pool stays dry"}, {"horizon_days", 28}, {"replications", 1}, {"seed", 8},
       {"world", {{"members", 400}}},
       {"senders", {{"focal", {{"count", 1}, {"plan", "free"}, {"strategy", {{"targeting", {{"pool", "icp"}, {"same_industry", true}}}}}}}}}});
  const ArmPlan plan = build_arm_plan(scenario, 0);
  const graph::World world = graph::generate_world(plan.world, scenario.seed, 0, 1);
  const std::vector<SenderSeat> members = {{7, 0}};
  const ReplicationInput input{scenario, 0, 0, world};
  ShardContext ctx(input, plan, members, 0, 1);
  Sender& x = ctx.senders[0];
  auto& st = ctx.stats[0];
  const double pool = st.prospect_pool;
  REQUIRE(pool > 0);
  int drawn = 0;
  while (prospector::next(x, st, 1000)) ++drawn;
  CHECK(drawn >= pool);  // every on-profile member, plus the off-profile results drawn on the way
  CHECK(st.pool_ran_dry == 1);
  CHECK(st.pool_dry_day == 1000.0 / core::kDay);
  // The search would still return off-profile members (a draw of 0.99 is above the precision)...
  int off_profile = 0;
  for (int i = 0; i < 20; ++i) off_profile += x.prospects->next(0.99) ? 1 : 0;
  CHECK(off_profile == 20);
  // ...but the sender has stopped: nothing for any channel, and the dry day stays the first.
  for (int i = 0; i < 20; ++i) CHECK_FALSE(prospector::next(x, st, 5000 + i).has_value());
  CHECK(st.pool_dry_day == 1000.0 / core::kDay);
}
