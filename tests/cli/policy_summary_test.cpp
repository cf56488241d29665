// `linksim run` on a policy scenario: the terminal leads with the platform, then per archetype,
// then per rule; results.json carries the breakdowns, byte-identical whatever the thread count.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace {

using linksim::testing::slurp;
std::string temp_dir(const std::string& name) { return linksim::testing::fresh_temp_dir("linksim_policy_summary_test_", name); }

/// A small limiter stress test: the default mix of archetypes, two policies.
std::string write_scenario(const std::string& dir) {
  std::filesystem::create_directories(dir);
  const nlohmann::json doc = {
      {"name", "small stress"},
      {"description", "two policies against a small mixed population"},
      {"horizon_days", 28},
      {"replications", 3},
      {"seed", 4},
      {"world", {{"members", 3000}}},
      {"senders", nlohmann::json::object()},
      {"population", {{"senders", 60}}},
      {"arms", nlohmann::json::array(
                   {{{"name", "linkedin_2025"}, {"patch", nlohmann::json::object()}},
                    {{"name", "no_floor"}, {"patch", {{"platform", {{"rules", {{"acceptance_floor", {{"enabled", false}}}}}}}}}}})}};
  const std::string path = dir + "/scenario.json";
  std::ofstream(path) << doc.dump(2);
  return path;
}

}  // namespace

TEST_CASE("a population scenario's terminal leads with the platform metrics, and its results.json has breakdowns",
          "[cli][breakdown]") {
  const std::string dir = temp_dir("run");
  const std::string scenario = write_scenario(dir);
  const auto one = linksim::testing::run_cli("run " + scenario + " --threads 1 --out " + dir + "/a");
  REQUIRE(one.code == 0);
  const auto two = linksim::testing::run_cli("run " + scenario + " --threads 2 --out " + dir + "/b");
  REQUIRE(two.code == 0);
  const std::string results = slurp(dir + "/a/results.json");
  CHECK(results == slurp(dir + "/b/results.json"));

  const std::string& out = one.out;
  INFO(out);
  const auto platform = out.find("platform metric");
  const auto archetype = out.find("per archetype");
  const auto rules = out.find("restrictions by rule");
  REQUIRE(platform != std::string::npos);
  REQUIRE(archetype != std::string::npos);
  REQUIRE(rules != std::string::npos);
  CHECK(platform < archetype);
  CHECK(archetype < rules);
  // The platform table comes first, right under the title line.
  CHECK(out.find('\n') + 1 == platform);
  for (const char* metric : {"spam_invites_delivered", "spammer_recall", "restriction_precision", "legit_false_positive_rate",
                             "legit_invites_blocked", "median_days_to_restrict_spammers"}) {
    INFO(metric);
    const auto at = out.find(metric);
    CHECK(at > platform);
    CHECK(at < archetype);
  }
  CHECK(out.find("spammer (abusive)") > archetype);
  CHECK(out.find("  linkedin_2025: ") > rules);
  // Every sender is focal in a pure population, spammers included: no per-sender table, whose
  // stars would mark the arm where spammers connect most as best.
  CHECK(out.find("metric (per sender)") == std::string::npos);
  CHECK(out.find("connections_gained") == std::string::npos);

  const auto j = nlohmann::json::parse(results);
  for (const auto& arm : j.at("arms")) {
    const auto& b = arm.at("breakdown");
    CHECK(b.at("cohorts").at("spammer").at("label") == "abusive");
    CHECK(b.at("cohorts").at("growth_hacker").at("label") == "legit");
    CHECK(b.at("rules").size() >= 5);
  }
  CHECK(j.at("arms").at(0).at("breakdown").at("rules").contains("acceptance_floor"));
  CHECK_FALSE(j.at("arms").at(1).at("breakdown").at("rules").contains("acceptance_floor"));
}
