#include "linksim/graph/world.hpp"

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "linksim/graph/connectivity.hpp"
#include "linksim/graph/degrees.hpp"
#include "linksim/graph/generator.hpp"

#include "graph/huge_pages.hpp"
#include "graph/parallel.hpp"
#include "graph/stage_timer.hpp"

namespace linksim::graph {

World::World(Members members, Csr graph) : members_(std::move(members)), graph_(std::move(graph)) {
  if (boost::num_vertices(graph_) != members_.size())
    throw std::invalid_argument("World: graph has " + std::to_string(boost::num_vertices(graph_)) +
                                " vertices but there are " + std::to_string(members_.size()) + " members");
}

bool World::connected(std::uint32_t u, std::uint32_t v) const {
  if (degree(u) > degree(v)) std::swap(u, v);
  const auto row = neighbours(u);
  return std::binary_search(row.begin(), row.end(), v);
}

std::size_t World::memory_bytes() const {
  const auto& m = members_;
  auto bytes = [](const auto& vec) { return vec.capacity() * sizeof(vec[0]); };
  return bytes(graph_.m_forward.m_rowstart) + bytes(graph_.m_forward.m_column) + bytes(m.industry) +
         bytes(m.region) + bytes(m.seniority) + bytes(m.company_size) + bytes(m.activity) +
         bytes(m.accept_propensity) + bytes(m.report_propensity) + bytes(m.content_affinity) +
         bytes(m.profile_strength) + bytes(m.creator) + bytes(m.email) + bytes(m.sociability);
}

namespace {

// Every term is a multiple of 0.5 and the totals stay far below 2^52, so the chunk sums add up
// to the same values in any order (and as the serial loop did).
PlacedEdges placed_edges(const Csr& g, const Members& m, unsigned threads) {
  const auto& f = g.m_forward;
  const auto n = static_cast<std::uint32_t>(f.m_rowstart.size() - 1);
  constexpr std::uint32_t kRows = 4096;
  const std::size_t chunks = (n + kRows - 1) / kRows;
  std::vector<PlacedEdges> part(chunks);
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    PlacedEdges p;
    for (auto v = static_cast<std::uint32_t>(c * kRows); v < std::min<std::uint64_t>(n, (c + 1) * kRows); ++v)
      for (std::uint32_t k = f.m_rowstart[v]; k < f.m_rowstart[v + 1]; ++k) {
        p.same_industry += 0.5 * (m.industry[v] == m.industry[f.m_column[k]]);
        p.same_region += 0.5 * (m.region[v] == m.region[f.m_column[k]]);
      }
    part[c] = p;
  });
  PlacedEdges p;
  p.edges = static_cast<double>(f.m_column.size()) / 2.0;
  for (const PlacedEdges& q : part) {
    p.same_industry += q.same_industry;
    p.same_region += q.same_region;
  }
  return p;
}

}  // namespace

World generate_world(const GraphParams& params, std::uint64_t seed, std::uint32_t replication,
                     unsigned threads) {
  std::vector<Issue> issues;
  check_graph_params(params, "/world", issues);
  if (!issues.empty()) throw InputError(std::move(issues));

  detail::StageTimer timer(1);
  Members members = generate_members(params, seed, replication, threads);
  timer.lap("members");
  const auto target = target_degrees(params.edges, params.effective_cap(), members.sociability, threads);
  timer.lap("degrees");
  const auto generator = make_generator(params.edges.model);
  std::vector<Edge> edges = generator->generate({params, members, target, seed, replication, threads});
  timer.lap("generate");
  // The union-find below runs on one thread; meanwhile another allocates (and so zero-fills)
  // the CSR's column array, sized for the edges plus the few the repair adds.
  std::vector<std::uint32_t> column;
  std::thread prealloc;
  if (resolve_threads(threads) > 1)
    prealloc = std::thread([&column, arcs = 2 * (edges.size() + params.members / 256 + 1024)] { resize_on_huge_pages(column, arcs); });
  connect_components(edges, params.members, seed, replication);
  if (prealloc.joinable()) prealloc.join();
  timer.lap("connect");
  const GenerationInput in{params, members, target, seed, replication, threads};
  Csr graph = build_csr(std::move(edges), params.members, params.effective_cap(), threads, std::move(column));
  timer.lap("csr");
  // Duplicate draws are removed by the CSR build, which matters in small or tightly knit worlds
  // (a fifth of the edges in a 3,000-member world, ~5% at 100k, ~0.5% at 10^6). Up to two
  // top-up rounds on the shortfall when it exceeds 5%, merged into the CSR's sorted rows.
  for (unsigned round = 1; round <= 2; ++round) {
    std::vector<std::uint32_t> deficit(params.members);
    double missing = 0.0, wanted = 0.0;
    for (std::uint32_t v = 0; v < params.members; ++v) {
      const std::uint32_t d = graph.m_forward.m_rowstart[v + 1] - graph.m_forward.m_rowstart[v];
      deficit[v] = target[v] > d ? target[v] - d : 0;
      missing += deficit[v];
      wanted += target[v];
    }
    timer.lap("deficit");
    if (missing < 0.05 * wanted) break;
    const PlacedEdges placed = placed_edges(graph, members, threads);
    timer.lap("placed");
    std::vector<Edge> more = generator->top_up(in, deficit, placed, round);
    timer.lap("topup_gen");
    if (more.empty()) break;
    graph = merge_csr(std::move(graph), std::move(more), params.effective_cap(), threads);
    timer.lap("topup");
  }
  return World(std::move(members), std::move(graph));
}

}  // namespace linksim::graph
