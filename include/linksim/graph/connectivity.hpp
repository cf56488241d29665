// Joins every small component to the giant one, so that the giant component holds everyone.
#pragma once
#include <cstdint>
#include <vector>

#include "linksim/graph/generator.hpp"

namespace linksim::graph {

/// Finds components of (n, edges) by union-find and, for each component other than the largest,
/// appends one edge from its lowest-id member to a member of the largest component drawn in
/// proportion to degree (an endpoint of a random edge). Returns the number of edges added.
std::size_t connect_components(std::vector<Edge>& edges, std::uint32_t n, std::uint64_t seed,
                               std::uint32_t replication);

}  // namespace linksim::graph
