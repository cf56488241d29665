// A parallel, stable counting sort into buckets: every item emits `fanout` (bucket, value)
// pairs; the output holds the values grouped by bucket, each bucket in input order. Fixed
// chunks with their own count rows make the result independent of the thread count.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "graph/parallel.hpp"

namespace linksim::graph {

/// An array that is not zero-filled when allocated: its pages are first touched by whichever
/// (parallel) pass writes them, instead of by a serial memset. For trivial types only.
template <class T>
class RawBuffer {
 public:
  RawBuffer() = default;
  explicit RawBuffer(std::size_t n) : data_(n ? new T[n] : nullptr), size_(n) {}
  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  T* begin() { return data_.get(); }
  T* end() { return data_.get() + size_; }
  void reset() {
    data_.reset();
    size_ = 0;
  }

 private:
  std::unique_ptr<T[]> data_;
  std::size_t size_ = 0;
};

/// Like bucket_scatter, but over the index range [0, items) (`emit(index, j)`) and into the
/// array `alloc(total)` returns; returns the bucket offsets (buckets + 1 entries).
template <class Out, class Emit, class Alloc>
std::vector<std::size_t> bucket_scatter_into(std::size_t items, std::size_t buckets, unsigned fanout,
                                             unsigned threads, Emit emit, Alloc alloc) {
  constexpr std::size_t kItems = 1u << 18;  // small enough to balance 2 threads at 10^5 members
  const std::size_t chunks = (items + kItems - 1) / kItems;
  std::vector<std::size_t> at(buckets * chunks + 1, 0);  // index bucket * chunks + chunk
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    std::vector<std::size_t> count(buckets, 0);  // local: chunks side by side in `at` share cache lines
    const std::size_t end = std::min(items, (c + 1) * kItems);
    for (std::size_t k = c * kItems; k < end; ++k)
      for (unsigned j = 0; j < fanout; ++j) ++count[emit(k, j).first];
    for (std::size_t b = 0; b < buckets; ++b) at[b * chunks + c + 1] = count[b];
  });
  for (std::size_t i = 0; i + 1 < at.size(); ++i) at[i + 1] += at[i];
  std::vector<std::size_t> offsets(buckets + 1);
  for (std::size_t b = 0; b <= buckets; ++b) offsets[b] = at[b * chunks];
  Out* out = alloc(at.back());
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    std::vector<std::size_t> pos(buckets);
    for (std::size_t b = 0; b < buckets; ++b) pos[b] = at[b * chunks + c];
    const std::size_t end = std::min(items, (c + 1) * kItems);
    for (std::size_t k = c * kItems; k < end; ++k)
      for (unsigned j = 0; j < fanout; ++j) {
        const auto [b, value] = emit(k, j);
        out[pos[b]++] = value;
      }
  });
  return offsets;
}

/// `emit(item, j)` for j < fanout returns std::pair<std::size_t bucket, Out value>. If
/// `offsets` is given it receives buckets + 1 entries: bucket b is out[offsets[b], offsets[b+1]).
template <class Out, class Item, class Emit>
std::vector<Out> bucket_scatter(const std::vector<Item>& items, std::size_t buckets, unsigned fanout,
                                unsigned threads, Emit emit, std::vector<std::size_t>* offsets = nullptr) {
  constexpr std::size_t kItems = 1u << 18;  // small enough to balance 2 threads at 10^5 members
  const std::size_t chunks = (items.size() + kItems - 1) / kItems;
  std::vector<std::size_t> at(buckets * chunks + 1, 0);  // index bucket * chunks + chunk
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    std::vector<std::size_t> count(buckets, 0);  // local: chunks side by side in `at` share cache lines
    const std::size_t end = std::min(items.size(), (c + 1) * kItems);
    for (std::size_t k = c * kItems; k < end; ++k)
      for (unsigned j = 0; j < fanout; ++j) ++count[emit(items[k], j).first];
    for (std::size_t b = 0; b < buckets; ++b) at[b * chunks + c + 1] = count[b];
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
