#include "linksim/graph/csr.hpp"

#include <algorithm>
#include <stdexcept>

#include <boost/sort/pdqsort/pdqsort.hpp>


#include "linksim/graph/bucket_scatter.hpp"
#include "linksim/graph/parallel.hpp"

namespace linksim::graph {
namespace {

constexpr std::uint32_t kRows = 4096;        // rows per parallel chunk
constexpr std::uint32_t kDropped = 1u << 31;  // marks an arc dropped by the cap (ids < 2^31)

using Arc = std::pair<std::uint32_t, std::uint32_t>;

// Both arcs of every edge, grouped into ~256 buckets of consecutive sources. Boost's histogram
// sort then writes each bucket into a window of rows that stays in cache, instead of scattering
// every arc across the whole column array (which made the build memory-latency bound).
std::vector<Arc> arcs_by_source_bucket(const std::vector<Edge>& edges, std::uint32_t n, unsigned threads) {
  int shift = 0;
  while ((static_cast<std::uint64_t>(n) >> shift) > 256) ++shift;
  const std::size_t buckets = ((static_cast<std::uint64_t>(n) - 1) >> shift) + 1;
  return bucket_scatter<Arc>(edges, buckets, 2, threads, [shift](const Edge& e, unsigned j) {
    const Arc a = j ? Arc{e.v, e.u} : Arc{e.u, e.v};
    return std::pair<std::size_t, Arc>{a.first >> shift, a};
  });
}

// Drops arcs until no row is longer than cap; both arcs of an edge go together.
void enforce_cap(const std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& col,
                 std::vector<std::uint32_t>& len, std::uint32_t cap) {
  const auto n = static_cast<std::uint32_t>(len.size());
  std::vector<std::uint32_t> deg(len);
  std::vector<std::uint32_t> nbrs;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (deg[v] <= cap) continue;
    nbrs.clear();
    for (std::uint32_t k = start[v]; k < start[v] + len[v]; ++k)
      if (!(col[k] & kDropped)) nbrs.push_back(col[k]);
    std::sort(nbrs.begin(), nbrs.end(), [&](std::uint32_t a, std::uint32_t b) {
      return deg[a] > deg[b] || (deg[a] == deg[b] && a < b);
    });
    for (std::uint32_t i = 0; deg[v] > cap; ++i) {
      const std::uint32_t w = nbrs[i];
      auto mark = [&](std::uint32_t row, std::uint32_t target) {
        auto* b = col.data() + start[row];
        auto* it = std::lower_bound(b, b + len[row], target,
                                    [](std::uint32_t x, std::uint32_t t) { return (x & ~kDropped) < t; });
        *it |= kDropped;
      };
      mark(v, w);
      mark(w, v);
      --deg[v];
      --deg[w];
    }
  }
}

}  // namespace

Csr build_csr(std::vector<Edge>&& edges, std::uint32_t n, std::uint32_t cap, unsigned threads) {
  if (n >= kDropped) throw std::invalid_argument("build_csr: at most 2^31 - 1 members");
  if (edges.size() * 2 >= 0xFFFFFFFFull) throw std::invalid_argument("build_csr: more than 2^32 - 1 arcs");
  std::vector<Arc> arcs = arcs_by_source_bucket(edges, n, threads);
  std::vector<Edge>().swap(edges);
  Csr g(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), n);
  std::vector<Arc>().swap(arcs);

  auto& start = g.m_forward.m_rowstart;
  auto& col = g.m_forward.m_column;
  std::vector<std::uint32_t> len(n);
  parallel_chunks((n + kRows - 1) / kRows, threads, [&](std::size_t c) {
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(n, (c + 1) * kRows));
    for (auto v = static_cast<std::uint32_t>(c * kRows); v < end; ++v) {
      auto* b = col.data() + start[v];
      auto* e = col.data() + start[v + 1];
      boost::sort::pdqsort_branchless(b, e);  // ~1.4x std::sort on short integer rows (measured)
      e = std::unique(b, e);
      len[v] = static_cast<std::uint32_t>(std::remove(b, e, v) - b);
    }
  });
  const bool over_cap = std::any_of(len.begin(), len.end(), [&](std::uint32_t l) { return l > cap; });
  if (over_cap) enforce_cap(start, col, len, cap);

  // Compact rows in place; each row moves down (never up), so one forward pass is safe.
  std::uint32_t out = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::uint32_t b = start[v], l = len[v];
    start[v] = out;
    for (std::uint32_t k = b; k < b + l; ++k)
      if (!(col[k] & kDropped)) col[out++] = col[k];
  }
  start[n] = out;
  col.resize(out);  // no shrink_to_fit: duplicates are ~0.5% of arcs, a copy would cost more
  return g;
}

}  // namespace linksim::graph
