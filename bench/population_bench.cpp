// Policy-scale throughput: a mixed population of senders (scenarios/presets/archetypes.json's
// default mix) on one world for 12 weeks under linkedin_2025, one replication, end to end
// (world generation, the event loop, the recorder and the platform metrics). Issue #7's target:
// 10^5 senders on 10^6 members at >= 5M events/s and <= 4 GB peak memory.
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "linksim/experiment/replication.hpp"
#include "linksim/experiment/world_cache.hpp"
#include "linksim/config/scenario.hpp"

namespace {

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void BM_Population(benchmark::State& state) {
  const auto senders = state.range(0), members = state.range(1);
  const nlohmann::json doc = {{"name", "population benchmark"},
                              {"description", "scale"},
                              {"horizon_days", 84},
                              {"replications", 1},
                              {"seed", 5},
                              {"world", {{"members", members}}},
                              {"senders", nlohmann::json::object()},
                              {"population", {{"senders", senders}}},
                              {"outputs", {{"daily", true}, {"csv", false}, {"report", false}}}};
  const auto scenario = linksim::config::load_scenario_text(doc.dump(), "<bench>");
  // `shards` event loops (0: ~100 senders each, the default) run by `threads` workers; the
  // single-loop row is the baseline (identical results, tests/experiment/shards_test.cpp).
  const auto shards = static_cast<unsigned>(state.range(2)), threads = static_cast<unsigned>(state.range(3));
  double events = 0, spam = 0;
  for (auto _ : state) {
    linksim::experiment::WorldCache cache(scenario);  // world generation is part of the run
    const auto world = cache.acquire(0, 0);
    const auto run = linksim::experiment::run_replication({scenario, 0, 0, *world, nullptr, shards, threads});
    cache.release(0, 0);
    events += run.events;
    spam += run.scalars.at("spam_invites_delivered");
  }
  state.counters["events"] = benchmark::Counter(events / static_cast<double>(state.iterations()));
  state.counters["events/s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
  state.counters["spam_delivered"] = benchmark::Counter(spam / static_cast<double>(state.iterations()));
  state.counters["peak_rss_MB"] = benchmark::Counter(peak_rss_mb());
}

}  // namespace

BENCHMARK(BM_Population)
    ->ArgNames({"senders", "members", "shards", "threads"})
    ->Args({1000, 20000, 1, 1})
    ->Args({1000, 20000, 0, 1})
    ->Args({10000, 100000, 1, 1})
    ->Args({10000, 100000, 0, 1})
    ->Args({10000, 100000, 0, 2})
    ->Args({100000, 1000000, 0, 2})
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
