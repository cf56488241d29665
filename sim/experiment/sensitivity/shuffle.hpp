// Internal to the sensitivity engine: a Fisher–Yates shuffle on core::Rng, so that a permutation
// depends only on the stream (std::shuffle's draws are implementation-defined).
#pragma once
#include <cstdint>
#include <span>
#include <utility>

#include "linksim/core/rng.hpp"

namespace linksim::experiment::sensitivity {

/// Uniform random permutation of xs in place. xs.size() must be < 2^32.
template <class T>
void shuffle(std::span<T> xs, core::Rng& rng) {
  for (std::size_t i = xs.size(); i > 1; --i) {
    std::swap(xs[i - 1], xs[core::uniform_below(rng, static_cast<std::uint32_t>(i))]);
  }
}

}  // namespace linksim::experiment::sensitivity
