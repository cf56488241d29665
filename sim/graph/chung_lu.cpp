// Chung-Lu edges for the degree left after the blocks, split into four kinds by homophily:
// same industry and region, same industry only, same region only, neither. Each member emits
// half of its excess degree as first endpoints; second endpoints are drawn in proportion to
// excess degree among the members the kind allows, so every member expects its full excess.
//
// The second endpoint is drawn in two steps with the same distribution as one weighted draw:
// first its community (cell) from small per-cell tables, then the member inside the cell. The
// member draws are done cell by cell after a bucket sort, so the table they read stays in
// cache; a direct draw from a table over all members missed the cache on nearly every edge.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "linksim/core/rng.hpp"
#include "linksim/graph/alias_table.hpp"
#include "linksim/graph/community_bter.hpp"

#include "graph/bucket_scatter.hpp"
#include "graph/parallel.hpp"
#include "graph/stage_timer.hpp"

namespace linksim::graph::detail {
namespace {

constexpr std::uint32_t kChunk = 8192;             // first endpoints per random stream
constexpr std::uint64_t kStreamBase = 1ull << 40;  // stream ids above the per-cell block streams
constexpr std::uint64_t kResolveBase = 3ull << 40;
constexpr int kTries = 32;                         // rejection attempts before an edge is dropped
constexpr std::uint32_t kNoCell = 0xFFFFFFFFu;

// Community-level tables: over all cells, over one industry's cells, over one region's cells.
struct CellTables {
  GroupedAlias all, industry, region;
};

CellTables make_cell_tables(const CommunityLayout& l, const std::vector<std::uint32_t>& excess) {
  const std::uint32_t cells = static_cast<std::uint32_t>(l.cell_offsets.size() - 1), R = l.regions, I = cells / R;
  std::vector<std::uint64_t> w(cells, 0);
  for (std::uint32_t c = 0; c < cells; ++c)
    for (std::uint32_t v = l.cell_offsets[c]; v < l.cell_offsets[c + 1]; ++v) w[c] += excess[v];
  std::vector<std::uint32_t> ids(cells), by_region, ind_off, reg_off;
  std::iota(ids.begin(), ids.end(), 0u);
  for (std::uint32_t i = 0; i <= I; ++i) ind_off.push_back(i * R);
  for (std::uint32_t r = 0; r < R; ++r) {
    reg_off.push_back(r * I);
    for (std::uint32_t i = 0; i < I; ++i) by_region.push_back(i * R + r);
  }
  reg_off.push_back(cells);
  return {GroupedAlias(ids, {0, cells}, w), GroupedAlias(ids, ind_off, w), GroupedAlias(by_region, reg_off, w)};
}

// The target community of one stub of kind `kind` from cell (i, r), or kNoCell.
std::uint32_t target_cell(core::Rng& rng, const CellTables& t, int kind, std::uint32_t i, std::uint32_t r,
                          std::uint32_t R) {
  if (kind == 0) return i * R + r;
  const GroupedAlias& table = kind == 1 ? t.industry : kind == 2 ? t.region : t.all;
  const std::uint32_t group = kind == 1 ? i : kind == 2 ? r : 0;
  if (table.empty(group)) return kNoCell;
  for (int tries = 0; tries < kTries; ++tries) {
    const std::uint32_t c = table.sample(rng, group);
    if (c / R != i && c % R != r) return c;                  // kind 3: neither shared
    if (kind == 1 && c % R != r) return c;                   // same industry, other region
    if (kind == 2 && c / R != i) return c;                   // same region, other industry
  }
  return kNoCell;
}

}  // namespace

std::size_t chung_lu_edges(const GenerationInput& in, const CommunityLayout& layout,
                           const std::vector<std::uint32_t>& excess, const PlacedEdges& placed,
                           std::vector<Edge>& out, std::uint64_t stream) {
  detail::StageTimer timer(3);
  const auto& m = in.members;
  const std::uint32_t n = m.size(), R = layout.regions;
  const auto cells = static_cast<std::uint32_t>(layout.cell_offsets.size() - 1);
  const double cl = std::accumulate(excess.begin(), excess.end(), 0.0) / 2.0;
  if (cl < 1.0) return 0;

  // Shares the Chung-Lu part needs so that the edges already placed plus these hit the
  // configured overall shares; same-industry and same-region are drawn independently.
  const auto& e = in.params.edges;
  const double all = placed.edges + cl;
  const double hi = std::clamp((e.industry_homophily * all - placed.same_industry) / cl, 0.0, 1.0);
  const double hr = std::clamp((e.region_homophily * all - placed.same_region) / cl, 0.0, 1.0);
  const double cum[3] = {hi * hr, hi, hi + (1.0 - hi) * hr};  // cell | industry | region | none
  std::uint64_t thr[3];
  for (int k = 0; k < 3; ++k) thr[k] = static_cast<std::uint64_t>(std::ldexp(cum[k], 32));

  // Half the excess as first endpoints, rounded up or down by a per-member hash, so the counts
  // are known before the parallel pass and every chunk knows where to write.
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<std::size_t> offset(chunks + 1, 0);
  auto stubs = [&](std::uint32_t u) {
    const std::uint64_t h = core::mix64(in.seed ^ core::mix64(in.replication ^ core::mix64(u + kStreamBase + (stream << 32))));
    return excess[u] / 2 + ((excess[u] & 1u) && (h >> 63) ? 1u : 0u);
  };
  for (std::uint32_t u = 0; u < n; ++u) offset[u / kChunk + 1] += stubs(u);
  for (std::size_t c = 0; c < chunks; ++c) offset[c + 1] += offset[c];

  timer.lap("stubs");
  // Step 1: (first endpoint, target community) for every stub, first endpoints in id order.
  const CellTables tables = make_cell_tables(layout, excess);
  std::vector<Edge> requests(offset[chunks]);
  parallel_chunks(chunks, in.threads, [&](std::size_t c) {
    auto rng = core::make_rng(in.seed, in.replication, core::Purpose::kGraph, kStreamBase + (stream << 32) + c);
    Edge* dst = requests.data() + offset[c];
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(n, (c + 1) * kChunk));
    for (auto u = static_cast<std::uint32_t>(c * kChunk); u < end; ++u) {
      const std::uint32_t k = stubs(u);
      for (std::uint32_t s = 0; s < k; ++s) {
        const std::uint32_t coin = rng();
        const int kind = coin < thr[0] ? 0 : coin < thr[1] ? 1 : coin < thr[2] ? 2 : 3;
        *dst++ = {u, target_cell(rng, tables, kind, m.industry[u], m.region[u], R)};
      }
    }
  });

  timer.lap("first");
  // Step 2: group by target community (dropped requests go to an extra last bucket), straight
  // into the tail of `out`.
  const std::size_t first = out.size();
  std::vector<std::size_t> at = bucket_scatter_into<Edge>(requests.size(), cells + 1, 1, in.threads,
      [&requests, cells](std::size_t k, unsigned) {
        const Edge r = requests[k];
        return std::pair<std::size_t, Edge>{r.v == kNoCell ? cells : r.v, r};
      },
      [&out, first](std::size_t total) {
        out.resize(first + total);  // Edge() leaves the new tail untouched
        return out.data() + first;
      });
  std::vector<Edge>().swap(requests);
  timer.lap("group");
  // Step 3: the member inside each target community, one stream per community.
  std::vector<std::uint32_t> ids(n);
  std::iota(ids.begin(), ids.end(), 0u);
  const GroupedAlias members(ids, layout.cell_offsets, excess);
  std::vector<std::uint32_t>().swap(ids);
  parallel_chunks(cells, in.threads, [&](std::size_t c) {
    auto rng = core::make_rng(in.seed, in.replication, core::Purpose::kGraph, kResolveBase + (stream << 32) + c);
    const auto cell = static_cast<std::uint32_t>(c);
    for (std::size_t k = at[c]; k < at[c + 1]; ++k) {
      Edge& r = out[first + k];
      const std::uint32_t u = r.u;
      r.v = u;  // u itself marks a dropped edge
      if (members.empty(cell)) continue;
      for (int tries = 0; tries < kTries; ++tries) {
        const std::uint32_t x = members.sample(rng, cell);
        if (x != u) {
          r.v = x;
          break;
        }
      }
    }
  });
  timer.lap("second");
  out.resize(first + at[cells]);
  timer.lap("append");
  return out.size() - first;
}

}  // namespace linksim::graph::detail
