#include <catch2/catch.hpp>

#include "linksim/graph/stats.hpp"
#include "world_fixture.hpp"

using namespace linksim::graph;

TEST_CASE("statistics of a small hand-built graph", "[graph]") {
  // A triangle 0-1-2 with a tail 2-3, plus an isolated pair 4-5.
  const World w = testing::small_world(6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}});
  const GraphStats s = compute_stats(w);
  CHECK(s.members == 6);
  CHECK(s.edges == 5);
  CHECK(s.triangles == 1);
  // local clustering: 1, 1, 1/3, 0, 0, 0 -> average 7/18 (networkx: 0.3888...)
  CHECK(s.average_clustering == Approx(7.0 / 18.0));
  CHECK(s.median_clustering == Approx(1.0));  // over members with degree >= 2: {1, 1, 1/3}
  CHECK(s.transitivity == Approx(3.0 / 5.0));  // 3 triangles-corners / (1 + 1 + 3) triples
  CHECK(s.giant_component_share == Approx(4.0 / 6.0));
  CHECK(s.components == 2);
  CHECK(s.degree_min == 1);
  CHECK(s.degree_max == 3);
  CHECK(s.intra_industry_share == Approx(1.0));
  // networkx.degree_assortativity_coefficient on this graph: 0 (to rounding)
  CHECK(s.assortativity == Approx(0.0).margin(1e-9));
  std::uint64_t binned = 0;
  for (const auto& b : s.degree_histogram) binned += b.count;
  CHECK(binned == 6);
  const auto j = to_json(s);
  CHECK(j.at("edges") == 5);
  CHECK(j.at("clustering").at("average").get<double>() == Approx(7.0 / 18.0));
  CHECK(j.at("degree").at("histogram").size() == s.degree_histogram.size());
}

TEST_CASE("triangle counts do not depend on the thread count", "[graph]") {
  const World& w = testing::big_world();
  CHECK(triangles_per_member(w, 1) == triangles_per_member(w, 2));
}
