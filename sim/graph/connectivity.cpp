#include "linksim/graph/connectivity.hpp"

#include <numeric>

#include "linksim/core/rng.hpp"

namespace linksim::graph {
namespace {

constexpr std::uint64_t kStream = 2ull << 40;  // after the block and Chung-Lu streams

class UnionFind {
 public:
  explicit UnionFind(std::uint32_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];  // path halving
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }
  std::uint32_t size(std::uint32_t root) const { return size_[root]; }

 private:
  std::vector<std::uint32_t> parent_, size_;
};

}  // namespace

std::size_t connect_components(std::vector<Edge>& edges, std::uint32_t n, std::uint64_t seed,
                               std::uint32_t replication) {
  if (n < 2) return 0;
  UnionFind uf(n);
  for (const Edge& e : edges) uf.unite(e.u, e.v);
  std::uint32_t giant = 0;
  for (std::uint32_t v = 0; v < n; ++v)
    if (uf.find(v) == v && uf.size(v) > uf.size(uf.find(giant))) giant = v;

  auto rng = core::make_rng(seed, replication, core::Purpose::kGraph, kStream);
  const std::size_t original = edges.size();
  std::size_t added = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (uf.find(v) == uf.find(giant)) continue;
    std::uint32_t t = giant;
    // An endpoint of a random edge is a degree-proportional draw; the giant holds most
    // endpoints, so this rarely loops more than a few times.
    for (int tries = 0; tries < 64 && original > 0; ++tries) {
      const Edge e = edges[core::uniform_below(rng, static_cast<std::uint32_t>(original))];
      const std::uint32_t x = (rng() & 1u) ? e.u : e.v;
      if (uf.find(x) == uf.find(giant)) {
        t = x;
        break;
      }
    }
    edges.push_back({v, t});
    uf.unite(v, t);
    ++added;
  }
  return added;
}

}  // namespace linksim::graph
