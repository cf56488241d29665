// SIGINT during `linksim run` keeps the finished replications in a valid, incomplete results.json.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

TEST_CASE("interrupting a run leaves a valid results.json marked incomplete", "[cli][interrupt]") {
  namespace fs = std::filesystem;
  const fs::path out = fs::temp_directory_path() / "linksim_interrupt_test";
  fs::remove_all(out);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // 100,000 replications cannot finish in the second we wait.
    execl(LINKSIM_CLI_PATH, "linksim", "run", "--reps", "100000", "--threads", "2", "--out", out.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  sleep(2);
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
