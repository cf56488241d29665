// A parallel, stable counting sort into buckets: every item emits `fanout` (bucket, value)
// pairs; the output holds the values grouped by bucket, each bucket in input order. Fixed
// chunks with their own count rows make the result independent of the thread count.
#pragma once
#include <cstddef>
#include <vector>

#include "linksim/graph/parallel.hpp"

namespace linksim::graph {

/// `emit(item, j)` for j < fanout returns std::pair<std::size_t bucket, Out value>. If
/// `offsets` is given it receives buckets + 1 entries: bucket b is out[offsets[b], offsets[b+1]).
template <class Out, class Item, class Emit>
std::vector<Out> bucket_scatter(const std::vector<Item>& items, std::size_t buckets, unsigned fanout,
                                unsigned threads, Emit emit, std::vector<std::size_t>* offsets = nullptr) {
  constexpr std::size_t kItems = 1u << 20;
  const std::size_t chunks = (items.size() + kItems - 1) / kItems;
  std::vector<std::size_t> at(buckets * chunks + 1, 0);  // index bucket * chunks + chunk
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    const std::size_t end = std::min(items.size(), (c + 1) * kItems);
    for (std::size_t k = c * kItems; k < end; ++k)
      for (unsigned j = 0; j < fanout; ++j) ++at[emit(items[k], j).first * chunks + c + 1];
  });
  for (std::size_t i = 0; i + 1 < at.size(); ++i) at[i + 1] += at[i];
  if (offsets) {
    offsets->resize(buckets + 1);
    for (std::size_t b = 0; b <= buckets; ++b) (*offsets)[b] = at[b * chunks];
  }
  std::vector<Out> out(at.back());
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    std::vector<std::size_t> pos(buckets);
    for (std::size_t b = 0; b < buckets; ++b) pos[b] = at[b * chunks + c];
    const std::size_t end = std::min(items.size(), (c + 1) * kItems);
    for (std::size_t k = c * kItems; k < end; ++k)
      for (unsigned j = 0; j < fanout; ++j) {
        const auto [b, value] = emit(items[k], j);
        out[pos[b]++] = value;
      }
  });
  return out;
}

}  // namespace linksim::graph
