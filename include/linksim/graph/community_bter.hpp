// The default edge model: communities by industry x region, BTER-like dense blocks of members
// with similar degree inside each community (clustering, assortativity), and Chung-Lu edges for
// the remaining degree, split by industry/region homophily. See docs/graph.md.
#pragma once
#include <cstdint>
#include <vector>

#include "linksim/graph/generator.hpp"

namespace linksim::graph {

class CommunityBter final : public Generator {
 public:
  std::vector<Edge> generate(const GenerationInput& in) const override;
  /// Chung-Lu edges on the shortfall, split by the configured homophily shares.
  std::vector<Edge> top_up(const GenerationInput& in, const std::vector<std::uint32_t>& deficit,
                           const PlacedEdges& placed, unsigned round) const override;
};

namespace detail {

/// Members grouped by community. Cells are industry-major (cell = industry * regions + region),
/// so one industry's cells are contiguous in `order`; inside a cell, by ascending target degree.
struct CommunityLayout {
  std::uint32_t regions = 0;
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> cell_offsets;  ///< cells + 1 entries
  std::vector<std::uint32_t> region_order;  ///< member ids grouped by region
  std::vector<std::uint32_t> region_offsets;
};

CommunityLayout make_layout(const GenerationInput& in);

/// Dense blocks inside each cell. Appends each cell's edges to `edges_per_cell[cell]` and
/// writes every member's realised block degree.
void block_edges(const GenerationInput& in, const CommunityLayout& layout,
                 std::vector<std::vector<Edge>>& edges_per_cell,
                 std::vector<std::uint32_t>& block_degree);

/// Chung-Lu edges for the excess degrees, appended to `out`; returns how many were appended
/// (some may be u == u, marking draws that found no partner). `placed` describes the edges
/// already placed, so that all edges together reach the homophily shares; `stream` separates
/// rounds.
std::size_t chung_lu_edges(const GenerationInput& in, const CommunityLayout& layout,
                           const std::vector<std::uint32_t>& excess, const PlacedEdges& placed,
                           std::vector<Edge>& out, std::uint64_t stream = 0);

}  // namespace detail
}  // namespace linksim::graph
