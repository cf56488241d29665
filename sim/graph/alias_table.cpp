#include "linksim/graph/alias_table.hpp"

#include <cmath>

namespace linksim::graph {

template <class W>
GroupedAlias::GroupedAlias(const std::vector<std::uint32_t>& order,
                           std::vector<std::uint32_t> offsets, const std::vector<W>& weight)
    : slots_(order.size()), offsets_(std::move(offsets)), total_(offsets_.size() - 1, 0) {
  for (std::uint32_t g = 0; g + 1 < offsets_.size(); ++g) build_group(order, g, weight);
}

template <class W>
void GroupedAlias::build_group(const std::vector<std::uint32_t>& order, std::uint32_t group,
                               const std::vector<W>& weight) {
  const std::uint32_t begin = offsets_[group], size = offsets_[group + 1] - begin;
  std::uint64_t total = 0;
  for (std::uint32_t i = 0; i < size; ++i) total += weight[order[begin + i]];
  total_[group] = total;
  if (total == 0 || size == 0) return;
  // Vose's method on scaled weights q_i = w_i * size / total (mean 1): pair each light slot with
  // a heavy one. Light and heavy indices share one worklist from both ends.
  std::vector<double> q(size);
  std::vector<std::uint32_t> work(size);
  std::uint32_t light = 0, heavy = size;
  for (std::uint32_t i = 0; i < size; ++i) {
    q[i] = static_cast<double>(weight[order[begin + i]]) * size / static_cast<double>(total);
    if (q[i] < 1.0) work[light++] = i;
    else work[--heavy] = i;
  }
  std::uint32_t l = 0;
  while (l < light && heavy < size) {
    const std::uint32_t small = work[l++], large = work[heavy];
    slots_[begin + small] = {static_cast<std::uint32_t>(std::ldexp(q[small], 32)), order[begin + small],
                             order[begin + large]};
    q[large] -= 1.0 - q[small];
    if (q[large] < 1.0) {
      ++heavy;
      work[--l] = large;  // reuse the slot just freed: `large` is light now
    }
  }
  // Leftovers are 1 up to rounding: always primary.
  for (std::uint32_t i = l; i < light; ++i)
    slots_[begin + work[i]] = {0xFFFFFFFFu, order[begin + work[i]], order[begin + work[i]]};
  for (std::uint32_t i = heavy; i < size; ++i)
    slots_[begin + work[i]] = {0xFFFFFFFFu, order[begin + work[i]], order[begin + work[i]]};
}

template GroupedAlias::GroupedAlias(const std::vector<std::uint32_t>&, std::vector<std::uint32_t>,
                                    const std::vector<std::uint32_t>&);
template GroupedAlias::GroupedAlias(const std::vector<std::uint32_t>&, std::vector<std::uint32_t>,
                                    const std::vector<std::uint64_t>&);

}  // namespace linksim::graph
