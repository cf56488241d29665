// An M/M/1 queue built on the engine: the mean time in system must match 1/(mu - lambda).
#include <catch2/catch.hpp>

#include <cmath>
#include <deque>

#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"

using namespace linksim::core;

namespace {
// Times are integer seconds, so rates are per second with means of thousands of seconds to keep
// rounding error far below the tolerance.
double mean_time_in_system(double lambda, double mu, int customers, std::uint64_t seed) {
  enum : std::uint32_t { kArrival = 1, kDeparture = 2 };
  Simulation sim;
  Rng arrivals = make_rng(seed, 0, Purpose::kTest, 1);
  Rng services = make_rng(seed, 0, Purpose::kTest, 2);
  std::deque<Time> queue;  // arrival times, head in service
  double total = 0;
  int done = 0, arrived = 0;
  auto draw = [](Rng& r, double rate) { return static_cast<Time>(std::llround(exponential(r, 1.0 / rate))); };
  sim.schedule(draw(arrivals, lambda), kArrival);
  while (done < customers && sim.step([&](const Event& e) {
    if (e.kind == kArrival) {
      queue.push_back(e.time);
      if (queue.size() == 1) sim.schedule(e.time + draw(services, mu), kDeparture);
      if (++arrived < customers) sim.schedule(e.time + draw(arrivals, lambda), kArrival);
    } else {
      total += static_cast<double>(e.time - queue.front());
      queue.pop_front();
      ++done;
      if (!queue.empty()) sim.schedule(e.time + draw(services, mu), kDeparture);
    }
  })) {
  }
  return total / done;
}
}  // namespace

TEST_CASE("M/M/1 mean time in system matches 1/(mu - lambda)", "[core][mm1]") {
  // Service mean 1,000 s. Loads 0.5 and 0.8. With 400k customers, the batch-means standard error
  // is about 0.5% at load 0.5 and 1.5% at load 0.8; tolerances are 3% and 6%.
  const double mu = 1.0 / 1000.0;
  SECTION("load 0.5") {
    const double lambda = 0.5 * mu;
    CHECK(mean_time_in_system(lambda, mu, 400000, 11) == Approx(1.0 / (mu - lambda)).epsilon(0.03));
  }
  SECTION("load 0.8") {
    const double lambda = 0.8 * mu;
    CHECK(mean_time_in_system(lambda, mu, 400000, 12) == Approx(1.0 / (mu - lambda)).epsilon(0.06));
  }
}
