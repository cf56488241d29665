// `linksim run` with fewer than 3 replications prints no interval and writes none (issue 18, item 3).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace fs = std::filesystem;

TEST_CASE("two replications: means only, one note, ci95 null in results.json", "[cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_few_reps_test";
  fs::remove_all(out);
  const auto r = linksim::testing::run_cli("run " + std::string(LINKSIM_SOURCE_DIR) + "/scenarios/ramp_up.json --reps 2 --set horizon_days=7 --set world.members=2000 --out " + out.string());
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("no 95% CI below 3 replications") != std::string::npos);
  CHECK(r.out.find("note: no confidence intervals: 2 replications") != std::string::npos);
  CHECK(r.out.find(" [") == std::string::npos);  // no "mean [lo, hi]" cell
  CHECK(r.out.find("CI wider than") == std::string::npos);
  const auto j = nlohmann::json::parse(std::ifstream(out / "results.json"));
  for (const auto& arm : j.at("arms")) {
    CHECK(arm.at("metrics").at("acceptance_rate").at("ci95").is_null());
    CHECK(arm.at("metrics").at("acceptance_rate").at("mean").is_number());
    CHECK(arm.at("daily").at("connections").at("ci95_lo").is_null());
  }
  CHECK(j.at("comparisons").at(0).at("metrics").at("acceptance_rate").at("ci95").is_null());
  // The report still renders from such a file.
  CHECK(fs::file_size(out / "report.html") > 1000);
}

TEST_CASE("three replications: every rate's interval lies between 0 and 1, every count's above 0", "[cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_rate_ci_test";
  fs::remove_all(out);
  const auto r = linksim::testing::run_cli("run " + std::string(LINKSIM_SOURCE_DIR) + "/scenarios/ramp_up.json --reps 3 --set horizon_days=7 --set world.members=2000 --out " + out.string());
  INFO(r.out);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(std::ifstream(out / "results.json"));
  for (const auto& arm : j.at("arms"))
    for (const char* m : {"acceptance_rate", "suspended", "pool_ran_dry"}) {
      INFO(m);
      const auto& ci = arm.at("metrics").at(m).at("ci95");
      REQUIRE(ci.is_array());
      CHECK(ci[0].get<double>() >= 0.0);
      CHECK(ci[1].get<double>() <= 1.0);
      CHECK(arm.at("metrics").at(m).at("ci_method") == "logit_t");
    }
  // Counts cannot fall below 0, nor can their intervals.
  for (const auto& arm : j.at("arms"))
    for (const auto& [name, metric] : arm.at("metrics").items()) {
      INFO(name);
      CHECK(metric.at("ci95")[0].get<double>() >= 0.0);
    }
}
