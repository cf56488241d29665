// `linksim sweep`: the grid, sweep.csv, and resuming without recomputing finished points.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "linksim/experiment/sweep.hpp"
#include "linksim/config/errors.hpp"

namespace fs = std::filesystem;

namespace {
int run(const std::string& args, std::string* out = nullptr) {
  FILE* pipe = popen((std::string(LINKSIM_CLI_PATH) + " " + args + " 2>&1").c_str(), "r");
  std::string text;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) text += buf;
  const int status = pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
std::size_t lines(const std::string& path) {
  std::ifstream in(path);
  std::size_t n = 0;
  for (std::string l; std::getline(in, l);) ++n;
  return n;
}
}  // namespace

TEST_CASE("grid is the cartesian product, last axis fastest", "[sweep]") {
  using linksim::experiment::parse_axis;
  const auto points = linksim::experiment::grid({parse_axis("a.b=1,2"), parse_axis("c=x,true,3.5")});
  REQUIRE(points.size() == 6);
  CHECK(points[0].values == nlohmann::json::parse(R"({"a.b":1,"c":"x"})"));
  CHECK(points[1].values == nlohmann::json::parse(R"({"a.b":1,"c":true})"));
  CHECK(points[5].assignments == std::vector<std::string>{"a.b=2", "c=3.5"});
  CHECK(points[3].assignments == std::vector<std::string>{"a.b=2", "c=\"x\""});
  CHECK_THROWS_AS(parse_axis("novalues"), linksim::config::InputError);
  CHECK_THROWS_AS(parse_axis("a=1,,2"), linksim::config::InputError);
}

TEST_CASE("sweep over 2 parameters x 3 values writes 9 points and resumes", "[sweep][cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_sweep_test";
  fs::remove_all(out);
  const std::string cmd = "sweep " + std::string(LINKSIM_SOURCE_DIR) +
                          "/scenarios/default.json --vary horizon_days=7,14,21 --vary senders.focal.count=1,2,3 --out " +
                          out.string() + " --seed 3 --set world.members=2000";
  std::string text;
  REQUIRE(run(cmd + " --reps 2", &text) == 0);
  CHECK(text.find("9 points (0 reused") != std::string::npos);
  for (int i = 0; i < 9; ++i) CHECK(fs::exists(out / "points" / ("00" + std::to_string(i)) / "results.json"));
  // header + 9 points × every arm × every metric
  const auto point = nlohmann::json::parse(std::ifstream(out / "points" / "000" / "results.json"));
  CHECK(lines((out / "sweep.csv").string()) == 1 + 9 * point.at("arms").size() * point.at("metric_names").size());
  const auto stamp = fs::last_write_time(out / "points" / "004" / "results.json");

  SECTION("a rerun recomputes nothing") {
    REQUIRE(run(cmd + " --reps 2", &text) == 0);
    CHECK(text.find("9 points (9 reused from an earlier run, 0 run now)") != std::string::npos);
    CHECK(fs::last_write_time(out / "points" / "004" / "results.json") == stamp);
  }
  SECTION("after an interruption only the unfinished points run") {
    // An interrupted point leaves results marked incomplete, or none at all.
    fs::remove(out / "points" / "007" / "results.json");
    auto j = nlohmann::json::parse(std::ifstream(out / "points" / "008" / "results.json"));
    j["complete"] = false;
    std::ofstream(out / "points" / "008" / "results.json") << j.dump();
    REQUIRE(run(cmd + " --reps 2", &text) == 0);
    CHECK(text.find("9 points (7 reused from an earlier run, 2 run now)") != std::string::npos);
    CHECK(fs::last_write_time(out / "points" / "004" / "results.json") == stamp);
  }
  SECTION("changing the replications invalidates every point") {
    REQUIRE(run(cmd + " --reps 3", &text) == 0);
    CHECK(text.find("(0 reused") != std::string::npos);
  }
}

TEST_CASE("a bad sweep value is rejected before anything runs", "[sweep][cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_sweep_bad";
  fs::remove_all(out);
  std::string text;
  CHECK(run("sweep " + std::string(LINKSIM_SOURCE_DIR) + "/scenarios/default.json --vary horizon_days=7,-1 --out " + out.string(), &text) == 2);
  CHECK(text.find("/horizon_days: expected integer >= 1, found -1") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}
