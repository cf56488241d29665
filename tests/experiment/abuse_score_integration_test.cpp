// The abuse score in a run: spammers (invitations to strangers, few accepted) are restricted by it
// alone, and not at all with every rule off.
#include <catch2/catch.hpp>

#include "experiment_fixture.hpp"

using namespace linksim;
using nlohmann::json;

TEST_CASE("the abuse score alone restricts spammers that go unrestricted with every rule off", "[integration][policy]") {
  const json doc = {{"name", "abuse score"},
                    {"description", "spammers with only the abuse score on, against no rules"},
                    {"horizon_days", 14},
                    {"replications", 2},
                    {"seed", 11},
                    {"world", {{"members", 5000}}},
                    {"senders", json::object()},
                    {"population", {{"senders", 20}, {"mix", {{"spammer", 1.0}}}}},
                    {"platform", {{"rules", testing::all_rules_off()}}},
                    {"arms", json::array({{{"name", "no_rules"}, {"patch", json::object()}},
                                          {{"name", "abuse_score"},
                                           {"patch", {{"platform", {{"rules", {{"abuse_score", {{"enabled", true}}}}}}}}}}})}};
  const auto out = testing::run(testing::scenario(doc));
  const auto& off = out.metric("no_rules", "spammer_recall").per_replication;
  const auto& on = out.metric("abuse_score", "spammer_recall").per_replication;
  REQUIRE(off.size() == 2);
  REQUIRE(on.size() == 2);
  for (double v : off) CHECK(v == 0.0);
  for (double v : on) CHECK(v == 1.0);  // every spammer restricted within the two weeks
  const auto& spam_off = out.metric("no_rules", "spam_invites_delivered").per_replication;
  const auto& spam_on = out.metric("abuse_score", "spam_invites_delivered").per_replication;
  for (std::size_t r = 0; r < spam_on.size(); ++r) CHECK(spam_on[r] < spam_off[r]);
}
