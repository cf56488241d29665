// Second-degree prospect pools (the casual-user archetype's "mutual connections first"): one
// pool per sender, built from every path sender -> connection -> member. The dominant cost of a
// 10^5-sender population; reported as paths counted per second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>

#include "linksim/core/rng.hpp"
#include "linksim/graph/world.hpp"
#include "linksim/config/json_schema.hpp"
#include "strategy/prospects.hpp"

namespace {

const linksim::graph::World& world(std::uint32_t members) {
  static std::uint32_t built = 0;
  static std::unique_ptr<linksim::graph::World> w;
  if (built != members) {
    nlohmann::json scenario = {{"name", "bench"}, {"description", "prospects bench"}, {"world", {{"members", members}}}};
    linksim::config::JsonSchema::scenario().apply_defaults(scenario);
    w.reset();
    w = std::make_unique<linksim::graph::World>(
        linksim::graph::generate_world(linksim::graph::graph_params_from_json(scenario.at("world"), "/world"), 1, 0));
    built = members;
  }
  return *w;
}

void BM_SecondDegreePool(benchmark::State& state) {
  const auto& w = world(static_cast<std::uint32_t>(state.range(0)));
  linksim::strategy::Targeting t;
  t.pool = linksim::strategy::Pool::kSecondDegree;
  auto rng = linksim::core::make_rng(7, 0, linksim::core::Purpose::kTest);
  double paths = 0, pools = 0, kept = 0;
  for (auto _ : state) {
    std::uint32_t sender = 0;
    do sender = linksim::core::uniform_below(rng, w.num_members());
    while (w.degree(sender) < 20 || w.degree(sender) > 2000);  // as the event loop picks senders
    // The casual user's limit: 2 x 1 invitation a day x 84 days + 64.
    linksim::strategy::Prospects pool(w, sender, t, 1.0, sender, 232);
    const auto first = pool.next(0.5);
    benchmark::DoNotOptimize(first);
    // Counted after the pool (whose rows would otherwise start in cache, as they do not in a run).
    for (const std::uint32_t u : w.neighbours(sender)) paths += w.degree(u);
    kept += first ? 1 : 0;
    ++pools;
  }
  state.counters["paths_per_s"] = benchmark::Counter(paths, benchmark::Counter::kIsRate);
  state.counters["paths_per_pool"] = paths / pools;
  state.counters["nonempty"] = kept / pools;
}
BENCHMARK(BM_SecondDegreePool)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

}  // namespace
