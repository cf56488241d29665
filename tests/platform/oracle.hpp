// Random action streams for the property tests, and the size knob for Debug+ASan runs.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"

namespace linksim::test {

/// LINKSIM_SLOW_TESTS=0 (the sanitizer run) shrinks the number of streams, not the assertions.
inline int streams(int full) {
  const char* v = std::getenv("LINKSIM_SLOW_TESTS");
  return (v && std::strcmp(v, "0") == 0) ? full / 5 : full;
}

/// Increasing times with bursts, pauses and long gaps, so windows fill, overflow and drain.
/// `scale` is the typical window length in ticks.
inline std::vector<core::Time> random_times(core::Rng& rng, int n, core::Time scale) {
  std::vector<core::Time> times;
  core::Time t = static_cast<core::Time>(core::uniform_below(rng, 1000));
  for (int i = 0; i < n; ++i) {
    const std::uint32_t kind = core::uniform_below(rng, 10);
    if (kind < 4) t += 0;                                                                  // same tick
    else if (kind < 8) t += 1 + core::uniform_below(rng, static_cast<std::uint32_t>(scale / 20 + 1));  // burst
    else if (kind < 9) t += 1 + core::uniform_below(rng, static_cast<std::uint32_t>(scale));          // pause
    else t += 1 + core::uniform_below(rng, static_cast<std::uint32_t>(3 * scale));                    // long gap
    times.push_back(t);
  }
  return times;
}

}  // namespace linksim::test
