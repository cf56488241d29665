// The graph's storage: a Boost compressed-sparse-row graph with 32-bit vertex and arc indices,
// each undirected edge stored as two arcs, rows sorted ascending (binary search, merges).
#pragma once
#include <cstdint>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "linksim/graph/generator.hpp"

namespace linksim::graph {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

/// Builds the CSR with `edges_are_unsorted_multi_pass` from both arcs of every edge (grouped by
/// source range first, for cache locality; `edges` is consumed to bound peak memory), then sorts each row, drops duplicate arcs and self-loops, and enforces `cap` by dropping
/// the over-cap member's edges to its highest-degree neighbours (the least likely to cut anyone
/// off). Deterministic whatever `threads` is.
Csr build_csr(std::vector<Edge>&& edges, std::uint32_t n, std::uint32_t cap, unsigned threads);

}  // namespace linksim::graph
