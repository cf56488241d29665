// The CLI as a newcomer meets it (issue 18, item 4): library names, --set on validate, hints,
// errors where they are and once, clear errors for paths.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using linksim::testing::run_cli;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}
const std::string kLib = std::string(LINKSIM_SOURCE_DIR) + "/scenarios/";
// Runs the CLI from `dir` (a directory with no ./scenarios), stdout and stderr together.
linksim::testing::CliResult run_in(const std::string& dir, const std::string& args) {
  return run_cli("--version >/dev/null && cd " + dir + " && " + std::string(LINKSIM_CLI_PATH) + " " + args);
}
}  // namespace

TEST_CASE("a library scenario runs by name from any directory", "[cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_by_name_test";
  fs::remove_all(out);
  const auto r = run_in("/", "run ramp_up --reps 1 --set horizon_days=3 --set world.members=2000 --out " + out.string());
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(fs::exists(out / "results.json"));
  const auto v = run_in("/", "validate ramp_up.json pending_hygiene");
  INFO(v.out);
  CHECK(v.code == 0);
  CHECK(v.out.find("ramp_up.json: ok") != std::string::npos);
  CHECK(v.out.find("pending_hygiene: ok") != std::string::npos);
  const auto typo = run_cli("validate ramp_upp");
  CHECK(typo.code == 2);
  CHECK(typo.out.find("did you mean the library scenario \"ramp_up\"") != std::string::npos);
}

TEST_CASE("validate takes --set", "[cli]") {
  const auto ok = run_cli("validate " + kLib + "default.json --set horizon_days=28");
  INFO(ok.out);
  CHECK(ok.code == 0);
  CHECK(ok.out.find("28 days") != std::string::npos);
  const auto bad = run_cli("validate --set horizon_days=0 " + kLib + "default.json " + kLib + "ramp_up.json");
  INFO(bad.out);
  CHECK(bad.code == 2);
  CHECK(count(bad.out, "/horizon_days: expected integer >= 1, found 0") == 2);
}

TEST_CASE("an enum spelt in another case gets a hint", "[cli]") {
  const auto r = run_cli("validate ramp_up --set 'senders.focal.strategy.targeting.seniority=[\"VP\"]'");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("/senders/focal/strategy/targeting/seniority/0: expected one of ic, manager, director, vp, c_suite, "
                   "found \"VP\" (did you mean \"vp\"?)") != std::string::npos);
}

TEST_CASE("a --set path into the arms list says how to address arms", "[cli]") {
  const auto r = run_cli("validate default --set arms.0.patch.horizon_days=3");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("error: --set: expected a path into objects; arms is a list") != std::string::npos);
  CHECK(r.out.find("edit its patch in the file") != std::string::npos);
}

TEST_CASE("the usage example in the --vary error is itself valid", "[cli]") {
  const auto r = run_cli("sweep default --vary nothing");
  INFO(r.out);
  REQUIRE(r.code == 2);
  const auto start = r.out.find("for example ") + 12;
  const std::string example = r.out.substr(start, r.out.find(')', start) - start);
  const auto check = run_cli("validate default --set " + example.substr(0, example.find(',')));
  INFO(example);
  CHECK(check.code == 0);
}

TEST_CASE("a bad limiter from --set is reported once, at its own path", "[cli]") {
  const auto r = run_cli(
      "validate limiter_stress --set "
      "'platform.limiters=[{\"algorithm\":\"token_bucket\",\"actions\":[\"invite\"],\"per_hours\":168,\"burst\":20}]'");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(count(r.out, "error:") == 1);
  CHECK(r.out.find("/platform/limiters/0/rate: expected a number, found nothing") != std::string::npos);
  CHECK(r.out.find("/arms/") == std::string::npos);
}

TEST_CASE("computed numbers are printed for people", "[cli]") {
  // 0.3 + 0.6 is 0.8999999999999999 in binary; the other shares of the file's mix are zeroed.
  const auto r = run_cli(
      "validate limiter_stress --set 'population.mix={\"casual_user\":0.3,\"recruiter\":0.6,\"growth_hacker\":0,"
      "\"spammer\":0,\"adaptive_spammer\":0,\"fake_account\":0,\"fake_ring\":0}'");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("found a sum of 0.9") != std::string::npos);
  CHECK(r.out.find("0.8999") == std::string::npos);
}

TEST_CASE("a directory as scenario and a --trace into a missing directory are clear errors", "[cli]") {
  const auto dir = run_cli("run " + kLib);
  INFO(dir.out);
  CHECK(dir.code == 2);
  CHECK(dir.out.find("(a directory)") != std::string::npos);
  CHECK(dir.out.find("syntax error") == std::string::npos);

  const fs::path missing = fs::temp_directory_path() / "linksim_no_such_dir";
  fs::remove_all(missing);
  const auto trace = run_cli("run ramp_up --reps 1 --out " + (missing / "out").string() + " --trace " + (missing / "t.jsonl").string());
  INFO(trace.out);
  CHECK(trace.code == 2);
  CHECK(trace.out.find("error: --trace: expected a file in an existing directory") != std::string::npos);
  CHECK_FALSE(fs::exists(missing));  // nothing half-written, no directory created
}

TEST_CASE("an --out directory is created when missing, and the run says so", "[cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_new_out" / "deeper";
  fs::remove_all(out.parent_path());
  const auto r = run_cli("run ramp_up --reps 1 --set horizon_days=3 --set world.members=2000 --out " + out.string());
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.find("(created the directory " + out.string() + ")") != std::string::npos);
}

TEST_CASE("explain --arm and --diff print only what was asked", "[cli]") {
  const auto all = run_cli("explain default");
  const auto one = run_cli("explain default --arm personalized");
  INFO(one.out);
  CHECK(one.code == 0);
  CHECK(one.out.find("arm 1: personalized") != std::string::npos);
  CHECK(one.out.find("arm 0:") == std::string::npos);
  CHECK(one.out.size() * 3 < all.out.size());
  const auto diff = run_cli("explain default --diff");
  INFO(diff.out);
  CHECK(diff.code == 0);
  CHECK(diff.out.size() * 10 < all.out.size());
  CHECK(diff.out.find("senders.focal.strategy.preset") != std::string::npos);
  CHECK(diff.out.find("(baseline: \"targeted_cold\")") != std::string::npos);
  const auto bad = run_cli("explain default --arm personalised");
  CHECK(bad.code == 2);
  CHECK(bad.out.find("did you mean \"personalized\"?") != std::string::npos);
  const auto set = run_cli("explain default --arm cold --diff --set horizon_days=28");
  CHECK(set.out.find("horizon_days") != std::string::npos);
}
