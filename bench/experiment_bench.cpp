// Whole-model throughput: replications of the built-in default scenario on 1 and 2 threads.
// The ratio of the two rates is the thread scaling (target >= 1.8x on 2 cores).
#include <benchmark/benchmark.h>

#include "linksim/experiment/runner.hpp"
#include "linksim/config/scenario.hpp"

namespace {

void BM_DefaultScenario(benchmark::State& state) {
  const auto threads = static_cast<unsigned>(state.range(0));
  linksim::config::Overrides o;
  // The world stays at 20,000 members, the size the default scenario had before senders' own
  // networks (docs/model.md), so this benchmark keeps measuring the same work across versions.
  o.patches.push_back(nlohmann::json{{"replications", 8}, {"world", {{"members", 20000}}}});
  const auto scenario = linksim::config::default_scenario(o);
  linksim::experiment::RunOptions options;
  options.threads = threads;
  std::size_t runs = 0;
  double events = 0;
  for (auto _ : state) {
    const auto outcome = linksim::experiment::run_experiment(scenario, linksim::experiment::make_model(scenario), options);
    runs += outcome.arms.size() * outcome.replications_completed;
    for (const auto& arm : outcome.arms)
      for (const auto& run : arm.runs) events += run.events;
    benchmark::DoNotOptimize(outcome.arms.data());
  }
  // End to end: world generation, the event loop and the recorder, per wall-clock second.
  state.counters["replications/s"] = benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_DefaultScenario)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
