// A pool of threads over jobs 0 … n−1: the one worker loop behind a run's (replication, arm)
// jobs, the variant runner's jobs and a replication's shards. Results go where the job puts them
// (by index), so the thread count changes no value.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace linksim::experiment {

/// Runs job(j) for j = 0 … n−1, taken in increasing order by `threads` workers (the calling thread
/// is one of them; never more workers than jobs). After a job throws, or once `*stop` is set, no
/// further job starts; the error of the lowest-numbered job that threw is rethrown when every
/// worker has stopped.
template <class Job>
void run_pool(std::size_t n, unsigned threads, Job&& job, const std::atomic<bool>* stop = nullptr) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::size_t error_job = n;
  std::exception_ptr error;
  auto worker = [&] {
    for (;;) {
      if (failed.load() || (stop != nullptr && stop->load())) return;
      const std::size_t j = next.fetch_add(1);
      if (j >= n) return;
      try {
        job(j);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (j < error_job) {
          error_job = j;
          error = std::current_exception();
        }
        failed = true;
        return;
      }
    }
  };
  const auto workers = static_cast<unsigned>(std::clamp<std::size_t>(n, 1, std::max(threads, 1u)));
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (unsigned t = 1; t < workers; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace linksim::experiment
