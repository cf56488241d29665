#include <algorithm>

#include "linksim/graph/community_bter.hpp"

#include "graph/parallel.hpp"

namespace linksim::graph::detail {
namespace {

// Stable counting sort of member ids by key: ids stay ascending inside each group.
void group_by(const std::vector<std::uint32_t>& key, std::uint32_t groups,
              std::vector<std::uint32_t>& order, std::vector<std::uint32_t>& offsets) {
  offsets.assign(groups + 1, 0);
  for (std::uint32_t k : key) ++offsets[k + 1];
  for (std::uint32_t g = 0; g < groups; ++g) offsets[g + 1] += offsets[g];
  std::vector<std::uint32_t> pos(offsets.begin(), offsets.end() - 1);
  order.resize(key.size());
  for (std::uint32_t id = 0; id < key.size(); ++id) order[pos[key[id]]++] = id;
}

}  // namespace

CommunityLayout make_layout(const GenerationInput& in) {
  const auto& m = in.members;
  const std::uint32_t n = m.size();
  const auto regions = static_cast<std::uint32_t>(m.region_names.size());
  const auto cells = static_cast<std::uint32_t>(m.industry_names.size()) * regions;
  CommunityLayout l;
  l.regions = regions;
  std::vector<std::uint32_t> key(n);
  for (std::uint32_t i = 0; i < n; ++i) key[i] = m.industry[i] * regions + m.region[i];
  group_by(key, cells, l.order, l.cell_offsets);
  for (std::uint32_t i = 0; i < n; ++i) key[i] = m.region[i];
  group_by(key, regions, l.region_order, l.region_offsets);

  const auto& d = in.target_degree;
  parallel_chunks(cells, in.threads, [&](std::size_t c) {
    std::sort(l.order.begin() + l.cell_offsets[c], l.order.begin() + l.cell_offsets[c + 1],
              [&](std::uint32_t a, std::uint32_t b) { return d[a] < d[b] || (d[a] == d[b] && a < b); });
  });
  return l;
}

}  // namespace linksim::graph::detail
