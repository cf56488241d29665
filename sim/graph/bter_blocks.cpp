// BTER-style affinity blocks (Seshadhri, Kolda & Pinar 2012): members of one community with
// similar target degree form a block of size s * d_min / rho + 1 in which every pair is linked
// with probability rho. A member then gets about s * d of its degree inside the block, whose
// triangles give local clustering of about rho * s^2, and block mates have similar degrees,
// which makes degree assortativity positive.
#include <cmath>

#include "linksim/core/rng.hpp"
#include "linksim/graph/community_bter.hpp"

#include "graph/parallel.hpp"

namespace linksim::graph::detail {
namespace {

// All pairs of block[0..size) with probability rho. Dense blocks test each pair against a 32-bit
// threshold (one draw per pair); sparse ones jump geometric gaps between linked pairs.
void link_block(core::Rng& rng, const std::uint32_t* block, std::uint32_t size, double rho,
                std::vector<Edge>& out, std::vector<std::uint32_t>& degree) {
  auto add = [&](std::uint32_t i, std::uint32_t j) {
    out.push_back({block[i], block[j]});
    ++degree[block[i]];
    ++degree[block[j]];
  };
  if (rho >= 0.25) {
    const auto threshold = static_cast<std::uint64_t>(std::ldexp(rho, 32));
    for (std::uint32_t i = 0; i + 1 < size; ++i)
      for (std::uint32_t j = i + 1; j < size; ++j)
        if (rng() < threshold) add(i, j);
    return;
  }
  std::uint32_t i = 0, j = 0;  // the pair before the next candidate is (i, j)
  for (;;) {
    std::uint64_t skip = core::geometric(rng, rho) + 1;
    while (skip > 0) {  // advance j by skip along the rows of the upper triangle
      const std::uint64_t room = size - 1 - j;
      if (skip <= room) {
        j += static_cast<std::uint32_t>(skip);
        skip = 0;
      } else {
        skip -= room;  // to the (virtual) diagonal of the next row, just before its first pair
        if (++i + 1 >= size) return;
        j = i;
      }
    }
    add(i, j);
  }
}

}  // namespace

void block_edges(const GenerationInput& in, const CommunityLayout& layout,
                 std::vector<std::vector<Edge>>& edges_per_cell,
                 std::vector<std::uint32_t>& block_degree) {
  const auto& e = in.params.edges;
  const auto& d = in.target_degree;
  const std::size_t cells = layout.cell_offsets.size() - 1;
  edges_per_cell.assign(cells, {});
  block_degree.assign(d.size(), 0);
  if (e.block_degree_share <= 0.0) return;
  parallel_chunks(cells, in.threads, [&](std::size_t c) {
    auto rng = core::make_rng(in.seed, in.replication, core::Purpose::kGraph, c);
    const std::uint32_t end = layout.cell_offsets[c + 1];
    auto& out = edges_per_cell[c];
    // Reserve the expected edge count plus a margin (the same block cuts as below), so that the
    // vector rarely grows: growing copies it and touches fresh pages.
    double expected = 0.0;
    for (std::uint32_t k = layout.cell_offsets[c]; k < end;) {
      const double ideal = e.block_degree_share * d[layout.order[k]] / e.block_density;
      const auto size = static_cast<std::uint32_t>(std::min<double>(std::floor(ideal + 0.5) + 1.0, end - k));
      if (size < 3) {
        ++k;
        continue;
      }
      expected += e.block_density * 0.5 * size * (size - 1.0);
      k += size;
    }
    out.reserve(static_cast<std::size_t>(expected + 4.0 * std::sqrt(expected) + 64.0));
    for (std::uint32_t k = layout.cell_offsets[c]; k < end;) {
      const double ideal = e.block_degree_share * d[layout.order[k]] / e.block_density;
      const auto size = static_cast<std::uint32_t>(std::min<double>(std::floor(ideal + 0.5) + 1.0, end - k));
      if (size < 3) {  // a pair has no triangle: leave the member's degree to Chung-Lu
        ++k;
        continue;
      }
      link_block(rng, &layout.order[k], size, e.block_density, out, block_degree);
      k += size;
    }
  });
}

}  // namespace linksim::graph::detail
