// Summary statistics of a world's graph, for `linksim graph --stats` and for the calibration
// tests (targets and their sources in docs/graph.md). Clustering is exact.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/graph/world.hpp"

namespace linksim::graph {

struct DegreeBin {
  std::uint32_t lo = 0;  ///< inclusive
  std::uint32_t hi = 0;  ///< exclusive
  std::uint64_t count = 0;
};

struct GraphStats {
  std::uint32_t members = 0;
  std::uint64_t edges = 0;
  std::uint32_t degree_min = 0, degree_max = 0;
  double degree_median = 0, degree_mean = 0, degree_p99 = 0;
  std::vector<DegreeBin> degree_histogram;  ///< [0,1), [1,2), [2,4), [4,8), ...
  double average_clustering = 0;  ///< mean local clustering over all members, 0 below degree 2 (networkx average_clustering)
  double median_clustering = 0;   ///< median local clustering over members with degree >= 2
  double transitivity = 0;        ///< 3 x triangles / connected triples
  std::uint64_t triangles = 0;
  double assortativity = 0;       ///< Pearson correlation of degrees at the ends of edges
  double intra_industry_share = 0;
  double intra_region_share = 0;
  double giant_component_share = 0;
  std::uint32_t components = 0;
};

/// Computes every statistic; clustering runs on `threads` threads (0 = all), with the same
/// result whatever the thread count.
GraphStats compute_stats(const World& world, unsigned threads = 0);

/// Local triangle counts per member (each triangle counted at each of its three corners).
std::vector<std::uint64_t> triangles_per_member(const World& world, unsigned threads = 0);

nlohmann::json to_json(const GraphStats& s);

}  // namespace linksim::graph
