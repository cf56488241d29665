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

/// Builds the CSR from both arcs of every edge by a four-pass radix sort on (source, target)
/// that fills the Boost graph's row starts and columns directly (`edges` is consumed; where ids
/// fit, its memory is reused as scratch), dropping duplicate arcs and self-loops on the way, and
/// enforces `cap` by dropping the over-cap member's edges to its highest-degree neighbours (the
/// least likely to cut anyone off). Rows are sorted ascending. Deterministic whatever `threads`
/// is. Not built with `edges_are_unsorted_multi_pass`: see docs/graph.md (measured faster).
/// `column`, if at least two entries per edge long, becomes the column array (so a caller can
/// allocate it ahead, overlapping other work).
Csr build_csr(std::vector<Edge>&& edges, std::uint32_t n, std::uint32_t cap, unsigned threads,
              std::vector<std::uint32_t>&& column = {});

/// The same graph as build_csr on g's edges plus `more` (the cap applied to the union), built
/// by merging sorted rows instead of rebuilding from an edge list. Consumes g and `more`.
Csr merge_csr(Csr&& g, std::vector<Edge>&& more, std::uint32_t cap, unsigned threads);

}  // namespace linksim::graph
