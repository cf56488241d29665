// `linksim run --trace` with --trace-sender and --trace-events: only what was asked for, every
// line with the sender's cohort and ground-truth label; bad names exit 2 with a hint.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using linksim::testing::fresh_temp_dir;
using linksim::testing::run_cli;
using linksim::testing::slurp;

TEST_CASE("trace filters: only the cohorts and events asked for, each line with cohort and label", "[cli]") {
  const std::string dir = fresh_temp_dir("linksim_trace_filter", "out");
  std::filesystem::create_directories(dir);
  const std::string trace = (std::filesystem::path(dir) / "t.jsonl").string();
  const std::string common = "run limiter_stress --reps 1 --set population.senders=60 --set world.members=5000 "
                             "--set horizon_days=21 --set 'arms=[{\"name\":\"preset\",\"patch\":{}}]' --out " + dir;
  const auto r = run_cli(common + " --trace " + trace + " --trace-sender spammer,3 --trace-events invite_denied,ladder");
  REQUIRE(r.code == 0);
  std::istringstream lines(slurp(trace));
  std::size_t n = 0, spammer = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    const auto j = nlohmann::json::parse(line);
    CHECK((j["event"] == "invite_denied" || j["event"] == "ladder"));
    CHECK((j["cohort"] == "spammer" || j["sender"] == 3));
    if (j["cohort"] == "spammer") {
      CHECK(j["label"] == "abusive");
      ++spammer;
    }
  }
  CHECK(spammer > 0);  // 3 spammers sending 100 a day hit the weekly cap within 3 weeks
  const auto bad_event = run_cli(common + " --trace " + trace + " --trace-events invite_denid");
  CHECK(bad_event.code == 2);
  CHECK_THAT(bad_event.out, Catch::Contains("--trace-events") && Catch::Contains("invite_denied"));
  const auto bad_cohort = run_cli(common + " --trace " + trace + " --trace-sender spamer");
  CHECK(bad_cohort.code == 2);
  CHECK_THAT(bad_cohort.out, Catch::Contains("--trace-sender") && Catch::Contains("spammer"));
  const auto no_trace = run_cli(common + " --trace-events ladder");
  CHECK(no_trace.code == 2);
  CHECK_THAT(no_trace.out, Catch::Contains("--trace FILE"));
}
