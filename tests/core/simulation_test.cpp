// Event engine: ordering, FIFO ties, cancellation, recurring processes, run_until bounds.
#include <catch2/catch.hpp>

#include <vector>

#include "linksim/core/simulation.hpp"

using namespace linksim::core;

namespace {
struct Log {
  std::vector<std::pair<Time, std::uint32_t>> seen;
  void operator()(const Event& e) { seen.emplace_back(e.time, e.a); }
};
}  // namespace

TEST_CASE("events run in time order, ties in insertion order", "[core]") {
  Simulation sim;
  sim.schedule(30, 1, 0);
  sim.schedule(10, 1, 1);
  sim.schedule(20, 1, 2);
  sim.schedule(10, 1, 3);
  sim.schedule(10, 1, 4);
  Log log;
  while (sim.step(log)) {
  }
  const std::vector<std::pair<Time, std::uint32_t>> expected{{10, 1}, {10, 3}, {10, 4}, {20, 2}, {30, 0}};
  CHECK(log.seen == expected);
  CHECK(sim.now() == 30);
  CHECK(sim.processed() == 5);
}

TEST_CASE("FIFO holds for many ties scheduled from inside handlers", "[core]") {
  Simulation sim;
  for (std::uint32_t i = 0; i < 1000; ++i) sim.schedule(5, 1, i);
  std::vector<std::uint32_t> order;
  sim.run_until(100, [&](const Event& e) {
    order.push_back(e.a);
    if (e.kind == 1 && e.a < 10) sim.schedule(sim.now(), 2, 1000 + e.a);  // same time, goes last
  });
  REQUIRE(order.size() == 1010);
  for (std::uint32_t i = 0; i < 1000; ++i) CHECK(order[i] == i);
  for (std::uint32_t i = 0; i < 10; ++i) CHECK(order[1000 + i] == 1000 + i);
}

TEST_CASE("scheduling in the past is rejected", "[core]") {
  Simulation sim;
  sim.schedule(10, 1);
  sim.step([](const Event&) {});
  CHECK_THROWS_AS(sim.schedule(5, 1), std::logic_error);
  CHECK_NOTHROW(sim.schedule(10, 1));
}

TEST_CASE("cancellation by slot and by handle", "[core]") {
  Simulation sim;
  const Slot s1 = sim.new_slot();
  const Slot s2 = sim.new_slot();
  sim.schedule(s1, 10, 1, 1);
  sim.schedule(s1, 20, 1, 2);
  const EventHandle h = sim.schedule(s2, 15, 1, 3);
  sim.schedule(25, 1, 4);

  SECTION("cancelling a slot drops all its pending events") {
    sim.cancel(s1);
    Log log;
    sim.run_until(100, log);
    CHECK(log.seen == std::vector<std::pair<Time, std::uint32_t>>{{15, 3}, {25, 4}});
    CHECK(sim.skipped() == 2);
  }
  SECTION("cancelling a handle drops that event only") {
    sim.cancel(h);
    Log log;
    sim.run_until(100, log);
    CHECK(log.seen == std::vector<std::pair<Time, std::uint32_t>>{{10, 1}, {20, 2}, {25, 4}});
  }
  SECTION("a stale handle does not cancel an event scheduled later in the same slot") {
    sim.cancel(h);
    sim.schedule(s2, 40, 1, 5);
    sim.cancel(h);  // stale: generation moved on
    Log log;
    sim.run_until(100, log);
    CHECK(log.seen.back() == std::pair<Time, std::uint32_t>{40, 5});
  }
  SECTION("events scheduled after a cancel are live") {
    sim.cancel(s1);
    sim.schedule(s1, 30, 1, 6);
    Log log;
    sim.run_until(100, log);
    CHECK(log.seen == std::vector<std::pair<Time, std::uint32_t>>{{15, 3}, {25, 4}, {30, 6}});
  }
}

TEST_CASE("recurring processes tick daily, weekly and monthly", "[core]") {
  Simulation sim;
  sim.every(0, kDay, 1);
  sim.every(kDay - 1, kWeek, 2);
  sim.every(0, kMonth, 3);
  int daily = 0, weekly = 0, monthly = 0;
  std::vector<Time> weekly_times;
  sim.run_until(90 * kDay - 1, [&](const Event& e) {
    if (e.kind == 1) ++daily;
    if (e.kind == 2) {
      ++weekly;
      weekly_times.push_back(e.time);
    }
    if (e.kind == 3) ++monthly;
  });
  CHECK(daily == 90);
  CHECK(weekly == 13);  // days 0, 7, …, 84 (13 weeks started within 90 days)
  CHECK(weekly_times[1] == kWeek + kDay - 1);
  CHECK(monthly == 3);  // days 0, 30, 60
  CHECK_THROWS_AS(sim.every(0, 0, 4), std::invalid_argument);
}

TEST_CASE("run_until runs events at the bound, leaves later ones, and advances the clock", "[core]") {
  Simulation sim;
  sim.schedule(10, 1, 1);
  sim.schedule(20, 1, 2);
  sim.schedule(21, 1, 3);
  Log log;
  CHECK(sim.run_until(20, log) == 2);
  CHECK(sim.now() == 20);
  CHECK(sim.pending() == 1);
  CHECK(sim.run_until(15, log) == 0);  // a bound in the past changes nothing
  CHECK(sim.now() == 20);
  CHECK(sim.run_until(1000, log) == 1);
  CHECK(sim.now() == 1000);
  CHECK(log.seen.back().second == 3);
}

TEST_CASE("the trace hook sees every dispatched event and no cancelled one", "[core]") {
  Simulation sim;
  std::vector<std::uint32_t> traced;
  sim.set_trace([](void* ctx, const Event& e) { static_cast<std::vector<std::uint32_t>*>(ctx)->push_back(e.a); }, &traced);
  const Slot s = sim.new_slot();
  sim.schedule(1, 1, 7);
  sim.schedule(s, 2, 1, 8);
  sim.schedule(3, 1, 9);
  sim.cancel(s);
  sim.run_until(10, [](const Event&) {});
  CHECK(traced == std::vector<std::uint32_t>{7, 9});
}

TEST_CASE("time helpers", "[core]") {
  CHECK(day_of(kDay - 1) == 0);
  CHECK(day_of(kDay) == 1);
  CHECK(day_of(-1) == -1);
  CHECK(week_of(kWeek) == 1);
  CHECK(day_of_week(0) == 0);
  CHECK(day_of_week(5 * kDay + 3) == 5);
  CHECK(is_weekend(6 * kDay));
  CHECK_FALSE(is_weekend(4 * kDay));
  const WorkingHours wh{9, 17};
  CHECK(wh.contains(9 * kHour));
  CHECK_FALSE(wh.contains(17 * kHour));
  CHECK_FALSE(wh.contains(5 * kDay + 10 * kHour));  // Saturday
  CHECK(wh.next_open(8 * kHour) == 9 * kHour);
  CHECK(wh.next_open(18 * kHour) == kDay + 9 * kHour);
  CHECK(wh.next_open(4 * kDay + 18 * kHour) == kWeek + 9 * kHour);  // Friday evening → Monday
}
