// The linksim command as a user runs it: exit codes, error lines, reproducible output files.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "linksim/metrics/registry.hpp"

namespace {
using Result = linksim::testing::CliResult;
// Runs the CLI with a shell, capturing stdout and stderr together.
Result cli(const std::string& args) { return linksim::testing::run_cli(args); }
using linksim::testing::slurp;
std::string temp_dir(const std::string& name) { return linksim::testing::fresh_temp_dir("linksim_cli_test_", name); }
const std::string kData = LINKSIM_TEST_DATA;
}  // namespace

TEST_CASE("validate rejects each bad file with exit 2 and one line per error naming the path", "[cli]") {
  struct Case {
    std::string file;
    std::vector<std::string> paths;
  };
  const auto c = GENERATE_REF(values<Case>({
      {"malformed.json", {"/: expected valid JSON"}},
      {"wrong_type.json", {"/horizon_days: expected integer"}},
      {"misspelt_key.json", {"/replicatons: expected one of the keys"}},
      {"unknown_key.json", {"/colour: expected one of the keys"}},
      {"nonpositive_counts.json", {"/replications: expected integer >= 1", "/senders/focal/count: expected integer >= 1"}},
      {"horizon_out_of_range.json", {"/horizon_days: expected integer <= 3650"}},
      {"arm_patch_breaks_schema.json", {"/arms/0/patch/world/members: expected integer"}},
  }));
  const Result r = cli("validate " + kData + "/bad/" + c.file);
  INFO(r.out);
  CHECK(r.code == 2);
  std::istringstream lines(r.out);
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    CHECK(line.rfind(kData + "/bad/" + c.file + ": error: /", 0) == 0);
  }
  CHECK(n == c.paths.size());
  for (const auto& p : c.paths) CHECK(r.out.find(p) != std::string::npos);
}

TEST_CASE("usage errors exit 2, a missing file is an input error", "[cli]") {
  CHECK(cli("").code == 2);
  CHECK(cli("frobnicate").code == 2);
  CHECK(cli("run --reps 0").code == 2);
  CHECK(cli("run --set noequals").code == 2);
  const Result missing = cli("validate /nonexistent/scenario.json");
  CHECK(missing.code == 2);
  CHECK(missing.out.find("cannot open") != std::string::npos);
  CHECK(cli("run --help").code == 0);
  CHECK(cli("sweep x").code == 2);  // --vary is required
  CHECK(cli("graph /nonexistent.json").code == 2);
}

TEST_CASE("a bad --set value is reported and nothing is written", "[cli]") {
  const std::string dir = temp_dir("badset");
  const Result r = cli("run --reps 2 --out " + dir + " --set horizon_days=-1");
  CHECK(r.code == 2);
  CHECK(r.out.find("/horizon_days: expected integer >= 1, found -1") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir));
}

TEST_CASE("same scenario and seed give byte-identical results.json, whatever the thread count", "[cli]") {
  const std::string a = temp_dir("det_a"), b = temp_dir("det_b"), c = temp_dir("det_c");
  const std::string small = " --set world.members=4000";
  REQUIRE(cli("run --reps 4 --seed 5 --threads 1 --out " + a + small).code == 0);
  REQUIRE(cli("run --reps 4 --seed 5 --threads 2 --out " + b + small).code == 0);
  REQUIRE(cli("run --reps 4 --seed 6 --threads 2 --out " + c + small).code == 0);
  const std::string ra = slurp(a + "/results.json");
  CHECK(ra.size() > 1000);
  CHECK(ra == slurp(b + "/results.json"));
  CHECK(slurp(a + "/daily.csv") == slurp(b + "/daily.csv"));
  CHECK(ra != slurp(c + "/results.json"));  // the seed matters
}

TEST_CASE("results.json has the contract's shape", "[cli]") {
  const std::string dir = temp_dir("shape");
  const Result run = cli("run --reps 3 --set world.members=4000 --out " + dir);
  REQUIRE(run.code == 0);
  // An outreach scenario: the per-sender table, no platform or breakdown.
  CHECK(run.out.find("metric (per sender)") != std::string::npos);
  CHECK(run.out.find("platform metric") == std::string::npos);
  const auto j = nlohmann::json::parse(slurp(dir + "/results.json"));
  for (const auto& arm : j.at("arms")) CHECK_FALSE(arm.contains("breakdown"));
  CHECK(j.at("complete") == true);
  CHECK(j.at("replications_completed") == 3);
  REQUIRE(j.at("arms").size() == 4);
  // Every registered sender metric is written (six counters were once counted and never written).
  for (const std::string& m : linksim::metrics::sender_metric_names()) {
    INFO(m);
    const auto& metric = j["arms"][0]["metrics"].at(m);
    CHECK(metric.at("per_replication").size() == 3);
    CHECK(metric.at("ci95").size() == 2);
    CHECK(metric.at("ci95")[0].get<double>() <= metric.at("mean").get<double>());
  }
  CHECK(j["arms"][0]["daily"]["connections"]["mean"].size() == 84);
  // Exactly the registered daily series.
  CHECK(j["arms"][0]["daily"].size() == linksim::metrics::kDailySeries.size());
  for (const auto& [series, values] : j["arms"][0]["daily"].items()) CHECK(linksim::metrics::find_daily(series).has_value());
  REQUIRE(j.at("comparisons").size() == 3);
  CHECK(j["comparisons"][0]["baseline"] == j["arms"][0]["name"]);
  // The weekly cap binds: pace 40/day cannot exceed 100 invitations per 7 days.
  CHECK(j["arms"][0]["metrics"]["invites_sent"]["mean"].get<double>() <= 100.0 * 84 / 7);
}

TEST_CASE("every scenario in the library validates and runs with a fixed seed", "[cli][scenarios]") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(LINKSIM_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
    INFO(entry.path());
    CHECK(cli("validate " + entry.path().string()).code == 0);
    const std::string dir = temp_dir("lib_" + entry.path().stem().string());
    // Sanitizer builds (LINKSIM_SLOW_TESTS=0) run one replication; release builds two.
    const char* slow = std::getenv("LINKSIM_SLOW_TESTS");
    const bool fast = slow != nullptr && std::string(slow) == "0";
    // Sanitizer builds also cut every horizon to two weeks (the limiter stress test is 10 arms of
    // 1,000 senders).
    const std::string args = fast ? " --reps 1 --set horizon_days=14" : " --reps 2";
    CHECK(cli("run " + entry.path().string() + args + " --seed 1 --out " + dir).code == 0);
    CHECK(std::filesystem::exists(dir + "/results.json"));
  }
}

TEST_CASE("an arm that patches the horizon reports its own, in results.json, the report and the terminal", "[cli]") {
  const std::string dir = temp_dir("arm_horizon");
  std::filesystem::create_directories(dir);
  const nlohmann::json doc = {
      {"name", "horizons"},
      {"description", "two horizons"},
      {"horizon_days", 14},
      {"replications", 1},
      {"world", {{"members", 2000}}},
      {"senders", {{"focal", {{"count", 2}, {"strategy", {{"preset", "cold_blast"}}}}}}},
      {"arms", {{{"name", "two_weeks"}, {"patch", nlohmann::json::object()}}, {{"name", "one_week"}, {"patch", {{"horizon_days", 7}}}}}}};
  std::ofstream(dir + "/s.json") << doc.dump();
  const auto r = cli("run " + dir + "/s.json --out " + dir + "/out");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("7–14 (per arm) days") != std::string::npos);
  const auto results = nlohmann::json::parse(slurp(dir + "/out/results.json"));
  CHECK(results.at("scenario").at("horizon_days") == 14);
  CHECK(results.at("arms").at(0).at("horizon_days") == 14);
  CHECK(results.at("arms").at(1).at("horizon_days") == 7);
  // The arm's daily series run over its own horizon.
  CHECK(results.at("arms").at(1).at("daily").at("connections").at("mean").size() == 7);
  CHECK(slurp(dir + "/out/report.html").find("7–14 (per arm)") != std::string::npos);
}
