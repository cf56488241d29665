// Senders' own networks (experiment/sender_network.hpp): counts drawn per cohort, members placed
// by degree, and a sender's network that does not change with the world's size.
#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include <catch2/catch.hpp>

#include "experiment_fixture.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/sender_network.hpp"
#include "linksim/graph/world.hpp"

using namespace linksim;

namespace {

graph::World world_of(std::uint32_t members, std::uint64_t seed = 3) {
  const auto s = config::default_scenario({.patches = {{{"world", {{"members", members}}}}}});
  return graph::generate_world(graph::graph_params_from_json(s.arms.at(0).config.at("world"), "/world"), seed, 0, 1);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

}  // namespace

TEST_CASE("a count distribution is a clipped, rounded lognormal", "[sender_network]") {
  core::Rng rng = core::make_rng(7, 0, core::Purpose::kTest, 1);
  const experiment::CountDistribution fixed{250, 0.0, 20, 30000};
  for (int i = 0; i < 100; ++i) CHECK(fixed.draw(rng) == 250u);
  const experiment::CountDistribution clip{250, 0.0, 20, 100};
  CHECK(clip.draw(rng) == 100u);
  // 40,000 draws: the sample median of log counts has sd sigma * 1.25 / sqrt(n) = 0.0044; the
  // sample sd of logs has sd sigma / sqrt(2n) = 0.0025. Bounds are 5 sd wide.
  const experiment::CountDistribution d{250, 0.7, 1, 10000000};
  std::vector<double> logs;
  for (int i = 0; i < 40000; ++i) logs.push_back(std::log(static_cast<double>(d.draw(rng))));
  CHECK(median(logs) == Approx(std::log(250.0)).margin(0.022));
  double mean = 0, sq = 0;
  for (double x : logs) mean += x;
  mean /= static_cast<double>(logs.size());
  for (double x : logs) sq += (x - mean) * (x - mean);
  CHECK(std::sqrt(sq / static_cast<double>(logs.size() - 1)) == Approx(0.7).margin(0.0125));
}

TEST_CASE("the degree index gives each member once, of the nearest degree", "[sender_network]") {
  const graph::World w = world_of(3000);
  const auto n = w.num_members();
  std::uint32_t count_50 = 0, max_degree = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    count_50 += w.degree(v) == 50 ? 1 : 0;
    max_degree = std::max(max_degree, w.degree(v));
  }
  REQUIRE(count_50 >= 2);
  experiment::DegreeIndex index(w);
  core::Rng rng = core::make_rng(1, 0, core::Purpose::kTest, 2);
  std::set<std::uint32_t> seen;
  // Every member of degree 50 first, then the nearest degrees (49 or 51, then 48 or 52, ...).
  for (std::uint32_t k = 0; k < count_50; ++k) {
    const auto m = index.take(50, rng);
    CHECK(w.degree(m) == 50u);
    CHECK(seen.insert(m).second);
  }
  std::uint32_t last_gap = 0;
  for (int k = 0; k < 200; ++k) {
    const auto m = index.take(50, rng);
    REQUIRE(m < n);
    CHECK(seen.insert(m).second);
    const std::uint32_t gap = w.degree(m) > 50 ? w.degree(m) - 50 : 50 - w.degree(m);
    CHECK(gap >= 1);
    CHECK(gap >= last_gap);  // never a farther degree while a nearer one is free
    last_gap = gap;
  }
  // Above the largest degree: the largest free one.
  const auto top = index.take(max_degree + 1000, rng);
  CHECK(w.degree(top) == max_degree);
  // Every member once, then none.
  while (seen.size() < n - 1) REQUIRE(seen.insert(index.take(core::uniform_below(rng, 300), rng)).second);
  CHECK(index.take(50, rng) == n);
}

TEST_CASE("senders' networks do not depend on the world's size", "[sender_network][integration]") {
  // 300 focal senders with the default network (median 250 connections) in worlds of 25k and
  // 100k members: the median sender degree is the cohort's (the sample median of 300 lognormal
  // draws with sigma 0.7 has sd 0.05 on the log scale: bounds +-15% are 2.8 sd), whatever the
  // size. Before this, senders were random members: median 69 at 20k, 50 at 100k.
  const auto s = config::default_scenario({.patches = {{{"senders", {{"focal", {{"count", 300}}}}}}}});
  const auto plan = experiment::build_arm_plan(s, 0);
  for (const std::uint32_t members : {25000u, 100000u}) {
    const graph::World w = world_of(members);
    const auto seats = experiment::place_senders(w, plan, s.seed, 0);
    REQUIRE(seats.size() == 300);
    std::vector<double> degrees, followers;
    std::set<std::uint32_t> distinct;
    for (const auto& seat : seats) {
      degrees.push_back(w.degree(seat.member));
      followers.push_back(seat.followers);
      distinct.insert(seat.member);
    }
    INFO(members << " members");
    CHECK(distinct.size() == seats.size());
    CHECK(median(degrees) == Approx(250).epsilon(0.15));
    CHECK(median(followers) == Approx(20).epsilon(0.25));
  }
}

TEST_CASE("more senders than members is an input error naming world.members", "[sender_network]") {
  const auto s = config::default_scenario(
      {.patches = {{{"world", {{"members", 50}, {"graph", {{"mean_degree", 10}}}}}, {"senders", {{"focal", {{"count", 60}}}}}}}});
  try {
    (void)experiment::build_arm_plans(s);
    FAIL("no error");
  } catch (const config::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("/world/members") && Catch::Contains("at least as many members as senders (60)"));
  }
}
