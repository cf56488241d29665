// A min-priority queue of events keyed by (time, seq): a 4-ary heap for the near future and
// append-only buckets of 2^12 seconds (about 68 minutes) for the rest.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "linksim/core/event.hpp"

namespace linksim::core {

/// Why 4-ary: half the depth of a binary heap and the four children share a cache line pair,
/// which wins for the pop-heavy hold pattern of a DES (see bench/event_queue_bench.cpp).
///
/// Why buckets: most events of a long run are far ahead (an invitation's expiry weeks out, the
/// next day's tick), and a heap holding them all is deep and far larger than the cache. Events
/// at or after `limit_` wait unsorted in the bucket of their 2^12-second span; when the heap
/// runs dry, the next non-empty bucket is heapified. The heap holds exactly the events before
/// `limit_` and every bucket is later than all of them, so events come out in (time, seq)
/// order just as from one heap.
class EventQueue {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  /// The earliest event; the queue must not be empty.
  const Event& top() const { return heap_.front(); }
  void clear() {
    heap_.clear();
    buckets_.clear();
    far_.clear();
    limit_ = 0;
    size_ = 0;
  }

  void push(const Event& e) {
    ++size_;
    if (e.time < limit_) {
      heap_push(e);
      return;
    }
    const auto b = static_cast<std::uint64_t>(e.time) >> kBucketBits;
    if (b < kMaxBuckets) {
      if (b >= buckets_.size()) buckets_.resize(b + 1);
      buckets_[b].push_back(e);
    } else {
      far_.push_back(e);
    }
    if (heap_.empty()) refill();  // keep the invariant: the heap holds the earliest event
  }

  Event pop() {
    Event out = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    --size_;
    if (!heap_.empty()) sift_down(0, last);
    else if (size_ > 0) refill();
    return out;
  }

 private:
  static constexpr unsigned kBucketBits = 12;
  static constexpr std::uint64_t kMaxBuckets = std::uint64_t{1} << 16;  ///< 2^28 s (8.5 years)

  void heap_push(const Event& e) {
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  /// Puts `e` in the hole at `i` and sifts it down.
  void sift_down(std::size_t i, const Event& e) {
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = first + 4 < n ? first + 4 : n;
      for (std::size_t c = first + 1; c < end; ++c)
        if (before(heap_[c], heap_[best])) best = c;
      if (!before(heap_[best], e)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
  }

  /// The heap is empty: moves the earliest non-empty bucket (or, past the last, the far events)
  /// into it and heapifies.
  void refill() {
    std::vector<Event>* source = nullptr;
    for (auto b = static_cast<std::uint64_t>(limit_) >> kBucketBits; b < buckets_.size(); ++b) {
      if (buckets_[b].empty()) continue;
      source = &buckets_[b];
      limit_ = static_cast<Time>((b + 1) << kBucketBits);
      break;
    }
    if (source == nullptr) {
      if (far_.empty()) return;
      source = &far_;
      limit_ = std::numeric_limits<Time>::max();  // from now on everything goes to the heap
    }
    heap_.assign(source->begin(), source->end());
    std::vector<Event>().swap(*source);  // a bucket is used once: give its memory back
    if (heap_.size() > 1)
      for (std::size_t i = (heap_.size() - 2) / 4 + 1; i-- > 0;) {
        const Event e = heap_[i];
        sift_down(i, e);
      }
  }

  std::vector<Event> heap_;                  ///< events before limit_
  std::vector<std::vector<Event>> buckets_;  ///< events at or after limit_, by time >> kBucketBits
  std::vector<Event> far_;                   ///< events beyond the last bucket
  Time limit_ = 0;
  std::size_t size_ = 0;
};

}  // namespace linksim::core
