// Prospect pools that run dry are visible: planned against sent per channel, the pool's size, the
// day it ran dry, and the note `linksim run` prints and report.html shows.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "experiment_fixture.hpp"
#include "linksim/report/outreach_notes.hpp"
#include "linksim/report/report_html.hpp"
#include "linksim/report/results.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

/// One focal sender (so each replication's metric is that sender's value), every platform rule
/// off (nothing is refused), 20 invitations a working day, evenly spaced (all fit in the day),
/// over `horizon` days on a world of `members`.
config::Scenario one_sender(std::uint32_t members, int horizon, const json& targeting, const json& extra = json::object()) {
  json strategy = {{"targeting", targeting}, {"invites", {{"per_day", 20}, {"random_gaps", false}}}};
  strategy.merge_patch(extra);
  return testing::scenario({{"name", "pools"},
                            {"description", "a prospect pool that runs dry, or not"},
                            {"horizon_days", horizon},
                            {"replications", 3},
                            {"seed", 21},
                            {"world", {{"members", members}}},
                            {"platform", {{"rules", testing::all_rules_off()}}},
                            {"senders", {{"focal", {{"count", 1}, {"plan", "free"}, {"strategy", strategy}}}}}});
}

/// Calendar day (day 0 a Monday) of working day k (0-based) of a Monday-to-Friday sender.
int working_day(int k) { return k + 2 * (k / 5); }

}  // namespace

TEST_CASE("a second-degree pool in a small world runs dry: sent, lost, the day and the note are exact", "[pools]") {
  // 400 members: a sender's second-degree network is a few hundred members, used up in weeks.
  const auto s = one_sender(400, 56, {{"pool", "second_degree"}, {"min_mutual", 1}});
  const auto out = testing::run(s);
  const auto& pool = out.metric("base", "prospect_pool").per_replication;
  const auto& sent = out.metric("base", "invites_sent").per_replication;
  const auto& planned = out.metric("base", "invites_planned").per_replication;
  const auto& lost = out.metric("base", "invites_lost_to_pool").per_replication;
  const auto& dry = out.metric("base", "pool_ran_dry").per_replication;
  const auto& day = out.metric("base", "pool_dry_day").per_replication;
  for (std::size_t r = 0; r < pool.size(); ++r) {
    INFO("replication " << r << ": pool " << pool[r] << ", sent " << sent[r] << ", dry on day " << day[r]);
    REQUIRE(pool[r] > 0);
    REQUIRE(pool[r] < 40 * 20);  // runs dry within the 40 working days
    CHECK(planned[r] == 40 * 20);
    // Nothing is refused: every member of the pool is invited, the rest of the plan is lost to it.
    CHECK(sent[r] == pool[r]);
    CHECK(lost[r] == planned[r] - sent[r]);
    CHECK(dry[r] == 1);
    // The draw after the last member comes on working day floor(pool / 20).
    CHECK(std::floor(day[r]) == working_day(static_cast<int>(pool[r]) / 20));
  }
  // The note says which arm, which channel, how much and why.
  const json results = report::results_json(s, out.summary, true);
  const auto notes = report::outreach_notes(results);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].arm == "base");
  CHECK(notes[0].channel == "invitations");
  CHECK(notes[0].ran_dry_share == 1.0);
  CHECK(notes[0].lost_to_pool == Approx(out.metric("base", "invites_lost_to_pool").stats.mean));
  CHECK(notes[0].dry_day == Approx(out.metric("base", "pool_dry_day").stats.mean));
  CHECK(notes[0].text.find("arm 'base', invitations:") == 0);
  CHECK(notes[0].text.find("the prospect pool ran dry (100% of senders") != std::string::npos);
  CHECK(results.at("outreach_notes").size() == 1);
  CHECK(results.at("outreach_notes")[0].at("channel") == "invitations");
}

TEST_CASE("a dry pool stops every channel: email lost to the pool adds up to the plan", "[pools]") {
  // Invitations and 30 first emails a working day share the pool: once it is dry neither draws.
  const auto s = one_sender(400, 28, {{"pool", "second_degree"}, {"min_mutual", 1}}, {{"email", {{"per_day", 30}}}});
  const auto out = testing::run(s);
  const auto& pool = out.metric("base", "prospect_pool").per_replication;
  const auto& invites = out.metric("base", "invites_sent").per_replication;
  const auto& emailed = out.metric("base", "email_prospects").per_replication;
  const auto& planned = out.metric("base", "emails_planned").per_replication;
  const auto& lost = out.metric("base", "emails_lost_to_pool").per_replication;
  for (std::size_t r = 0; r < pool.size(); ++r) {
    CHECK(planned[r] == 20 * 30);
    CHECK(invites[r] + emailed[r] == pool[r]);  // every prospect once, by one channel or the other
    CHECK(emailed[r] + lost[r] == planned[r]);  // email has no platform limit
    CHECK(out.metric("base", "pool_ran_dry").per_replication[r] == 1);
  }
  const auto notes = report::outreach_notes(report::results_json(s, out.summary, true));
  REQUIRE(notes.size() == 2);
  CHECK(notes[1].channel == "email");
}

TEST_CASE("a pool that lasts: nothing lost, the dry day is the horizon, no note", "[pools]") {
  // Anyone in a 20,000-member world: 20 a day for four weeks uses 400 of about 20,000.
  const auto s = one_sender(20000, 28, {{"pool", "anyone"}});
  const auto out = testing::run(s);
  for (std::size_t r = 0; r < 3; ++r) {
    CHECK(out.metric("base", "invites_sent").per_replication[r] == 20 * 20);
    CHECK(out.metric("base", "invites_lost_to_pool").per_replication[r] == 0);
    CHECK(out.metric("base", "pool_ran_dry").per_replication[r] == 0);
    CHECK(out.metric("base", "pool_dry_day").per_replication[r] == 28);
    CHECK(out.metric("base", "prospect_pool").per_replication[r] > 19000);
  }
  const json results = report::results_json(s, out.summary, true);
  CHECK(report::outreach_notes(results).empty());
  CHECK(results.at("outreach_notes").empty());
}

TEST_CASE("outreach notes: a shortfall over 10% without a dry pool is put on the platform", "[pools]") {
  json arm = {{"name", "capped"}, {"horizon_days", 84}, {"metrics", json::object()}};
  auto set = [&](const char* m, double v) { arm["metrics"][m] = {{"mean", v}}; };
  set("invites_planned", 1200);
  set("invites_sent", 1000);
  set("invites_lost_to_pool", 0);
  set("pool_ran_dry", 0);
  set("pool_dry_day", 84);
  set("prospect_pool", 5000);
  json results = {{"arms", json::array({arm})}};
  auto notes = report::outreach_notes(results);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].text ==
        "arm 'capped', invitations: 1,000 of 1,200 planned invitations sent per sender (17% short): 200 the platform refused or "
        "restricted (limits, restrictions, back-off) or the working day ran out");
  // report.html shows the note (escaped: the arm's name is the user's).
  results["arms"][0]["name"] = "<b>capped</b>";
  std::string page = report::report_html(results);
  CHECK(page.find("id=\"outreach-shortfall\"") != std::string::npos);
  CHECK(page.find("arm &#39;&lt;b&gt;capped&lt;/b&gt;&#39;, invitations: 1,000 of 1,200") != std::string::npos);
  // 10% short or less: no note, no banner.
  results["arms"][0]["metrics"]["invites_sent"]["mean"] = 1080;
  CHECK(report::outreach_notes(results).empty());
  CHECK(report::report_html(results).find("outreach-shortfall") == std::string::npos);
  // Half the senders ran dry, on day 30 on average: censored mean = 0.5 × 30 + 0.5 × 84 = 57.
  results["arms"][0]["metrics"]["invites_lost_to_pool"]["mean"] = 100;
  results["arms"][0]["metrics"]["pool_ran_dry"]["mean"] = 0.5;
  results["arms"][0]["metrics"]["pool_dry_day"]["mean"] = 57;
  notes = report::outreach_notes(results);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].dry_day == Approx(30));
  CHECK(notes[0].text.find("the prospect pool ran dry (50% of senders, on day 30 on average; 5,000 prospects in a pool at the start), which lost 100") !=
        std::string::npos);
}
