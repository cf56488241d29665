// `linksim run` says when a prospect pool ran dry: a warning line per arm and channel, the notes
// in results.json and the banner in report.html; nothing when the pool lasts.
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

std::string run_cli(const std::string& args) {
  const auto r = linksim::testing::run_cli(args);
  CHECK(r.code == 0);
  return r.out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// One sender, 20 invitations a working day for 8 weeks to `pool`, every invitation rule off.
std::string scenario_in(const std::string& name, int members, const char* pool) {
  const auto dir = std::filesystem::temp_directory_path() / ("linksim_pool_warning_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  nlohmann::json rules = nlohmann::json::object();
  for (const char* r : {"invite_cap_rolling", "pending_cap", "connection_cap", "report_threshold", "notes", "reinvite_cooldown",
                        "burst", "scrutiny", "acceptance_floor"})
    rules[r] = {{"enabled", false}};
  const nlohmann::json doc = {
      {"name", "pool warning"}, {"description", "does the pool run dry?"}, {"horizon_days", 56}, {"replications", 2}, {"seed", 3},
      {"world", {{"members", members}}}, {"platform", {{"rules", rules}}},
      {"senders", {{"focal", {{"count", 1}, {"strategy", {{"targeting", {{"pool", pool}}},
                                                          {"invites", {{"per_day", 20}}}}}}}}}};
  std::ofstream(dir / "scenario.json") << doc.dump(2);
  return dir.string();
}

}  // namespace

TEST_CASE("linksim run warns when the prospect pool runs dry, and says so in results.json and report.html", "[cli][pools]") {
  const std::string dir = scenario_in("dry", 400, "second_degree");
  const std::string out = run_cli("run " + dir + "/scenario.json --out " + dir + " --threads 1");
  INFO(out);
  CHECK(out.find("warning: arm 'base', invitations: ") != std::string::npos);
  CHECK(out.find("the prospect pool ran dry (100% of senders, on day ") != std::string::npos);
  const auto results = nlohmann::json::parse(slurp(std::filesystem::path(dir) / "results.json"));
  REQUIRE(results.at("outreach_notes").size() == 1);
  CHECK(results["outreach_notes"][0].at("pool_ran_dry") == 1.0);
  CHECK(slurp(std::filesystem::path(dir) / "report.html").find("id=\"outreach-shortfall\"") != std::string::npos);
}

TEST_CASE("linksim run prints no pool warning when the pool lasts", "[cli][pools]") {
  const std::string dir = scenario_in("lasts", 20000, "anyone");
  const std::string out = run_cli("run " + dir + "/scenario.json --out " + dir + " --threads 1");
  INFO(out);
  CHECK(out.find("warning:") == std::string::npos);
  const auto results = nlohmann::json::parse(slurp(std::filesystem::path(dir) / "results.json"));
  CHECK(results.at("outreach_notes").empty());
  CHECK(slurp(std::filesystem::path(dir) / "report.html").find("outreach-shortfall") == std::string::npos);
}
