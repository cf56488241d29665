// Target degree sequence: a heavy-tailed transform of each member's sociability score, scaled so
// that the clipped sequence has the requested mean.
#pragma once
#include <cstdint>
#include <vector>

#include "linksim/graph/params.hpp"

namespace linksim::graph {

/// Target degrees in [min_degree, effective_cap()], mean within 0.5% of mean_degree whenever
/// the clipping bounds allow it. Lognormal: d = k * exp(sigma z); power law: d = k * (1 - Phi(z))
/// ^(-1/(gamma - 1)); k is found by bisection on the mean of the clipped, rounded sequence.
/// The same result for any `threads` (0 = all hardware threads).
std::vector<std::uint32_t> target_degrees(const EdgeParams& e, std::uint32_t cap,
                                          const std::vector<float>& sociability, unsigned threads = 0);

}  // namespace linksim::graph
