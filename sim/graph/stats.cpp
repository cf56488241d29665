#include "linksim/graph/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace linksim::graph {
namespace {

// Linear-interpolated quantile of sorted values (numpy's default), q in [0, 1].
double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Component sizes by breadth-first search over the CSR.
void components(const World& w, GraphStats& s) {
  const std::uint32_t n = w.num_members();
  std::vector<std::uint8_t> seen(n, 0);
  std::vector<std::uint32_t> queue;
  std::uint32_t largest = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (seen[root]) continue;
    ++s.components;
    queue.assign(1, root);
    seen[root] = 1;
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (std::uint32_t u : w.neighbours(queue[i]))
        if (!seen[u]) {
          seen[u] = 1;
          queue.push_back(u);
        }
    largest = std::max(largest, static_cast<std::uint32_t>(queue.size()));
  }
  s.giant_component_share = n ? static_cast<double>(largest) / n : 0.0;
}

}  // namespace

GraphStats compute_stats(const World& w, unsigned threads) {
  GraphStats s;
  const std::uint32_t n = s.members = w.num_members();
  s.edges = w.num_edges();
  if (n == 0) return s;

  std::vector<double> deg(n);
  for (std::uint32_t v = 0; v < n; ++v) deg[v] = w.degree(v);
  std::vector<double> sorted = deg;
  std::sort(sorted.begin(), sorted.end());
  s.degree_min = static_cast<std::uint32_t>(sorted.front());
  s.degree_max = static_cast<std::uint32_t>(sorted.back());
  s.degree_median = quantile(sorted, 0.5);
  s.degree_p99 = quantile(sorted, 0.99);
  s.degree_mean = 2.0 * static_cast<double>(s.edges) / n;
  s.degree_histogram.push_back({0, 1, 0});
  for (std::uint32_t lo = 1; lo <= s.degree_max; lo *= 2) s.degree_histogram.push_back({lo, lo * 2, 0});
  for (double d : deg) {
    const auto x = static_cast<std::uint32_t>(d);
    ++s.degree_histogram[x == 0 ? 0 : 1 + static_cast<std::size_t>(std::log2(x))].count;
  }

  const auto tri = triangles_per_member(w, threads);
  std::vector<double> local;
  double sum_local = 0.0, triples = 0.0, corners = 0.0;
  for (std::uint32_t v = 0; v < n; ++v) {
    const double d = deg[v];
    if (d < 2) continue;
    const double c = 2.0 * static_cast<double>(tri[v]) / (d * (d - 1.0));
    local.push_back(c);
    sum_local += c;
    triples += d * (d - 1.0) / 2.0;
    corners += static_cast<double>(tri[v]);
  }
  std::sort(local.begin(), local.end());
  s.average_clustering = sum_local / n;
  s.median_clustering = quantile(local, 0.5);
  s.transitivity = triples > 0 ? corners / triples : 0.0;
  s.triangles = static_cast<std::uint64_t>(corners) / 3;

  // Assortativity over arcs (each edge both ways, as networkx does for undirected graphs).
  double sx = 0, sxx = 0, sxy = 0, arcs = 0;
  std::uint64_t same_industry = 0, same_region = 0;
  for (std::uint32_t v = 0; v < n; ++v)
    for (std::uint32_t u : w.neighbours(v)) {
      sx += deg[v];
      sxx += deg[v] * deg[v];
      sxy += deg[v] * deg[u];
      arcs += 1;
      same_industry += w.industry(u) == w.industry(v);
      same_region += w.region(u) == w.region(v);
    }
  if (arcs > 0) {
    const double mean = sx / arcs, var = sxx / arcs - mean * mean;
    s.assortativity = var > 0 ? (sxy / arcs - mean * mean) / var : 0.0;
    s.intra_industry_share = static_cast<double>(same_industry) / arcs;
    s.intra_region_share = static_cast<double>(same_region) / arcs;
  }
  components(w, s);
  return s;
}

nlohmann::json to_json(const GraphStats& s) {
  nlohmann::json hist = nlohmann::json::array();
  for (const auto& b : s.degree_histogram) hist.push_back({{"lo", b.lo}, {"hi", b.hi}, {"count", b.count}});
  return {{"members", s.members},
          {"edges", s.edges},
          {"degree", {{"min", s.degree_min}, {"median", s.degree_median}, {"mean", s.degree_mean},
                      {"p99", s.degree_p99}, {"max", s.degree_max}, {"histogram", hist}}},
          {"clustering", {{"average", s.average_clustering}, {"median", s.median_clustering},
                          {"transitivity", s.transitivity}, {"triangles", s.triangles}, {"exact", true}}},
          {"assortativity", s.assortativity},
          {"intra_industry_share", s.intra_industry_share},
          {"intra_region_share", s.intra_region_share},
          {"giant_component_share", s.giant_component_share},
          {"components", s.components}};
}

}  // namespace linksim::graph
