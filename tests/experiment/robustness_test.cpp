// The plausible ranges file, Morris screening and robustness of a scenario on common random
// numbers (experiment/ranges.hpp, screening.hpp, robustness.hpp), and their CLI commands.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../cli/cli_runner.hpp"
#include "experiment_fixture.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/experiment/agreement.hpp"
#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/robustness.hpp"
#include "linksim/experiment/screening.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every numeric leaf of a configuration, by JSON Pointer.
void numeric_leaves(const json& v, const std::string& path, std::vector<std::string>& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) numeric_leaves(x, path + "/" + k, out);
  } else if (v.is_number()) {
    out.push_back(path);
  }
}

// A small world where nothing runs dry: one cohort, the given arms.
json tiny(const json& arms, const json& strategy = {{"preset", "targeted_cold"}}) {
  return {{"name", "robustness test"},
          {"description", "tiny world for the robustness tests"},
          {"horizon_days", 21},
          {"replications", 1},
          {"seed", 5},
          {"world", {{"members", testing::fast_mode() ? 1500 : 2000}}},
          {"senders", {{"focal", {{"count", 3}, {"plan", "free"}, {"strategy", strategy}}}}},
          {"arms", arms}};
}

experiment::VariantSetup setup(const json& doc, const std::vector<std::string>& params, const std::vector<std::string>& metrics) {
  experiment::VariantSetup s;
  s.text = doc.dump();
  s.origin = "<robustness test>";
  s.parameters = experiment::select_ranged(params);
  if (!metrics.empty()) s.metrics = experiment::select_metrics(metrics);  // empty: the runner's default for the scenario
  s.threads = 2;
  return s;
}

std::size_t index_of(const std::vector<experiment::RangedParameter>& ps, const std::string& name) {
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (ps[i].name == name) return i;
  FAIL("no parameter " << name);
  return 0;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

// Runs the design point `values` and checks every column against `linksim run`'s mean over
// replications (or mean paired difference) for the same patched scenario; returns that run.
auto point_equals_run(experiment::VariantRunner& runner, const std::vector<double>& values) {
  std::vector<double> point(runner.columns().size());
  runner.run(values, point);
  auto reference = testing::run(runner.scenario_at(values));
  for (std::size_t c = 0; c < runner.columns().size(); ++c) {
    const auto& col = runner.columns()[c];
    INFO(col.label());
    const double expected = col.baseline.empty() ? reference.metric(col.arm, col.metric).stats.mean
                                                 : reference.diff(col.arm, col.baseline, col.metric).mean_diff;
    CHECK(point[c] == Approx(expected).margin(1e-12));
  }
  return reference;
}

// `linksim robustness SCENARIO ARGS` run once, its robustness.json, and one comparison of it.
struct LibraryStudy {
  json doc;
  LibraryStudy(const std::string& scenario, const std::string& args) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("robust_library_" + scenario);
    fs::remove_all(dir);
    const auto r = testing::run_cli("robustness " + scenario + " " + args + " --threads 2 --out " + dir.string());
    INFO(r.out);
    REQUIRE(r.code == 0);
    doc = json::parse(std::ifstream(dir / "robustness.json"));
    fs::remove_all(dir);
  }
  json verdict(const std::string& arm, const std::string& metric) const {
    for (const auto& c : doc.at("comparisons"))
      if (c.at("arm") == arm && c.at("metric") == metric) return c;
    FAIL("no comparison " << arm << " / " << metric);
    return json();
  }
};

}  // namespace

TEST_CASE("the plausible ranges file is valid against the schema", "[robustness]") {
  const auto& ranges = experiment::plausible_ranges();
  REQUIRE(ranges.ranged.size() >= 20);
  const auto& schema = config::JsonSchema::scenario();
  for (const auto& p : ranges.ranged) {
    INFO(p.pointer);
    const json* node = schema.node_for(p.pointer);
    REQUIRE(node != nullptr);
    REQUIRE(node->contains("default"));
    CHECK((*node)["default"].is_number());
    CHECK(p.low < p.high);
    CHECK(p.low <= p.default_value);
    CHECK(p.default_value <= p.high);
    if (p.distribution == experiment::sensitivity::Distribution::kLogUniform) CHECK(p.low > 0);
    CHECK(!p.source.empty());
    CHECK(experiment::find_range(p.pointer) == &p);
  }
  for (const auto& p : ranges.point) {
    INFO(p.pointer);
    CHECK(schema.node_for(p.pointer) != nullptr);
    CHECK(!p.reason.empty());
  }
}

TEST_CASE("every assumption or judgement of the world has a range or a reason to stay a point", "[robustness]") {
  const auto& ranges = experiment::plausible_ranges();
  const config::Scenario s = config::default_scenario();
  std::vector<std::string> leaves;
  numeric_leaves(s.arms[0].config.at("world"), "/world", leaves);
  std::size_t judged = 0;
  for (const auto& path : leaves) {
    const json* node = config::JsonSchema::scenario().node_for(path);
    if (node == nullptr || !node->contains("$comment") || !node->contains("default")) continue;
    const std::string comment = lower((*node)["$comment"].get<std::string>());
    if (comment.find("assumption") == std::string::npos && comment.find("judgement") == std::string::npos) continue;
    ++judged;
    const bool ranged = experiment::find_range(path) != nullptr;
    const bool point = std::any_of(ranges.point.begin(), ranges.point.end(), [&](const auto& p) { return p.pointer == path; });
    INFO(path << ": " << comment);
    CHECK((ranged || point));
  }
  CHECK(judged >= 50);
}

TEST_CASE("a bad ranges document is an input error naming the entry", "[robustness]") {
  const std::string ptr = "/world/response/invite/accept/same_industry";
  auto bad = [&](const json& entry) { return json{{"ranges", {{ptr, entry}}}}; };
  CHECK_NOTHROW(experiment::parse_ranges(bad({{"low", 0.0}, {"high", 0.6}, {"source", "s"}})));
  CHECK_THROWS_WITH(experiment::parse_ranges(bad({{"low", 0.6}, {"high", 0.0}, {"source", "s"}})), Catch::Contains("low < high"));
  CHECK_THROWS_WITH(experiment::parse_ranges(bad({{"low", 0.4}, {"high", 0.6}, {"source", "s"}})), Catch::Contains("default"));
  CHECK_THROWS_WITH(experiment::parse_ranges(bad({{"low", 0.0}, {"high", 0.6}, {"distribution", "log_uniform"}, {"source", "s"}})),
                    Catch::Contains("log_uniform"));
  CHECK_THROWS_AS(experiment::parse_ranges(bad({{"low", 0.0}, {"high", 0.6}, {"distribution", "normal"}, {"source", "s"}})),
                  config::InputError);
  CHECK_THROWS_AS(experiment::parse_ranges(json{{"ranges", {{"/world/response/invite/accept/nope", {{"low", 0}, {"high", 1}, {"source", "s"}}}}}}),
                  config::InputError);
  CHECK_THROWS_AS(experiment::parse_ranges(json{{"ranges", {{"/world/response/invite/accept/latent", {{"low", -1}, {"high", 1}, {"source", "s"}}}}}}),
                  config::InputError);  // below the schema's minimum 0
  CHECK_THROWS_WITH(experiment::select_ranged({"invite.accept.nope"}), Catch::Contains("invite.accept.nope"));
  CHECK(experiment::select_ranged({"world.response.invite.accept.intercept", ptr, "activity.dormant_share"}).size() == 3);
}

TEST_CASE("Wilson interval and Spearman correlation", "[robustness]") {
  const auto w = experiment::wilson_interval(7, 10);
  CHECK(w.lo == Approx(0.3968).margin(1e-4));
  CHECK(w.hi == Approx(0.8922).margin(1e-4));
  CHECK(experiment::wilson_interval(0, 8).lo == 0.0);
  CHECK(experiment::wilson_interval(8, 8).hi == 1.0);
  const std::vector<double> x{1, 2, 3, 4, 5}, y{2, 4, 4, 9, 10}, z{5, 4, 3, 2, 1}, c{1, 1, 1, 1, 1};
  CHECK(experiment::spearman(x, y) == Approx(0.9747).margin(1e-4));  // ties at 4 share rank 2.5
  CHECK(experiment::spearman(x, z) == Approx(-1.0));
  CHECK(experiment::spearman(x, c) == 0.0);
}

TEST_CASE("Morris on the model: an inert parameter has mu* exactly 0, a live one more, and reruns are equal", "[robustness]") {
  // No arm sends InMail, so the InMail response parameters are never read.
  const json doc = tiny(json::array({json{{"name", "cold"}, {"patch", json::object()}}}));
  const auto make = [&] {
    return experiment::VariantRunner(
        setup(doc, {"inmail.intercept", "inmail.mutual", "invite.accept.intercept"}, {"connections_gained", "replies"}));
  };
  experiment::ScreeningOptions options;
  options.morris.trajectories = testing::fast_mode() ? 3 : 4;
  options.morris.seed = 3;
  auto runner = make();
  const auto result = experiment::run_screening(runner, options);
  REQUIRE(result.outputs.size() == 2);
  const std::size_t connections = 0;
  for (const char* inert : {"inmail.intercept", "inmail.mutual"}) {
    INFO(inert);
    const auto& c = result.indices.at(connections, index_of(result.parameters, inert));
    CHECK(c.mu_star == 0.0);
    CHECK(c.sigma == 0.0);
  }
  CHECK(result.indices.at(connections, index_of(result.parameters, "invite.accept.intercept")).mu_star > 0.0);
  CHECK(result.indices.at(connections, index_of(result.parameters, "invite.accept.intercept")).mu > 0.0);
  CHECK(runner.worlds_generated() == 1);  // response parameters only: one world for every point

  // An arm that sets a ranged parameter itself keeps it (arm patches go over the varied base).
  const json pinned_doc = tiny(json::array({json{{"name", "cold"}, {"patch", json::object()}},
                                            json{{"name", "fixed"}, {"patch", {{"world", {{"response", {{"inmail", {{"intercept", -2.0}}}}}}}}}}}));
  const experiment::VariantRunner pinned(setup(pinned_doc, {"inmail.intercept", "invite.attention"}, {"replies"}));
  REQUIRE(pinned.pinned().size() == 1);
  CHECK_THAT(pinned.pinned()[0], Catch::Contains("fixed") && Catch::Contains("inmail.intercept"));

  auto again = make();
  CHECK(experiment::screening_json(experiment::run_screening(again, options)).dump() ==
        experiment::screening_json(result).dump());
}

TEST_CASE("a design point gives what linksim run gives for the same scenario (same worlds, same draws)", "[robustness]") {
  json arms = json::array();
  arms.push_back({{"name", "cold"}, {"patch", json::object()}});
  arms.push_back({{"name", "personal"}, {"patch", {{"senders", {{"focal", {{"strategy", {{"preset", "personalized"}}}}}}}}}});
  json doc = tiny(arms);
  doc["replications"] = 2;
  experiment::VariantRunner runner(setup(doc, {"invite.accept.intercept", "activity.dormant_share"}, {"connections_gained", "replies"}));
  point_equals_run(runner, {-0.3, 0.55});
}

TEST_CASE("policy metrics: selectable by --metrics, the default for a population with abusive senders, equal to linksim run's", "[robustness]") {
  // A pure population (honest and abusive archetypes) under two policies, on a small world.
  json arms = json::array();
  arms.push_back({{"name", "preset"}, {"patch", json::object()}});
  arms.push_back({{"name", "reports_3"}, {"patch", {{"platform", {{"rules", {{"report_threshold", {{"reports", 3}}}}}}}}}});
  json doc = {{"name", "policy robustness test"},
              {"description", "population for the policy-metric tests"},
              {"horizon_days", 21},
              {"replications", 2},
              {"seed", 9},
              {"world", {{"members", testing::fast_mode() ? 1500 : 2000}}},
              {"senders", json::object()},
              {"population", {{"senders", 40}}},
              {"arms", arms}};
  // No --metrics: the registry's headline policy metrics, in registry order.
  const std::vector<std::string> headline{"legit_false_positive_rate", "legit_invites_blocked", "median_days_to_restrict_spammers",
                                          "restriction_precision", "spam_invites_delivered", "spammer_recall"};
  experiment::VariantRunner runner(setup(doc, {"invite.accept.intercept", "invite.report.intercept"}, {}));
  CHECK(runner.metrics() == headline);
  CHECK(runner.columns().size() == 3 * headline.size());  // two arms, one difference
  // A scenario of focal senders keeps the headline sender metrics.
  const experiment::VariantRunner senders(setup(tiny(json::array({json{{"name", "cold"}, {"patch", json::object()}}})),
                                                {"invite.accept.intercept"}, {}));
  CHECK(senders.metrics() == experiment::select_metrics({}));
  CHECK(std::find(senders.metrics().begin(), senders.metrics().end(), "connections_gained") != senders.metrics().end());

  // Each column equals linksim run's mean over replications (or mean paired difference).
  const auto reference = point_equals_run(runner, {-0.2, -1.5});
  CHECK(reference.metric("preset", "spam_invites_delivered").stats.mean > 0.0);  // the comparison is not of zeros

  // Mixed with a sender metric, in the order given; the verdicts judge from the platform's side.
  experiment::VariantRunner mixed(setup(doc, {"invite.report.intercept"}, {"spam_invites_delivered", "spammer_recall", "invites_sent"}));
  CHECK(mixed.metrics() == std::vector<std::string>{"spam_invites_delivered", "spammer_recall", "invites_sent"});
  experiment::RobustnessOptions options;
  options.samples = 2;
  const auto result = experiment::run_robustness(mixed, options);
  REQUIRE(result.verdicts.size() == 3);
  CHECK(result.verdicts[0].better == metrics::Better::kLower);
  CHECK(result.verdicts[1].better == metrics::Better::kHigher);
  CHECK(result.verdicts[2].better == metrics::Better::kNeutral);

  // A bad name is an input error at --metrics, with the nearest registry name.
  CHECK_THROWS_AS(experiment::select_metrics({"spammer_recal"}), config::InputError);
  CHECK_THROWS_WITH(experiment::select_metrics({"spammer_recal"}), Catch::Contains("--metrics") && Catch::Contains("\"spammer_recall\""));
  CHECK_THROWS_WITH(experiment::select_metrics({"spammer_recall", "spammer_recall"}), Catch::Contains("twice"));
}

TEST_CASE("deciding parameters: one the samples cannot tell from a stronger one is named as its alias", "[robustness]") {
  // 12 samples of 4 parameters: x1 decides the difference; x2's values rise with x1's except for
  // one swapped pair (rank correlation 0.99: an alias); x3 has its own effect, weaker, and its
  // values are unrelated to x1's; x4 is noise.
  experiment::sensitivity::Matrix values(12, 4);
  const double x3[12] = {5, 1, 9, 3, 11, 7, 0, 8, 2, 10, 4, 6};
  const double x4[12] = {3, 7, 1, 11, 0, 8, 6, 2, 10, 4, 9, 5};
  std::vector<double> diff(12);
  for (std::size_t s = 0; s < 12; ++s) {
    values(s, 0) = static_cast<double>(s);
    values(s, 1) = static_cast<double>(s == 4 ? 5 : s == 5 ? 4 : s);
    values(s, 2) = x3[s];
    values(s, 3) = x4[s];
    diff[s] = 10.0 * static_cast<double>(s) + x3[s];
  }
  const double threshold = 0.5;
  const auto drivers = experiment::rank_drivers(values, diff, threshold, 3);
  REQUIRE(drivers.size() == 3);
  CHECK(drivers[0].parameter == 0);
  CHECK(drivers[0].significant);
  REQUIRE(drivers[0].aliases.size() == 1);
  CHECK(drivers[0].aliases[0].parameter == 1);
  CHECK(drivers[0].aliases[0].design_rho == Approx(1.0 - 6.0 * 2.0 / (12.0 * 143.0)));  // one swapped pair: 1 − 6Σd²/(n(n²−1))
  CHECK(std::fabs(drivers[0].aliases[0].rho) > threshold);
  // x3 and x4 come next, on their own: neither is an alias of x1.
  CHECK(drivers[1].parameter != 1);
  CHECK(drivers[2].parameter != 1);
  for (const auto& d : drivers) CHECK((d.parameter == 0 || d.aliases.empty()));
  // With a threshold no design correlation exceeds, x2 is a driver of its own again.
  const auto strict = experiment::rank_drivers(values, diff, 0.999, 3);
  CHECK(strict[1].parameter == 1);
  CHECK(strict[0].aliases.empty());
}

TEST_CASE("robustness: a strategy with twice the invitations on a world where nothing binds wins every sample", "[robustness]") {
  json arms = json::array();
  arms.push_back({{"name", "single"}, {"patch", json::object()}});
  arms.push_back({{"name", "double"}, {"patch", {{"senders", {{"focal", {{"strategy", {{"invites", {{"per_day", 10}}}}}}}}}}}});
  json doc = tiny(arms, {{"preset", "targeted_cold"}, {"targeting", {{"pool", "anyone"}, {"same_industry", false}}}, {"invites", {{"per_day", 5}}}});
  doc["platform"] = {{"rules", testing::all_rules_off()}};
  auto runner = experiment::VariantRunner(
      setup(doc, {"invite.accept.intercept", "invite.attention", "activity.dormant_share"}, {"invites_sent", "connections_gained"}));
  experiment::RobustnessOptions options;
  options.samples = testing::fast_mode() ? 4 : 8;
  const auto result = experiment::run_robustness(runner, options);
  REQUIRE(result.verdicts.size() == 2);
  for (const auto& v : result.verdicts) {
    INFO(experiment::verdict_line(result, v));
    CHECK(v.arm == "double");
    CHECK(v.baseline == "single");
    CHECK(v.share >= 0.0);
    CHECK(v.share <= 1.0);
    CHECK(v.interval.contains(v.share));
    CHECK(v.samples == options.samples);
    CHECK(v.share == 1.0);
    CHECK(v.mean_difference > 0.0);
  }
  CHECK(experiment::verdict_line(result, result.verdicts[0]).find("double vs single") == 0);
  CHECK(runner.worlds_generated() > 1);  // dormant_share changes the world: a world per value
}

TEST_CASE("sensitivity and robustness CLI: bad input exits 2 naming it, good input writes the same bytes twice", "[robustness][cli]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "robust_cli_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path scenario = dir / "tiny.json";
  json arms = json::array();
  arms.push_back({{"name", "cold"}, {"patch", json::object()}});
  arms.push_back({{"name", "personal"}, {"patch", {{"senders", {{"focal", {{"strategy", {{"preset", "personalized"}}}}}}}}}});
  std::ofstream(scenario) << tiny(arms).dump(2);

  const auto unknown = testing::run_cli("sensitivity " + scenario.string() + " --params invite.accept.bogus --out " + (dir / "a").string());
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.out, Catch::Contains("invite.accept.bogus"));
  CHECK(!fs::exists(dir / "a"));
  const auto metric = testing::run_cli("robustness " + scenario.string() + " --metrics replys --out " + (dir / "b").string());
  CHECK(metric.code == 2);
  CHECK_THAT(metric.out, Catch::Contains("replys"));
  CHECK(!fs::exists(dir / "b"));
  const auto policy = testing::run_cli("robustness " + scenario.string() + " --metrics spam_invites_deliverd --out " + (dir / "b").string());
  CHECK(policy.code == 2);
  CHECK_THAT(policy.out, Catch::Contains("--metrics") && Catch::Contains("spam_invites_delivered"));
  CHECK(!fs::exists(dir / "b"));
  const auto levels = testing::run_cli("sensitivity " + scenario.string() + " --levels 3 --out " + (dir / "c").string());
  CHECK(levels.code == 2);
  CHECK(!fs::exists(dir / "c"));

  const std::string args = " --params invite.accept.intercept,reply.personalized --metrics connections_gained,replies --reps 1 --threads 2";
  for (const char* out : {"s1", "s2"}) {
    const auto r = testing::run_cli("sensitivity " + scenario.string() + args + " --trajectories 2 --out " + (dir / out).string());
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("personal - cold: replies"));
  }
  CHECK(slurp(dir / "s1" / "sensitivity.json") == slurp(dir / "s2" / "sensitivity.json"));
  CHECK(fs::exists(dir / "s1" / "sensitivity.csv"));
  const auto rob = testing::run_cli("robustness " + scenario.string() + args + " --samples 4 --out " + (dir / "r").string());
  INFO(rob.out);
  REQUIRE(rob.code == 0);
  CHECK_THAT(rob.out, Catch::Contains("personal vs cold \u2014 connections_gained: ") && Catch::Contains("plausible worlds"));
  CHECK_THAT(rob.out, Catch::Contains("personal vs cold \u2014 replies: "));
  CHECK(fs::exists(dir / "r" / "robustness.json"));
  CHECK(fs::exists(dir / "r" / "robustness.csv"));
  fs::remove_all(dir);
}

TEST_CASE("cold_vs_content.json across 32 plausible worlds: targeted cold's lead over blasting never flips, content rarely beats even the blaster",
          "[robustness][library][.long]") {
  // The answer scenarios/README.md gives for `linksim robustness cold_vs_content --samples 32`
  // (Release only: 192 full-size runs, ~30 s). Deterministic: the design and the runs are seeded.
  if (testing::fast_mode()) return;
  const LibraryStudy study("cold_vs_content", "--samples 32");
  const auto verdict = [&study](const std::string& arm, const std::string& metric) { return study.verdict(arm, metric); };
  // targeted_cold beats cold_blast on connections, replies and meetings in all 32 worlds
  // (Wilson 95% [89, 100]), and is restricted less in all of them.
  for (const char* m : {"connections_gained", "replies", "meetings", "restricted_days"}) {
    INFO(m);
    CHECK(verdict("targeted_cold", m).at("wins") == 32);
  }
  // content_led against the blaster (restricted on most days): more connections in 3 of 32 worlds
  // (9% [3, 24]), more replies and more meetings in 9 (28% [16, 45]); no single parameter decides
  // them beyond chance.
  const json conn = verdict("content_led", "connections_gained"), replies = verdict("content_led", "replies");
  std::printf("content_led vs cold_blast: connections %s; replies %s\n", conn.at("line").get<std::string>().c_str(),
              replies.at("line").get<std::string>().c_str());
  CHECK(conn.at("wins") == 3);
  CHECK(replies.at("wins") == 9);
  CHECK(verdict("content_led", "meetings").at("wins") == 9);
  CHECK_THAT(replies.at("line").get<std::string>(), Catch::Contains("no parameter stands out from chance"));
  CHECK(conn.at("wilson95").at(1).get<double>() < 0.3);
  CHECK(replies.at("wilson95").at(1).get<double>() < 0.5);
}

TEST_CASE("limiter_stress.json across 32 plausible worlds: which policies cut spam in every world, and what reports_3 costs honest senders",
          "[robustness][library][.long]") {
  // The answer scenarios/README.md gives for `linksim robustness limiter_stress --samples 32 --reps 1`
  // (Release only: 416 runs of 1,000 senders on 100,000-member worlds, ~2 min on two idle cores).
  // Deterministic: the design and the runs are seeded, and --threads changes no value.
  if (testing::fast_mode()) return;
  const LibraryStudy study("limiter_stress", "--samples 32 --reps 1");
  const json& doc = study.doc;
  const auto verdict = [&study](const std::string& arm, const std::string& metric) { return study.verdict(arm, metric); };
  // No --metrics on a population with abusive senders: the six headline policy metrics.
  CHECK(doc.at("comparisons").size() == 12 * 6);
  // Less spam delivered than the preset in all 32 worlds (Wilson 95% [89, 100]) ...
  for (const char* arm : {"floor_45", "reports_3", "pending_500", "limit_strikes", "abuse_score", "member_budget", "token_bucket"}) {
    INFO(arm);
    CHECK(verdict(arm, "spam_invites_delivered").at("wins") == 32);
  }
  // ... more in all 32 (no win, no tie) for the looser caps, in 31 without the floor (equal in 1),
  // in 27 with 10 reports (fewer in 1, equal in 4).
  for (const char* arm : {"cap_200", "cap_800", "calendar_week"}) {
    INFO(arm);
    CHECK(verdict(arm, "spam_invites_delivered").at("wins") == 0);
    CHECK(verdict(arm, "spam_invites_delivered").at("ties") == 0);
  }
  CHECK(verdict("no_acceptance_floor", "spam_invites_delivered").at("wins") == 0);
  CHECK(verdict("no_acceptance_floor", "spam_invites_delivered").at("ties") == 1);
  CHECK(verdict("reports_10", "spam_invites_delivered").at("wins") == 1);
  CHECK(verdict("reports_10", "spam_invites_delivered").at("ties") == 4);
  // Recall above the preset's: 3 reports in 27 worlds (5 ties), the abuse score in 23 (9 ties).
  CHECK(verdict("abuse_score", "spammer_recall").at("wins") == 23);
  CHECK(verdict("abuse_score", "spammer_recall").at("ties") == 9);
  CHECK(verdict("reports_3", "spammer_recall").at("wins") == 27);
  // What reports_3 costs honest senders: a false-positive rate never lower than the preset's,
  // higher in 22 of 32 worlds, by how often members report (invite.report.intercept).
  const json fp = verdict("reports_3", "legit_false_positive_rate");
  CHECK(fp.at("wins") == 0);
  CHECK(fp.at("ties") == 10);
  CHECK_THAT(fp.at("line").get<std::string>(), Catch::Contains("the gap depends mostly on invite.report.intercept (rho +0.82)"));
  CHECK_THAT(verdict("reports_3", "spam_invites_delivered").at("line").get<std::string>(),
             Catch::Contains("invite.report.intercept (rho -0.91) [or its aliases in these samples, "
                             "invite.accept.note_long_per_100_chars (rho -0.80), content.feed_days (rho -0.76), "));
  // A parameter the 32 samples cannot tell apart from the report rate: a content setting, which no
  // sender here exercises, named as its alias for the 200 cap's recall.
  CHECK_THAT(verdict("cap_200", "spammer_recall").at("line").get<std::string>(),
             Catch::Contains("invite.report.intercept (rho +0.74) [or its alias in these samples, content.feed_days (rho +0.73)]"));
  // Honest invitations blocked: fewer in every world without the acceptance floor or with a
  // calendar week, more in every world with the token bucket or the per-member budget.
  CHECK(verdict("calendar_week", "legit_invites_blocked").at("wins") == 32);
  CHECK(verdict("no_acceptance_floor", "legit_invites_blocked").at("wins") == 32);
  for (const char* arm : {"token_bucket", "member_budget", "pending_500"}) {
    INFO(arm);
    CHECK(verdict(arm, "legit_invites_blocked").at("wins") == 0);
    CHECK(verdict(arm, "legit_invites_blocked").at("ties") == 0);
  }
}
