// SIGINT during `linksim run` keeps the finished replications in a valid, incomplete results.json.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <fstream>

#include <nlohmann/json.hpp>

TEST_CASE("interrupting a run leaves a valid results.json marked incomplete", "[cli][interrupt]") {
  namespace fs = std::filesystem;
  const fs::path out = fs::temp_directory_path() / "linksim_interrupt_test";
  fs::remove_all(out);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Small, short replications so that some finish before the signal; 100,000 of them cannot
    // all finish in the seconds we wait.
    execl(LINKSIM_CLI_PATH, "linksim", "run", "--reps", "100000", "--threads", "2", "--out", out.c_str(), "--set",
          "world.members=1500", "--set", "horizon_days=7", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Sanitizer builds run several times slower.
  const char* slow = std::getenv("LINKSIM_SLOW_TESTS");
  sleep(slow != nullptr && std::string(slow) == "0" ? 12 : 4);
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  REQUIRE(fs::exists(out / "results.json"));
  const auto j = nlohmann::json::parse(std::ifstream(out / "results.json"));
  CHECK(j.at("complete") == false);
  const auto done = j.at("replications_completed").get<int>();
  CHECK(done > 0);
  CHECK(done < 100000);
  // Every arm keeps the same replications, so comparisons stay paired.
  for (const auto& arm : j.at("arms")) CHECK(arm["metrics"]["invites_sent"]["per_replication"].size() == static_cast<std::size_t>(done));
  CHECK_FALSE(fs::exists(out / "results.json.tmp"));
}
