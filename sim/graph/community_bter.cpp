#include "linksim/graph/community_bter.hpp"

#include <algorithm>

#include "graph/parallel.hpp"
#include "graph/stage_timer.hpp"

namespace linksim::graph {

std::vector<Edge> CommunityBter::generate(const GenerationInput& in) const {
  detail::StageTimer timer(2);
  const auto layout = detail::make_layout(in);
  timer.lap("layout");
  std::vector<std::vector<Edge>> per_cell;
  std::vector<std::uint32_t> block_degree;
  detail::block_edges(in, layout, per_cell, block_degree);
  timer.lap("blocks");

  const std::size_t n = in.target_degree.size();
  std::vector<std::uint32_t> excess(n);
  std::size_t blocks = 0, reserve = 0;
  for (const auto& c : per_cell) blocks += c.size();
  for (std::size_t i = 0; i < n; ++i) {
    excess[i] = in.target_degree[i] > block_degree[i] ? in.target_degree[i] - block_degree[i] : 0;
    reserve += excess[i] / 2 + 1;
  }
  std::vector<Edge> out;
  out.reserve(blocks + reserve);
  out.resize(blocks);  // Edge() leaves it untouched: the parallel copy below touches the pages
  std::vector<std::size_t> at(per_cell.size() + 1, 0);
  for (std::size_t c = 0; c < per_cell.size(); ++c) at[c + 1] = at[c] + per_cell[c].size();
  parallel_chunks(per_cell.size(), in.threads, [&](std::size_t c) {
    std::copy(per_cell[c].begin(), per_cell[c].end(), out.begin() + static_cast<std::ptrdiff_t>(at[c]));
    std::vector<Edge>().swap(per_cell[c]);
  });
  timer.lap("copy");
  const auto b = static_cast<double>(blocks);  // blocks lie inside one community
  detail::chung_lu_edges(in, layout, excess, {b, b, b}, out);
  timer.lap("chunglu");
  // Drop draws that found no partner (marked u == u); only the Chung-Lu part can hold them.
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(blocks), out.end(),
                           [](const Edge& e) { return e.u == e.v; }),
            out.end());
  timer.lap("erase");
  return out;
}

std::vector<Edge> CommunityBter::top_up(const GenerationInput& in, const std::vector<std::uint32_t>& deficit,
                                        const PlacedEdges& placed, unsigned round) const {
  const auto layout = detail::make_layout(in);
  std::vector<Edge> out;
  detail::chung_lu_edges(in, layout, deficit, placed, out, round);
  std::erase_if(out, [](const Edge& e) { return e.u == e.v; });
  return out;
}

}  // namespace linksim::graph
