#include "linksim/graph/csr.hpp"

#include <algorithm>
#include <bit>
#include <utility>
#include <stdexcept>

#include "graph/bucket_scatter.hpp"
#include "graph/huge_pages.hpp"
#include "graph/parallel.hpp"
#include "graph/stage_timer.hpp"

namespace linksim::graph {
namespace {

constexpr std::uint32_t kDropped = 1u << 31;  // marks an arc dropped by the cap (ids < 2^31)

struct Arc {  // no initialisers: RawBuffer<Arc> stays untouched until a pass writes it
  std::uint32_t src;
  std::uint32_t dst;
};

// Rows are grouped into at most ~256 buckets of 2^shift consecutive ids: few enough that a
// scatter into buckets streams through the write-combining buffers, small enough that one
// bucket's rows (a window of the column array) stay in cache while it is filled.
struct Buckets {
  int shift = 0;
  std::size_t count = 1;
  explicit Buckets(std::uint32_t n) {
    while ((static_cast<std::uint64_t>(n) >> shift) > 256) ++shift;
    count = n == 0 ? 1 : ((static_cast<std::uint64_t>(n) - 1) >> shift) + 1;
  }
  std::uint32_t first(std::size_t b, std::uint32_t n) const {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(n, static_cast<std::uint64_t>(b) << shift));
  }
};

// Drops arcs until no row is longer than cap; both arcs of an edge go together.
void enforce_cap(const std::vector<std::uint32_t>& start, std::uint32_t* col,
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
        auto* b = col + start[row];
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


// An arc in a bucket: its row's offset in the bucket and the other end. Packed into 32 bits
// when ids and offsets fit (up to 2^20 members with 256 buckets), else a pair.
struct PackedCodec {
  int shift;
  std::uint32_t mask;
  std::uint32_t encode(std::uint32_t row, std::uint32_t other) const { return other << shift | (row & mask); }
  std::uint32_t offset(std::uint32_t x) const { return x & mask; }
  std::uint32_t other(std::uint32_t x) const { return x >> shift; }
};
struct PairCodec {
  std::uint32_t mask;
  Arc encode(std::uint32_t row, std::uint32_t other) const { return {row & mask, other}; }
  std::uint32_t offset(const Arc& a) const { return a.src; }
  std::uint32_t other(const Arc& a) const { return a.dst; }
};

// A least-significant-digit radix sort of all arcs by (row, other end) in four passes, each a
// stable scatter that either streams into ~256 buckets or stays in one bucket's window of rows:
//   1. edges -> B, both arcs of every edge grouped by row bucket;
//   2. B -> A, each bucket's arcs into their rows (unsorted rows);
//   3. A -> B, reading rows in order gives the arcs (v, w) by ascending v; grouped by w's bucket;
//   4. B -> A, into w's row, which so comes out sorted; duplicates and self-loops are skipped.
// This replaces sorting each row (a third of the build). Fills `start` (row starts of A, with
// gaps) and `len` (kept entries per row). Fixed chunks: the result does not depend on threads.
template <class T, class Codec>
void radix_rows(const Edge* edges, std::size_t m, const Buckets& bk, std::uint32_t n, unsigned threads,
                const Codec& codec, std::uint32_t* A, T* B, std::vector<std::uint32_t>& start,
                std::vector<std::uint32_t>& len) {
  const std::size_t buckets = bk.count;
  const int shift = bk.shift;
  constexpr std::size_t kEdges = 1u << 18;  // edges per chunk: ~20 chunks at 10^5 members
  // Pass 1.
  {
    const std::size_t chunks = (m + kEdges - 1) / kEdges;
    std::vector<std::size_t> at(buckets * chunks + 1, 0);  // index bucket * chunks + chunk
    parallel_chunks(chunks, threads, [&](std::size_t c) {
      std::vector<std::size_t> count(buckets, 0);  // local: neighbouring chunks share cache lines in `at`
      for (std::size_t k = c * kEdges; k < std::min(m, (c + 1) * kEdges); ++k) {
        ++count[edges[k].u >> shift];
        ++count[edges[k].v >> shift];
      }
      for (std::size_t b = 0; b < buckets; ++b) at[b * chunks + c + 1] = count[b];
    });
    for (std::size_t i = 0; i + 1 < at.size(); ++i) at[i + 1] += at[i];
    parallel_chunks(chunks, threads, [&](std::size_t c) {
      std::vector<std::size_t> pos(buckets);
      for (std::size_t b = 0; b < buckets; ++b) pos[b] = at[b * chunks + c];
      for (std::size_t k = c * kEdges; k < std::min(m, (c + 1) * kEdges); ++k) {
        const Edge e = edges[k];
        B[pos[e.u >> shift]++] = codec.encode(e.u, e.v);
        B[pos[e.v >> shift]++] = codec.encode(e.v, e.u);
      }
    });
    // Pass 2: row lengths (each bucket counts its own rows), row starts, rows.
    parallel_chunks(buckets, threads, [&](std::size_t b) {
      const std::uint32_t lo = bk.first(b, n);
      for (std::size_t k = at[b * chunks]; k < at[(b + 1) * chunks]; ++k) ++start[lo + codec.offset(B[k]) + 1];
    });
    for (std::uint32_t v = 0; v < n; ++v) start[v + 1] += start[v];
    parallel_chunks(buckets, threads, [&](std::size_t b) {
      const std::uint32_t lo = bk.first(b, n), hi = bk.first(b + 1, n);
      std::vector<std::uint32_t> pos(start.begin() + lo, start.begin() + hi);
      for (std::size_t k = at[b * chunks]; k < at[(b + 1) * chunks]; ++k) A[pos[codec.offset(B[k])]++] = codec.other(B[k]);
    });
  }
  // Pass 3. Every edge gave both arcs, so w's row in pass 4 is as long as w's row now.
  std::vector<std::size_t> at(buckets * buckets + 1, 0);  // index target bucket * buckets + chunk
  parallel_chunks(buckets, threads, [&](std::size_t c) {
    std::vector<std::size_t> count(buckets, 0);
    const std::uint32_t lo = start[bk.first(c, n)], hi = start[bk.first(c + 1, n)];
    for (std::uint32_t k = lo; k < hi; ++k) ++count[A[k] >> shift];
    for (std::size_t b = 0; b < buckets; ++b) at[b * buckets + c + 1] = count[b];
  });
  for (std::size_t i = 0; i + 1 < at.size(); ++i) at[i + 1] += at[i];
  parallel_chunks(buckets, threads, [&](std::size_t c) {
    std::vector<std::size_t> pos(buckets);
    for (std::size_t b = 0; b < buckets; ++b) pos[b] = at[b * buckets + c];
    const std::uint32_t hi = bk.first(c + 1, n);
    for (std::uint32_t v = bk.first(c, n); v < hi; ++v)
      for (std::uint32_t k = start[v]; k < start[v + 1]; ++k) {
        const std::uint32_t w = A[k];
        B[pos[w >> shift]++] = codec.encode(w, v);
      }
  });
  // Pass 4.
  parallel_chunks(buckets, threads, [&](std::size_t b) {
    const std::uint32_t lo = bk.first(b, n), hi = bk.first(b + 1, n);
    std::vector<std::uint32_t> pos(start.begin() + lo, start.begin() + hi);
    for (std::size_t k = at[b * buckets]; k < at[(b + 1) * buckets]; ++k) {
      const std::uint32_t row = codec.offset(B[k]), v = codec.other(B[k]);
      std::uint32_t& p = pos[row];
      if (v != lo + row && (p == start[lo + row] || A[p - 1] != v)) A[p++] = v;
    }
    for (std::uint32_t v = lo; v < hi; ++v) len[v] = pos[v - lo] - start[v];
  });
}

// Enforces the cap on rows[start[v] .. start[v] + len[v]) and compacts them into g's columns
// (in place when rows is the column array), leaving g's row starts exact.
void finish_rows(Csr& g, std::uint32_t* rows, std::vector<std::uint32_t>& len, std::uint32_t cap,
                 unsigned threads, bool in_place, detail::StageTimer& timer) {
  auto& start = g.m_forward.m_rowstart;
  auto& col = g.m_forward.m_column;
  const auto n = static_cast<std::uint32_t>(len.size());
  bool over_cap = std::any_of(len.begin(), len.end(), [&](std::uint32_t l) { return l > cap; });
  if (over_cap) enforce_cap(start, rows, len, cap);
  timer.lap("cap");

  // Compact rows into col, dropping the cap's marks. In place, each row moves down (never up),
  // so one forward pass is safe; from the edge list's memory, chunks of rows copy in parallel.
  std::vector<std::uint32_t> from(start.begin(), start.end() - 1);
  if (over_cap)
    for (std::uint32_t v = 0; v < n; ++v) {
      std::uint32_t kept = 0;
      for (std::uint32_t k = start[v]; k < start[v] + len[v]; ++k) kept += !(rows[k] & kDropped);
      len[v] = kept;
    }
  std::uint32_t out = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    start[v] = out;
    out += len[v];
  }
  start[n] = out;
  auto copy_row = [&](std::uint32_t v) {
    std::uint32_t* dst = col.data() + start[v];
    const std::uint32_t* src = rows + from[v];
    if (!over_cap) {
      std::copy(src, src + len[v], dst);  // memmove: in place, dst <= src
      return;
    }
    for (std::uint32_t k = 0, kept = 0; kept < len[v]; ++k)
      if (!(src[k] & kDropped)) dst[kept++] = src[k];
  };
  constexpr std::uint32_t kRows = 4096;
  if (!in_place)
    parallel_chunks((n + kRows - 1) / kRows, threads, [&](std::size_t c) {
      for (auto v = static_cast<std::uint32_t>(c * kRows); v < std::min<std::uint64_t>(n, (c + 1) * kRows); ++v) copy_row(v);
    });
  else
    for (std::uint32_t v = 0; v < n; ++v) copy_row(v);
  col.resize(out);  // no shrink_to_fit: duplicates are ~0.5% of arcs, a copy would cost more
  timer.lap("compact");
}

}  // namespace

Csr build_csr(std::vector<Edge>&& edges, std::uint32_t n, std::uint32_t cap, unsigned threads,
              std::vector<std::uint32_t>&& column) {
  if (n >= kDropped) throw std::invalid_argument("build_csr: at most 2^31 - 1 members");
  if (edges.size() * 2 >= 0xFFFFFFFFull) throw std::invalid_argument("build_csr: more than 2^32 - 1 arcs");
  detail::StageTimer timer(3);
  Csr g;
  auto& start = g.m_forward.m_rowstart;
  auto& col = g.m_forward.m_column;
  start.clear();
  resize_on_huge_pages(start, static_cast<std::size_t>(n) + 1);  // zeros, read at random later
  if (n == 0) return g;
  const Buckets bk(n);
  const std::size_t arcs = edges.size() * 2;
  const std::uint32_t mask = (1u << bk.shift) - 1u;
  std::vector<std::uint32_t> len(n);
  if (column.size() >= arcs) col.swap(column);
  std::vector<std::uint32_t>().swap(column);
  resize_on_huge_pages(col, arcs);
  timer.lap("alloc");
  // A holds the rows. Where arcs pack into 32 bits, the edge list's memory serves as A (fresh
  // memory costs as much in page faults as a pass over it) and col as B; else col is A and B is
  // a buffer of pairs.
  const bool packed = std::bit_width(n - 1) + bk.shift <= 32;
  static_assert(sizeof(Edge) == 2 * sizeof(std::uint32_t) && alignof(Edge) == alignof(std::uint32_t));
  std::uint32_t* rows = col.data();
  if (packed) {
    rows = reinterpret_cast<std::uint32_t*>(edges.data());
    radix_rows(edges.data(), edges.size(), bk, n, threads, PackedCodec{bk.shift, mask}, rows, col.data(), start, len);
  } else {
    RawBuffer<Arc> b(arcs);
    radix_rows(edges.data(), edges.size(), bk, n, threads, PairCodec{mask}, rows, b.data(), start, len);
    std::vector<Edge>().swap(edges);
  }
  timer.lap("radix");

  finish_rows(g, rows, len, cap, threads, /*in_place=*/!packed, timer);
  std::vector<Edge>().swap(edges);
  return g;
}


Csr merge_csr(Csr&& g, std::vector<Edge>&& more, std::uint32_t cap, unsigned threads) {
  detail::StageTimer timer(3);
  const auto n = static_cast<std::uint32_t>(boost::num_vertices(g));
  const Csr add = build_csr(std::move(more), n, 0xFFFFFFFFu, threads);  // no cap yet
  const auto& os = g.m_forward.m_rowstart;
  const auto& oc = g.m_forward.m_column;
  const auto& as = add.m_forward.m_rowstart;
  const auto& ac = add.m_forward.m_column;
  if (static_cast<std::uint64_t>(os[n]) + as[n] >= 0xFFFFFFFFull)
    throw std::invalid_argument("merge_csr: more than 2^32 - 1 arcs");
  Csr out;
  auto& start = out.m_forward.m_rowstart;
  auto& col = out.m_forward.m_column;
  start.resize(static_cast<std::size_t>(n) + 1);
  for (std::uint32_t v = 0; v <= n; ++v) start[v] = os[v] + as[v];
  col.resize(start[n]);
  std::vector<std::uint32_t> len(n);
  constexpr std::uint32_t kRows = 4096;
  parallel_chunks((n + kRows - 1) / kRows, threads, [&](std::size_t c) {
    for (auto v = static_cast<std::uint32_t>(c * kRows); v < std::min<std::uint64_t>(n, (c + 1) * kRows); ++v) {
      const auto e = std::set_union(oc.begin() + os[v], oc.begin() + os[v + 1], ac.begin() + as[v], ac.begin() + as[v + 1],
                               col.begin() + start[v]);
      len[v] = static_cast<std::uint32_t>(e - (col.begin() + start[v]));
    }
  });
  g = Csr();
  timer.lap("union");
  finish_rows(out, col.data(), len, cap, threads, /*in_place=*/true, timer);
  return out;
}

}  // namespace linksim::graph
