// The Pareto front of a set of alternatives scored on several metrics, each with its own
// direction (lower or higher is better): the report marks the policies no other policy beats.
#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "linksim/metrics/registry.hpp"

namespace linksim::report {

/// Indices, ascending, of the points that no other point dominates. `points[i][k]` is point i's
/// value of objective k and `goals[k]` says which way objective k is better (kLower or kHigher;
/// kNeutral throws std::invalid_argument, as does a point with another number of values than
/// there are goals). Point a dominates b when a is at least as good on every objective and
/// strictly better on one, so equal points (duplicates) do not dominate each other: both are on
/// the front or neither is. A point with a non-finite value (NaN, infinity) is left out: it is
/// never on the front and dominates nothing. A single finite point is its own front.
std::vector<std::size_t> pareto_front(std::span<const std::vector<double>> points, std::span<const metrics::Better> goals);

}  // namespace linksim::report
