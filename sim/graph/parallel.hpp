// Runs a fixed list of chunks on a few threads. Results are deterministic because chunk
// boundaries and each chunk's random stream never depend on the thread count; threads only
// decide who computes a chunk, and every chunk writes to its own output.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace linksim::graph {

/// 0 means "all hardware threads".
inline unsigned resolve_threads(unsigned threads) {
  if (threads != 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Calls fn(chunk) for chunk in [0, chunks) on up to `threads` threads; rethrows the first error.
template <class Fn>
void parallel_chunks(std::size_t chunks, unsigned threads, Fn&& fn) {
  const unsigned t = static_cast<unsigned>(std::min<std::size_t>(resolve_threads(threads), chunks));
  if (t <= 1) {
    for (std::size_t c = 0; c < chunks; ++c) fn(c);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t c; (c = next.fetch_add(1)) < chunks;) {
      try {
        fn(c);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < t; ++i) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace linksim::graph
