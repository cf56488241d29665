// One replication split over several event loops (ReplicationInput::shards): senders share no
// state, so every shard count must give the same result, bit for bit, as a single loop.
#include <catch2/catch.hpp>

#include "experiment_fixture.hpp"
#include "linksim/experiment/world_cache.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

/// A mixed population (every archetype, abusive and legitimate) beside focal cohorts that use
/// every channel: invitations with follow-up messages, content (inbound), InMail and email.
json mixed_doc() {
  return {{"name", "shards"},
          {"description", "shard invariance"},
          {"horizon_days", testing::fast_mode() ? 21 : 35},
          {"replications", 1},
          {"seed", 11},
          {"world", {{"members", testing::fast_mode() ? 6000 : 15000}}},
          {"senders",
           {{"content", {{"count", 3}, {"strategy", {{"preset", "content_led"}}}}},
            {"hybrid", {{"count", 4}, {"strategy", {{"preset", "hybrid_linkedin_email"}}}}},
            {"inmail", {{"count", 3}, {"plan", "sales_nav_core"}, {"strategy", {{"preset", "inmail_premium"}}}}}}},
          {"population", {{"senders", 150}}}};
}

}  // namespace

TEST_CASE("a replication gives the same result, bit for bit, whatever number of shards runs it", "[integration][shards]") {
  const auto s = testing::scenario(mixed_doc());
  const auto one = testing::run_with(s, 1);
  // The scenario exercises what shards must not change (so the comparison is not vacuous).
  REQUIRE(one.scalars.at("spam_invites_delivered") > 0.0);
  REQUIRE(one.scalars.at("legit_connections_formed") > 0.0);
  REQUIRE(one.scalars.at("emails_sent") > 0.0);
  REQUIRE(one.scalars.at("inmails_sent") > 0.0);
  REQUIRE(one.daily.at("cost_usd").back() > 0.0);
  // Shards of every size, run by one worker or two (the default, 0, is ~100 senders a shard).
  for (const auto& [shards, threads] : std::vector<std::pair<unsigned, unsigned>>{{2, 1}, {3, 2}, {7, 2}, {0, 2}, {160, 2}}) {
    INFO(shards << " shards on " << threads << " threads");
    const auto split = testing::run_with(s, shards, threads);
    CHECK(split.scalars == one.scalars);
    CHECK(split.daily == one.daily);
    // Day ticks run in every shard but are counted once.
    CHECK(split.events == one.events);
  }
}

TEST_CASE("more shards than senders leaves no shard empty and changes nothing", "[integration][shards]") {
  json d = mixed_doc();
  d.erase("population");
  d["senders"] = {{"few", {{"count", 2}, {"strategy", {{"preset", "targeted_cold"}}}}}};
  const auto s = testing::scenario(d);
  const auto one = testing::run_with(s, 1);
  REQUIRE(one.scalars.at("invites_sent") > 0.0);
  const auto many = testing::run_with(s, 16, 2);  // clamped to one shard per sender
  CHECK(many.scalars == one.scalars);
  CHECK(many.daily == one.daily);
  CHECK(many.events == one.events);
}
