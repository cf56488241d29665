// Property tests: on random streams (fixed seeds), the windowed limiter algorithms agree with a
// brute-force oracle that keeps every accepted timestamp — on the decision and on retry_at.
#include <catch2/catch.hpp>

#include <algorithm>

#include "linksim/platform/limiters/fixed_window.hpp"
#include "linksim/platform/limiters/sliding_counter.hpp"
#include "linksim/platform/limiters/sliding_log.hpp"
#include "oracle.hpp"

using namespace linksim::platform;
using linksim::core::Time;
using Clock = MilliClock;

namespace {

// Units accepted in [lo, hi).
std::int64_t count(const std::vector<Time>& acc, Time lo, Time hi) {
  return std::count_if(acc.begin(), acc.end(), [&](Time t) { return t >= lo && t < hi; });
}

struct Draw {
  std::uint32_t limit;
  Time window;
  std::uint32_t n;
};
Draw draw(linksim::core::Rng& rng) {
  return {1 + linksim::core::uniform_below(rng, 8), 5 + static_cast<Time>(linksim::core::uniform_below(rng, 60)), 0};
}
std::uint32_t units(linksim::core::Rng& rng, std::uint32_t limit) {
  return linksim::core::uniform_below(rng, 4) == 0 ? 1 + linksim::core::uniform_below(rng, limit + 1) : 1;
}

}  // namespace

TEST_CASE("fixed window agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < linksim::test::streams(200); ++seed) {
    auto rng = linksim::core::make_rng(11, static_cast<std::uint64_t>(seed), linksim::core::Purpose::kTest);
    const Draw d = draw(rng);
    const Time origin = static_cast<Time>(linksim::core::uniform_below(rng, 20));
    const FixedWindow<Clock> fw(d.limit, d.window, origin);
    FixedWindow<Clock>::State st;
    std::vector<Time> acc;
    for (Time now : linksim::test::random_times(rng, 300, d.window)) {
      const std::uint32_t n = units(rng, d.limit);
      const Time start = origin + linksim::platform::floor_div_ticks(now - origin, d.window) * d.window;
      const bool ok = count(acc, start, start + d.window) + n <= d.limit;
      const auto a = fw.peek(st, now, n);
      INFO("seed " << seed << " t " << now);
      REQUIRE(a.ok == ok);
      if (!ok) REQUIRE(a.retry_at == (n > d.limit ? Clock::kNever : start + d.window));
      if (ok) {
        fw.commit(st, now, n);
        acc.insert(acc.end(), n, now);
      }
    }
  }
}

TEST_CASE("sliding-window log agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < linksim::test::streams(200); ++seed) {
    auto rng = linksim::core::make_rng(12, static_cast<std::uint64_t>(seed), linksim::core::Purpose::kTest);
    const Draw d = draw(rng);
    const SlidingLog<Clock, std::int32_t> log(d.limit, d.window);
    SlidingLog<Clock, std::int32_t>::State st;
    std::vector<std::int32_t> ring(d.limit);
    std::vector<Time> acc;
    for (Time now : linksim::test::random_times(rng, 300, d.window)) {
      const std::uint32_t n = units(rng, d.limit);
      const auto in_window = [&](Time t) { return count(acc, t - d.window + 1, t + 1); };
      const bool ok = in_window(now) + n <= d.limit;
      const auto a = log.peek(st, ring, now, n);
      INFO("seed " << seed << " t " << now);
      REQUIRE(a.ok == ok);
      REQUIRE(log.used(st, ring, now) == in_window(now));
      if (!ok && n <= d.limit) {
        Time t = now;  // brute force: the first tick at which n more would fit
        while (in_window(t) + n > d.limit) ++t;
        REQUIRE(a.retry_at == t);
      }
      if (!ok && n > d.limit) REQUIRE(a.retry_at == Clock::kNever);
      if (ok) {
        log.commit(st, ring, now, n);
        acc.insert(acc.end(), n, now);
      }
    }
  }
}

TEST_CASE("sliding-window counter agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < linksim::test::streams(200); ++seed) {
    auto rng = linksim::core::make_rng(13, static_cast<std::uint64_t>(seed), linksim::core::Purpose::kTest);
    const Draw d = draw(rng);
    const SlidingCounter<Clock> sc(d.limit, d.window);
    SlidingCounter<Clock>::State st;
    std::vector<Time> acc;
    // The estimate from raw timestamps: prev·(W − e) + (cur + n)·W <= limit·W.
    const auto fits = [&](Time t, std::uint32_t n) {
      const Time start = linksim::platform::floor_div_ticks(t, d.window) * d.window;
      const std::int64_t prev = count(acc, start - d.window, start), cur = count(acc, start, start + d.window);
      return prev * (d.window - (t - start)) + (cur + n) * d.window <= std::int64_t{d.limit} * d.window;
    };
    for (Time now : linksim::test::random_times(rng, 300, d.window)) {
      const std::uint32_t n = units(rng, d.limit);
      const bool ok = fits(now, n);
      const auto a = sc.peek(st, now, n);
      INFO("seed " << seed << " t " << now << " n " << n);
      REQUIRE(a.ok == ok);
      if (!ok && n <= d.limit) {
        Time t = now;
        while (!fits(t, n)) ++t;
        REQUIRE(a.retry_at == t);
      }
      if (ok) {
        sc.commit(st, now, n);
        acc.insert(acc.end(), n, now);
      }
    }
  }
}
