// Policy scenarios: populations of honest and abusive senders, platform metrics scored from
// ground-truth labels, and the relations issue #7 asks for, with confidence intervals over
// replications (paired across arms: common random numbers).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "experiment_fixture.hpp"
#include "linksim/config/population.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

int reps() { return testing::fast_mode() ? 4 : 8; }

json population_doc(int senders, int horizon_days) {
  return {{"name", "policy test"},
          {"description", "ground-truth scoring"},
          {"horizon_days", horizon_days},
          {"replications", reps()},
          {"seed", 3},
          {"world", {{"members", testing::fast_mode() ? 8000 : 20000}}},
          {"senders", json::object()},
          {"population", {{"senders", senders}}}};
}

const std::vector<double>& per_rep(const testing::Outcome& out, const std::string& arm, const std::string& metric) {
  return out.metric(arm, metric).per_replication;
}

experiment::PairedStats paired(const testing::Outcome& out, const std::string& arm, const std::string& base, const std::string& metric) {
  return experiment::paired_stats(per_rep(out, arm, metric), per_rep(out, base, metric));
}

}  // namespace

TEST_CASE("a population expands into one cohort per archetype by largest remainder", "[policy]") {
  json d = population_doc(7, 7);
  d["population"]["mix"] = {{"casual_user", 0.5}, {"spammer", 0.3}, {"fake_account", 0.2}};
  const auto s = testing::scenario(d);
  const auto& senders = s.arms.at(0).config.at("senders");
  // 7 × (0.5, 0.3, 0.2) = (3.5, 2.1, 1.4): floors (3, 2, 1) and the one left to the largest remainder (0.5).
  CHECK(senders.at("casual_user").at("count") == 4);
  CHECK(senders.at("spammer").at("count") == 2);
  CHECK(senders.at("fake_account").at("count") == 1);
  CHECK(!senders.contains("recruiter"));
  CHECK(senders.at("spammer").at("label") == "abusive");
  CHECK(senders.at("casual_user").at("label") == "legit");
  CHECK(senders.at("fake_account").at("new_account") == true);
  CHECK(senders.at("spammer").at("focal") == false);
  CHECK(senders.at("spammer").at("archetype") == "spammer");
}

TEST_CASE("population errors name the path under /population", "[policy]") {
  auto issues_of = [](const json& d) {
    try {
      testing::scenario(d);
    } catch (const config::InputError& e) {
      return e.issues();
    }
    return std::vector<config::Issue>{};
  };
  json d = population_doc(10, 7);
  d["population"]["mix"] = {{"casual_user", 0.5}, {"spammer", 0.3}};
  auto issues = issues_of(d);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/population/mix");
  CHECK(issues[0].expected == "shares that sum to 1");

  d = population_doc(10, 7);
  d["population"]["archetypes"] = {{"spammer", {{"strategy", {{"invites", {{"per_day", -3}}}}}}}};
  issues = issues_of(d);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/population/archetypes/spammer/strategy/invites/per_day");

  d = population_doc(10, 7);
  d["senders"] = {{"spammer", {{"count", 1}}}};
  issues = issues_of(d);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/senders/spammer");

  d = population_doc(10, 7);
  d["arms"] = json::array({{{"name", "bad"}, {"patch", {{"population", {{"mix", {{"spammer", 0.9}}}}}}}}});
  issues = issues_of(d);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/arms/0/patch/population/mix");
}

TEST_CASE("the calendar-week cap lets a boundary-burst sender deliver about twice the cap within 48 hours and the rolling window does not",
          "[integration][policy]") {
  std::ifstream in(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/window_boundary.json");
  std::stringstream text;
  text << in.rdbuf();
  config::Overrides o;
  o.patches.push_back({{"replications", reps()}});
  const auto out = testing::run(config::load_scenario_text(text.str(), "window_boundary.json", o));
  const double cap = 100;  // the free plan's weekly cap in linkedin_2025
  const auto& calendar = out.metric("calendar_week", "spammer_peak_invites_48h").stats;
  const auto& rolling = out.metric("rolling_7d", "spammer_peak_invites_48h").stats;
  // About twice the cap: the 95% CI lies within [1.8, 2.0] × cap.
  CHECK(calendar.ci.lo >= 1.8 * cap);
  CHECK(calendar.ci.hi <= 2.0 * cap);
  // The rolling window never lets more than the cap through in 48 hours (it is a hard bound).
  for (double v : per_rep(out, "rolling_7d", "spammer_peak_invites_48h")) CHECK(v <= cap);
  CHECK(rolling.ci.hi <= cap);
  const auto diff = paired(out, "calendar_week", "rolling_7d", "spammer_peak_invites_48h");
  CHECK(diff.ci.lo >= 0.8 * cap);
  // More spam overall too.
  CHECK(paired(out, "calendar_week", "rolling_7d", "spam_invites_delivered").ci.lo > 0.0);
}

TEST_CASE("tightening the acceptance floor raises spammer recall and also the false-positive rate", "[integration][policy]") {
  json d = population_doc(300, 56);
  d["platform"] = {{"rules", testing::all_rules_off()}};
  d["arms"] = json::array();
  for (int floor : {10, 25, 40})
    d["arms"].push_back({{"name", "floor_" + std::to_string(floor)},
                         {"patch", {{"platform", {{"rules", {{"acceptance_floor", {{"enabled", true}, {"floor", floor / 100.0}, {"effect", "both"}}}}}}}}}});
  const auto out = testing::run(testing::scenario(d));
  for (const char* m : {"spammer_recall", "legit_false_positive_rate"}) {
    INFO(m);
    const double lo = out.metric("floor_10", m).stats.mean, mid = out.metric("floor_25", m).stats.mean,
                 hi = out.metric("floor_40", m).stats.mean;
    CHECK(lo <= mid);
    CHECK(mid <= hi);
    // The 95% CI of the paired difference (floor 40% − floor 10%) excludes zero.
    CHECK(paired(out, "floor_40", "floor_10", m).ci.lo > 0.0);
  }
  // Fewer spam invitations get through, at the price of more blocked legitimate ones.
  CHECK(paired(out, "floor_40", "floor_10", "spam_invites_delivered").ci.hi < 0.0);
  CHECK(paired(out, "floor_40", "floor_10", "legit_invites_blocked").ci.lo > 0.0);
}

TEST_CASE("disabling every rule drives spammer recall and false positives to zero", "[integration][policy]") {
  json d = population_doc(300, 42);
  d["arms"] = json::array({{{"name", "linkedin_2025"}, {"patch", json::object()}},
                           {{"name", "no_rules"}, {"patch", {{"platform", {{"rules", testing::all_rules_off()}}}}}}});
  const auto out = testing::run(testing::scenario(d));
  CHECK(out.metric("linkedin_2025", "spammer_recall").stats.ci.lo > 0.5);  // not vacuous
  for (const char* m : {"spammer_recall", "legit_false_positive_rate", "legit_invites_blocked"})
    for (double v : per_rep(out, "no_rules", m)) CHECK(v == 0.0);
  // A spammer never restricted is censored at the horizon.
  for (double v : per_rep(out, "no_rules", "median_days_to_restrict_spammers")) CHECK(v == 42.0);
  CHECK(paired(out, "no_rules", "linkedin_2025", "spam_invites_delivered").ci.lo > 0.0);
}

TEST_CASE("platform metrics come from the ground-truth labels, not from the rules", "[integration][policy]") {
  // The same senders twice: labelled abusive, then relabelled legit. Labels do not change what
  // anyone does (same draws), only how the outcome is scored, so the recall of the first run is
  // exactly the false-positive rate of the second, replication by replication.
  json d = population_doc(60, 28);
  d["population"]["mix"] = {{"spammer", 1.0}};
  d["arms"] = json::array({{{"name", "abusive"}, {"patch", json::object()}},
                           {{"name", "relabelled"}, {"patch", {{"population", {{"archetypes", {{"spammer", {{"label", "legit"}}}}}}}}}}});
  const auto out = testing::run(testing::scenario(d));
  const auto& recall = per_rep(out, "abusive", "spammer_recall");
  const auto& fp = per_rep(out, "relabelled", "legit_false_positive_rate");
  REQUIRE(recall.size() == fp.size());
  for (std::size_t r = 0; r < recall.size(); ++r) CHECK(recall[r] == fp[r]);
  CHECK(out.metric("abusive", "spammer_recall").stats.mean > 0.0);
  // Spam delivered is every invitation of the abusive senders: 60 × the per-sender mean.
  const auto& sent = per_rep(out, "abusive", "invites_sent");
  const auto& spam = per_rep(out, "abusive", "spam_invites_delivered");
  for (std::size_t r = 0; r < sent.size(); ++r) CHECK(spam[r] == Approx(60.0 * sent[r]).epsilon(1e-12));
  // With no abusive sender there is no spam to score.
  for (const auto& arm : out.runs.arms)
    if (arm.name == "relabelled")
      for (const auto& run : arm.runs) CHECK(run.scalars.count("spammer_recall") == 0);
  CHECK(out.metric("relabelled", "legit_connections_formed").stats.mean ==
        Approx(60.0 * out.metric("relabelled", "connections_gained").stats.mean));
}

TEST_CASE("the schema's population lists name exactly the archetypes of archetypes.json, in its order", "[policy]") {
  const auto names = config::archetype_names();
  REQUIRE(names.size() >= 7);
  CHECK(names.front() == "casual_user");
  CHECK(names.back() == "fake_ring");
  const json schema = json::parse(std::ifstream(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/schema.json"));
  for (const char* list : {"mix", "archetypes"}) {
    INFO(list);
    std::vector<std::string> in_schema;
    for (const auto& [name, _] : schema.at("$defs").at("population").at("properties").at(list).at("properties").items())
      in_schema.push_back(name);
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    CHECK(in_schema == sorted);  // nlohmann::json sorts keys
  }
  std::vector<std::string> cohort_enum = schema.at("$defs").at("cohort").at("properties").at("archetype").at("enum");
  REQUIRE(cohort_enum.front().empty());  // a cohort the scenario writes itself
  cohort_enum.erase(cohort_enum.begin());
  CHECK(cohort_enum == names);
}
