// Event queue: the near-future heap plus far-future buckets pops in exactly (time, seq) order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "linksim/core/event_queue.hpp"
#include "linksim/core/rng.hpp"

using namespace linksim::core;

TEST_CASE("event queue pops in (time, seq) order across buckets and far times", "[core]") {
  Rng rng = make_rng(7, 0, Purpose::kTest);
  EventQueue q;
  std::vector<Event> model;  // kept sorted descending: the back is the next event
  std::uint64_t seq = 0;
  Time now = 0;
  auto push = [&](Time at) {
    const Event e{at, seq++, 1, 0, 0, 0, 0, 0};
    q.push(e);
    model.insert(std::upper_bound(model.begin(), model.end(), e, [](const Event& x, const Event& y) { return before(y, x); }), e);
  };
  for (int step = 0; step < 20000; ++step) {
    const double u = uniform01(rng);
    if (u < 0.55 || model.empty()) {
      // Now, within the hour, days ahead, and (rarely) decades ahead, past the last bucket.
      const double v = uniform01(rng);
      const Time delay = v < 0.2 ? 0 : v < 0.6 ? uniform_below(rng, 3600) : v < 0.995 ? uniform_below(rng, 30 * kDay) : (Time{1} << 30) + uniform_below(rng, 1000);
      push(now + delay);
    } else {
      REQUIRE(q.size() == model.size());
      REQUIRE(q.top().seq == model.back().seq);
      const Event e = q.pop();
      REQUIRE(e.time == model.back().time);
      REQUIRE(e.seq == model.back().seq);
      model.pop_back();
      now = e.time;
    }
  }
  while (!model.empty()) {
    const Event e = q.pop();
    REQUIRE(e.seq == model.back().seq);
    model.pop_back();
  }
  CHECK(q.empty());
  q.clear();
  q.push(Event{5, 0, 1, 0, 0, 0, 0, 0});
  CHECK(q.top().time == 5);
}
