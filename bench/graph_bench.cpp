// Graph generation including the CSR build, at 10^5 and 10^6 members with mean degree 100,
// against igraph's stochastic block model generator (igraph_sbm_game) at the same n and m when
// igraph is available. Targets (issue 3): >= 10M undirected edges/s, 10^6 members in <= 10 s,
// <= 10 bytes per arc + <= 100 bytes per member; igraph ratio >= 3x.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "linksim/graph/world.hpp"
#include "linksim/config/json_schema.hpp"

#ifdef LINKSIM_HAVE_IGRAPH
#include <igraph.h>
#endif

namespace {

linksim::graph::GraphParams params(std::uint32_t members) {
  nlohmann::json scenario = {{"name", "bench"}, {"description", "graph bench"},
                             {"world", {{"members", members}, {"graph", {{"mean_degree", 100}}}}}};
  linksim::config::JsonSchema::scenario().apply_defaults(scenario);
  return linksim::graph::graph_params_from_json(scenario.at("world"), "/world");
}

void BM_GraphGenerate(benchmark::State& state) {
  const auto p = params(static_cast<std::uint32_t>(state.range(0)));
  std::uint64_t seed = 1, edges = 0;
  std::size_t arc_bytes = 0, member_bytes = 0, arcs = 0;
  for (auto _ : state) {
    const auto w = linksim::graph::generate_world(p, seed++, 0);
    edges += w.num_edges();
    arcs = w.targets().size();
    arc_bytes = w.arc_bytes();
    member_bytes = w.memory_bytes() - arc_bytes;
    benchmark::DoNotOptimize(w.degree(0));
  }
  state.counters["edges_per_s"] = benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsRate);
  state.counters["edges"] = static_cast<double>(arcs / 2);
  state.counters["bytes_per_arc"] = static_cast<double>(arc_bytes) / static_cast<double>(arcs);
  state.counters["bytes_per_member"] = static_cast<double>(member_bytes) / static_cast<double>(state.range(0));
}
BENCHMARK(BM_GraphGenerate)->Arg(100000)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GraphGenerate)->Arg(1000000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

#ifdef LINKSIM_HAVE_IGRAPH
// igraph_sbm_game with 112 equal blocks (14 industries x 8 regions, as linksim's default) and
// the same expected edge count; half of the edges inside blocks, like linksim's dense blocks.
void BM_IgraphSbm(benchmark::State& state) {
  const auto n = static_cast<igraph_integer_t>(state.range(0));
  const igraph_integer_t k = 112, size = n / k;
  const auto kd = static_cast<double>(k), sd = static_cast<double>(size);
  const double m = 50.0 * kd * sd;  // mean degree 100
  const double pairs_in = kd * sd * (sd - 1.0) / 2.0;
  const double pairs_out = kd * (kd - 1.0) / 2.0 * sd * sd;
  igraph_matrix_t pref;
  igraph_vector_int_t sizes;
  igraph_matrix_init(&pref, k, k);
  igraph_matrix_fill(&pref, 0.5 * m / pairs_out);
  for (igraph_integer_t i = 0; i < k; ++i) MATRIX(pref, i, i) = 0.5 * m / pairs_in;
  igraph_vector_int_init(&sizes, k);
  igraph_vector_int_fill(&sizes, size);
  igraph_rng_seed(igraph_rng_default(), 42);
  std::uint64_t edges = 0;
  for (auto _ : state) {
    igraph_t g;
    igraph_sbm_game(&g, size * k, &pref, &sizes, IGRAPH_UNDIRECTED, /*loops=*/false);
    edges += static_cast<std::uint64_t>(igraph_ecount(&g));
    igraph_destroy(&g);
  }
  igraph_vector_int_destroy(&sizes);
  igraph_matrix_destroy(&pref);
  state.counters["edges_per_s"] = benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IgraphSbm)->Arg(100000)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IgraphSbm)->Arg(1000000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace
