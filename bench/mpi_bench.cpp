// Scale-out across processes: the `linksim` program on the same work (the built-in default scenario
// as shipped, 100,000 members, 16 replications × 4 arms) as one process with 1 and 2 threads and as
// 1 and 2 MPI processes of 1 thread each (`mpirun -np N`). End to end, per wall-clock
// second: process start, MPI start-up, the run, gathering the partial results and writing the
// outputs. The ratio of the 2-process rate to the 1-process, 1-thread rate is the MPI scaling.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#ifndef LINKSIM_MPIEXEC
#define LINKSIM_MPIEXEC ""
#endif

namespace {

constexpr int kReplications = 16, kArms = 4;

void run_command(benchmark::State& state, const std::string& command) {
  const std::string out = (std::filesystem::temp_directory_path() / "linksim_mpi_bench").string();
  std::size_t runs = 0;
  for (auto _ : state) {
    std::filesystem::remove_all(out);
    if (std::system((command + " --out " + out + " >/dev/null 2>&1").c_str()) != 0) {
      state.SkipWithError(("failed: " + command).c_str());
      return;
    }
    runs += kReplications * kArms;
  }
  state.counters["replications/s"] = benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
}

std::string run_args(int threads) {
  return std::string(LINKSIM_CLI_PATH) + " run --reps " + std::to_string(kReplications) + " --threads " +
         std::to_string(threads);
}

// Arg: threads of the one process.
void BM_CliOneProcess(benchmark::State& state) { run_command(state, run_args(static_cast<int>(state.range(0)))); }

// Arg: MPI processes, 1 thread each.
void BM_CliMpi(benchmark::State& state) {
  if (std::string(LINKSIM_MPIEXEC).empty()) {
    state.SkipWithError("built without MPI");
    return;
  }
  run_command(state, "env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " + std::string(LINKSIM_MPIEXEC) +
                         " -np " + std::to_string(state.range(0)) + " " + run_args(1));
}

}  // namespace

// A few seconds a run: a fixed count of iterations (run the benchmark with --benchmark_repetitions
// and alternate to compare).
BENCHMARK(BM_CliOneProcess)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_CliMpi)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
