// `linksim run` checkpoints: a run stopped by SIGTERM (a scheduler's time limit) or Ctrl-C keeps
// its finished replications in DIR/checkpoint.json, and the same command resumes from them to
// write exactly what an uninterrupted run writes; a checkpoint of another configuration is not used.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace {
namespace fs = std::filesystem;
using linksim::testing::run_cli;
using linksim::testing::slurp;
}  // namespace

TEST_CASE("a run stopped by SIGTERM resumes from its checkpoint and writes what an uninterrupted run writes", "[cli][resume]") {
  const std::string dir = linksim::testing::fresh_temp_dir("linksim_resume_test_", "sigterm");
  const std::string out = dir + "/a";
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    execl(LINKSIM_CLI_PATH, "linksim", "run", "--reps", "150", "--threads", "1", "--out", out.c_str(), "--set",
          "world.members=1500", "--set", "horizon_days=7", static_cast<char*>(nullptr));
    _exit(127);
  }
  // About 20 ms a replication in Release (3 s in all); sanitizer builds run several times slower.
  const char* slow = std::getenv("LINKSIM_SLOW_TESTS");
  usleep(slow != nullptr && std::string(slow) == "0" ? 6000000 : 1000000);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 130);
  REQUIRE(fs::exists(out + "/checkpoint.json"));
  const auto checkpoint = nlohmann::json::parse(slurp(out + "/checkpoint.json"));
  CHECK(checkpoint.at("complete") == false);
  const auto kept = checkpoint.at("replications").size();
  CHECK(kept > 0);
  CHECK(kept < 150);

  const std::string args = "run --reps 150 --threads 1 --set world.members=1500 --set horizon_days=7 --out ";
  const auto resumed = run_cli(args + out);
  INFO(resumed.out);
  REQUIRE(resumed.code == 0);
  CHECK_THAT(resumed.out, Catch::Contains("resuming from " + out + "/checkpoint.json: " + std::to_string(kept) + " of 150"));
  CHECK(!fs::exists(out + "/checkpoint.json"));  // removed once the run is complete
  REQUIRE(run_cli(args + dir + "/whole").code == 0);
  for (const char* file : {"results.json", "daily.csv", "report.html"}) {
    INFO(file);
    CHECK(slurp(out + "/" + file) == slurp(dir + "/whole/" + file));
  }
}

TEST_CASE("a checkpoint is used only for its own configuration and shard", "[cli][resume]") {
  const std::string dir = linksim::testing::fresh_temp_dir("linksim_resume_test_", "keys");
  const std::string small = "run --reps 2 --set world.members=1500 --set horizon_days=7 --threads 1 ";
  // A finished shard's partial has the checkpoint format: as a checkpoint it leaves nothing to run.
  REQUIRE(run_cli(small + "--seed 1 --shard 0/2 --out " + dir + "/p").code == 0);
  const std::string partial = dir + "/p/partial-0-of-2.json";
  const std::string checkpoint = dir + "/p/checkpoint-0-of-2.json";
  fs::copy_file(partial, dir + "/expected.json");

  fs::copy_file(dir + "/expected.json", checkpoint);
  const auto other_seed = run_cli(small + "--seed 2 --shard 0/2 --out " + dir + "/p");
  INFO(other_seed.out);
  REQUIRE(other_seed.code == 0);
  CHECK_THAT(other_seed.out, Catch::Contains(checkpoint + " is of another configuration"));
  CHECK(!fs::exists(checkpoint));

  fs::copy_file(dir + "/expected.json", dir + "/p/checkpoint.json");
  const auto whole = run_cli(small + "--seed 1 --out " + dir + "/p");
  INFO(whole.out);
  REQUIRE(whole.code == 0);
  CHECK_THAT(whole.out, Catch::Contains("is of shard 0/2, not 0/1"));

  fs::copy_file(dir + "/expected.json", checkpoint);
  fs::remove(partial);
  const auto same = run_cli(small + "--seed 1 --shard 0/2 --out " + dir + "/p");
  INFO(same.out);
  REQUIRE(same.code == 0);
  CHECK_THAT(same.out, Catch::Contains("resuming from " + checkpoint + ": 1 of 1 replications already finished"));
  CHECK(slurp(partial) == slurp(dir + "/expected.json"));
}
