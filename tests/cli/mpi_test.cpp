// `mpirun -np N linksim run|sweep|sensitivity|robustness`: the processes share the work and rank 0
// writes byte for byte what one process writes; input errors end every process with exit code 2.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

#ifndef LINKSIM_MPIEXEC
#define LINKSIM_MPIEXEC ""
#endif


namespace {
using linksim::testing::run_cli;
using linksim::testing::slurp;

std::string mpi_dir(const std::string& name) { return linksim::testing::fresh_temp_dir("linksim_mpi_test_", name); }

// `mpirun -np ranks linksim args`. Root may start it only when it says so (CI runs as root);
// --oversubscribe: more processes than cores is allowed. In the sanitizer build, Open MPI's own
// allocations at exit are not leaks of linksim's: its components stay loaded
// (mca_base_component_disable_dlclose) and stacks are unwound in full, so LeakSanitizer can tell
// them by library and skips them (tests/data/lsan_mpi.supp); linksim's allocations stay checked.
linksim::testing::CliResult run_mpi(int ranks, const std::string& args) {
  const std::string prefix = std::string("env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 ") +
                             "OMPI_MCA_mca_base_component_disable_dlclose=1 LSAN_OPTIONS=suppressions=" + LINKSIM_TEST_DATA +
                             "/lsan_mpi.supp:fast_unwind_on_malloc=0 " + LINKSIM_MPIEXEC + " -np " + std::to_string(ranks) + " ";
  return linksim::testing::run_command(prefix + LINKSIM_CLI_PATH + " " + args);
}

void check_same_files(const std::string& a, const std::string& b, std::initializer_list<const char*> files) {
  for (const char* file : files) {
    INFO(file);
    REQUIRE(std::filesystem::exists(a + "/" + file));
    REQUIRE(std::filesystem::exists(b + "/" + file));
    CHECK(slurp(a + "/" + file) == slurp(b + "/" + file));
  }
}

// Runs `args` as one process into DIR/one and under mpirun -np ranks into DIR/many; the files must be equal.
void same_as_one_process(int ranks, const std::string& dir, const std::string& args, std::initializer_list<const char*> files) {
  INFO(args);
  const auto one = run_cli(args + " --out " + dir + "/one");
  INFO(one.out);
  REQUIRE(one.code == 0);
  const auto many = run_mpi(ranks, args + " --out " + dir + "/many");
  INFO(many.out);
  REQUIRE(many.code == 0);
  check_same_files(dir + "/one", dir + "/many", files);
}

const std::string kMpiSmall = "--set world.members=3000 --set horizon_days=21 --set population.senders=4";
}  // namespace

TEST_CASE("the launcher is there: make installs Open MPI and CMake found it", "[cli][mpi]") {
  INFO("LINKSIM_MPIEXEC is empty: CMake did not find MPI (install openmpi-bin and libopenmpi-dev, then reconfigure)");
  CHECK(std::string(LINKSIM_MPIEXEC) != "");
}


TEST_CASE("mpirun -np 2 and -np 3 linksim run write byte for byte what one process writes, trace included", "[cli][mpi]") {
  if (std::string(LINKSIM_MPIEXEC).empty()) return;
  const std::string dir = mpi_dir("run");
  std::filesystem::create_directories(dir);
  const std::string args = "run " + kMpiSmall + " --reps 5 --threads 1 --trace ";
  const auto one = run_cli(args + dir + "/one.jsonl --out " + dir + "/one");
  INFO(one.out);
  REQUIRE(one.code == 0);
  for (int ranks : {2, 3}) {
    const std::string out = dir + "/np" + std::to_string(ranks);
    const auto many = run_mpi(ranks, args + out + ".jsonl --out " + out);
    INFO(many.out);
    REQUIRE(many.code == 0);
    check_same_files(dir + "/one", out, {"results.json", "daily.csv", "report.html"});
    CHECK(slurp(dir + "/one.jsonl") == slurp(out + ".jsonl"));
    // Only rank 0 prints: the table once.
    const auto first = many.out.find("wrote " + out + "/results.json");
    CHECK(first != std::string::npos);
    CHECK(many.out.find("wrote " + out + "/results.json", first + 1) == std::string::npos);
  }
}

TEST_CASE("mpirun -np 3 with 2 replications: a process with no replication changes nothing", "[cli][mpi]") {
  if (std::string(LINKSIM_MPIEXEC).empty()) return;
  same_as_one_process(3, mpi_dir("idle"), "run " + kMpiSmall + " --reps 2 --threads 1", {"results.json", "daily.csv"});
}

TEST_CASE("mpirun -np 2 linksim sweep, sensitivity and robustness write what one process writes", "[cli][mpi]") {
  if (std::string(LINKSIM_MPIEXEC).empty()) return;
  const std::string dir = mpi_dir("studies");
  const std::string small = kMpiSmall + " --reps 1 --threads 1";
  same_as_one_process(2, dir + "/sweep", "sweep default " + small + " --vary horizon_days=7,14,21",
                      {"sweep.json", "sweep.csv", "report.html", "points/000/results.json", "points/001/results.json",
                       "points/002/results.json", "points/001/daily.csv"});
  same_as_one_process(2, dir + "/sens",
                      "sensitivity " + small + " --params invite.accept.intercept,activity.dormant_share,inmail.intercept --trajectories 3 "
                      "--sobol 2 --sobol-samples 4",
                      {"sensitivity.json", "sensitivity.csv", "sobol.csv", "tornado.csv", "sensitivity.html"});
  same_as_one_process(2, dir + "/rob", "robustness cold_vs_content " + small + " --samples 5", {"robustness.json", "robustness.csv"});
}

TEST_CASE("under mpirun an input error ends every process with exit code 2, said once, nothing written", "[cli][mpi]") {
  if (std::string(LINKSIM_MPIEXEC).empty()) return;
  const std::string dir = mpi_dir("errors");
  const auto bad = run_mpi(2, "run --set world.members=-1 --out " + dir + "/bad");
  INFO(bad.out);
  CHECK(bad.code == 2);
  const std::string message = "error: /world/members: expected integer >= 2, found -1";
  const auto at = bad.out.find(message);
  CHECK(at != std::string::npos);
  CHECK(bad.out.find(message, at + 1) == std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/bad"));

  const auto shard = run_mpi(2, "run " + kMpiSmall + " --shard 0/2 --out " + dir + "/shard");
  INFO(shard.out);
  CHECK(shard.code == 2);
  CHECK(shard.out.find("error: --shard: expected no --shard under mpirun") != std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/shard"));
}

