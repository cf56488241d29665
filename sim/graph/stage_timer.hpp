// Wall-clock times of the graph generation stages on stderr when the environment variable
// LINKSIM_GRAPH_TIMING is set (profiling aid; silent and nearly free otherwise).
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace linksim::graph::detail {

class StageTimer {
 public:
  explicit StageTimer(int depth) : depth_(depth) {}
  /// Prints the time since the previous lap (or construction) under `stage`.
  void lap(const char* stage) {
    if (!enabled()) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "%*s%-12s %8.1f ms\n", 2 * depth_, "", stage,
                 std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  static bool enabled() {
    static const bool on = std::getenv("LINKSIM_GRAPH_TIMING") != nullptr;
    return on;
  }
  int depth_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace linksim::graph::detail
