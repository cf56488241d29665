// `linksim attack` from the command line: bad input exits 2 with the option named and writes
// nothing; a small search writes attack.json and attack.csv that agree with each other.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using linksim::testing::fresh_temp_dir;
using linksim::testing::run_cli;
using linksim::testing::slurp;

TEST_CASE("attack: bad input exits 2, names the option and writes nothing", "[cli]") {
  const std::string dir = fresh_temp_dir("linksim_attack_cli", "bad");
  const auto legit = run_cli("attack limiter_stress --attacker casual_user --out " + dir);
  CHECK(legit.code == 2);
  CHECK_THAT(legit.out, Catch::Contains("--attacker") && Catch::Contains("abusive"));
  const auto no_population = run_cli("attack default --out " + dir);
  CHECK(no_population.code == 2);
  CHECK_THAT(no_population.out, Catch::Contains("/population"));
  const auto space = run_cli("attack limiter_stress --space /nonexistent.json --out " + dir);
  CHECK(space.code == 2);
  CHECK_THAT(space.out, Catch::Contains("/nonexistent.json"));
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(dir) / "attack.json"));
}

TEST_CASE("attack: a small search writes attack.json and one csv row per candidate", "[cli]") {
  const std::string dir = fresh_temp_dir("linksim_attack_cli", "small");
  const auto r = run_cli("attack limiter_stress --arms cap_800 --accounts 5 --candidates 4 --reps 1 --validation 2 "
                         "--finalists 1 --threads 2 --set world.members=5000 --out " + dir);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("cap_800") && Catch::Contains("best response"));
  const auto j = nlohmann::json::parse(slurp(std::filesystem::path(dir) / "attack.json"));
  CHECK(j["accounts"] == 5);
  CHECK(j["arms"].size() == 1);
  CHECK(j["arms"][0]["archetypes"].size() == 4);
  CHECK(j["candidates"].size() == 4);
  CHECK(j["candidates"][0]["phase"] == "start");
  const std::string csv = slurp(std::filesystem::path(dir) / "attack.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 5);  // header + 4 candidates
}
