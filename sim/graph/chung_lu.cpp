// Chung-Lu edges for the degree left after the blocks, split into four kinds by homophily:
// same industry and region, same industry only, same region only, neither. Each member emits
// half of its excess degree as first endpoints (in community order, so the tables it reads stay
// in cache); second endpoints are drawn in proportion to excess degree inside the kind's group,
// so every member expects its full excess degree.
#include <algorithm>
#include <cmath>
#include <memory>

#include "linksim/core/rng.hpp"
#include "linksim/graph/alias_table.hpp"
#include "linksim/graph/community_bter.hpp"
#include "linksim/graph/parallel.hpp"

namespace linksim::graph::detail {
namespace {

constexpr std::uint32_t kChunk = 8192;        // first endpoints' positions per random stream
constexpr std::uint64_t kStreamBase = 1ull << 40;  // stream ids above the per-cell block streams
constexpr int kTries = 32;                     // rejection attempts before an edge is dropped

struct Tables {
  std::unique_ptr<GroupedAlias> all, cell, industry, region;
};

Tables make_tables(const CommunityLayout& l, const std::vector<std::uint32_t>& w, unsigned threads) {
  std::vector<std::uint32_t> industry_offsets;
  for (std::size_t c = 0; c < l.cell_offsets.size(); c += l.regions) industry_offsets.push_back(l.cell_offsets[c]);
  Tables t;
  parallel_chunks(4, threads, [&](std::size_t k) {
    if (k == 0) t.all = std::make_unique<GroupedAlias>(l.order, std::vector<std::uint32_t>{0, static_cast<std::uint32_t>(l.order.size())}, w);
    if (k == 1) t.cell = std::make_unique<GroupedAlias>(l.order, l.cell_offsets, w);
    if (k == 2) t.industry = std::make_unique<GroupedAlias>(l.order, industry_offsets, w);
    if (k == 3) t.region = std::make_unique<GroupedAlias>(l.region_order, l.region_offsets, w);
  });
  return t;
}

}  // namespace

std::size_t chung_lu_edges(const GenerationInput& in, const CommunityLayout& layout,
                           const std::vector<std::uint32_t>& excess, std::size_t block_edges,
                           std::vector<Edge>& out) {
  const auto& m = in.members;
  const std::uint32_t n = m.size();
  double total = 0.0;
  for (std::uint32_t x : excess) total += x;
  const double cl = total / 2.0;
  if (cl < 1.0) return 0;

  // Shares the Chung-Lu part needs so that blocks (all inside one community) plus Chung-Lu hit
  // the configured overall shares; same-industry and same-region are drawn independently.
  const auto& e = in.params.edges;
  const double all = static_cast<double>(block_edges) + cl, b = static_cast<double>(block_edges);
  const double hi = std::clamp((e.industry_homophily * all - b) / cl, 0.0, 1.0);
  const double hr = std::clamp((e.region_homophily * all - b) / cl, 0.0, 1.0);
  const double cum[3] = {hi * hr, hi, hi + (1.0 - hi) * hr};  // cell | industry | region | none
  std::uint64_t thr[3];
  for (int k = 0; k < 3; ++k) thr[k] = static_cast<std::uint64_t>(std::ldexp(cum[k], 32));

  // Half the excess as first endpoints, rounded up or down at random (a per-member hash, so the
  // counts are known before the parallel pass and every chunk knows where to write).
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<std::uint32_t> stubs(n);
  std::vector<std::size_t> offset(chunks + 1, 0);
  for (std::uint32_t pos = 0; pos < n; ++pos) {
    const std::uint32_t u = layout.order[pos];
    const std::uint64_t h = core::mix64(in.seed ^ core::mix64(in.replication ^ core::mix64(u + kStreamBase)));
    stubs[u] = excess[u] / 2 + ((excess[u] & 1u) && (h >> 63) ? 1 : 0);
    offset[pos / kChunk + 1] += stubs[u];
  }
  for (std::size_t c = 0; c < chunks; ++c) offset[c + 1] += offset[c];
  const std::size_t first = out.size();
  out.resize(first + offset[chunks]);

  const Tables t = make_tables(layout, excess, in.threads);
  const std::uint32_t regions = layout.regions;
  parallel_chunks(chunks, in.threads, [&](std::size_t c) {
    auto rng = core::make_rng(in.seed, in.replication, core::Purpose::kGraph, kStreamBase + c);
    Edge* dst = out.data() + first + offset[c];
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(n, (c + 1) * kChunk));
    for (auto pos = static_cast<std::uint32_t>(c * kChunk); pos < end; ++pos) {
      const std::uint32_t u = layout.order[pos], ui = m.industry[u], ur = m.region[u];
      for (std::uint32_t s = 0; s < stubs[u]; ++s) {
        const std::uint32_t coin = rng();
        const int kind = coin < thr[0] ? 0 : coin < thr[1] ? 1 : coin < thr[2] ? 2 : 3;
        const GroupedAlias& table = kind == 0 ? *t.cell : kind == 1 ? *t.industry : kind == 2 ? *t.region : *t.all;
        const std::uint32_t group = kind == 0 ? ui * regions + ur : kind == 1 ? ui : kind == 2 ? ur : 0;
        std::uint32_t v = u;  // u itself marks a dropped edge
        if (!table.empty(group)) {
          for (int tries = 0; tries < kTries; ++tries) {
            const std::uint32_t x = table.sample(rng, group);
            const bool same_i = m.industry[x] == ui, same_r = m.region[x] == ur;
            if (x != u && same_i == (kind <= 1) && same_r == (kind == 0 || kind == 2)) {
              v = x;
              break;
            }
          }
        }
        *dst++ = {u, v};
      }
    }
  });
  return offset[chunks];
}

}  // namespace linksim::graph::detail
