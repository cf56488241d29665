// The default world against the graph targets of docs/graph.md (Leskovec et al. 2008, Ugander et al. 2011). Sizes: 100k members (20k when
// LINKSIM_SLOW_TESTS=0); the tolerances below hold at both sizes with margin.
#include <catch2/catch.hpp>

#include <algorithm>

#include "linksim/graph/stats.hpp"
#include "world_fixture.hpp"

using namespace linksim::graph;
using linksim::graph::testing::big_world;
using linksim::graph::testing::default_params;
using linksim::graph::testing::world_hash;

namespace {

const GraphStats& big_stats() {
  static const GraphStats s = compute_stats(big_world());
  return s;
}

// Rows strictly ascending (no duplicates), no self-loops, every arc has its reverse.
void check_simple_symmetric(const World& w) {
  std::uint64_t bad = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) {
    const auto row = w.neighbours(v);
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (row[k] == v || (k > 0 && row[k] <= row[k - 1])) ++bad;
      const auto back = w.neighbours(row[k]);
      if (!std::binary_search(back.begin(), back.end(), v)) ++bad;
    }
  }
  CHECK(bad == 0);
}

}  // namespace

TEST_CASE("default world: simple undirected graph", "[graph]") {
  check_simple_symmetric(big_world());
  CHECK(big_world().num_members() == testing::big_size());
}

TEST_CASE("default world: heavy-tailed degrees under the cap", "[graph]") {
  const auto& s = big_stats();
  INFO(to_json(s).dump());
  CHECK(s.degree_max <= 30000);
  CHECK(s.degree_min >= 1);
  CHECK(s.degree_median < 0.75 * s.degree_mean);  // median well below mean
  CHECK(s.degree_mean == Approx(100.0).epsilon(0.08));  // target 100, minus duplicate draws
  CHECK(s.degree_p99 > 4 * s.degree_mean);
}

TEST_CASE("default world: clustering, assortativity, homophily, one giant component", "[graph]") {
  const auto& s = big_stats();
  const auto p = default_params(testing::big_size());
  INFO(to_json(s).dump());
  CHECK(s.median_clustering >= 0.1);  // Ugander et al. 2011: ~0.1-0.2 (Facebook median 0.14)
  CHECK(s.median_clustering <= 0.3);
  CHECK(s.assortativity > 0.0);
  CHECK(s.giant_component_share > 0.99);
  CHECK(std::abs(s.intra_industry_share - p.edges.industry_homophily) <= 0.05);
  CHECK(std::abs(s.intra_region_share - p.edges.region_homophily) <= 0.05);
}

TEST_CASE("the degree cap holds when it binds", "[graph]") {
  auto p = default_params(5000);
  p.edges.mean_degree = 12;
  p.edges.max_degree = 20;
  const World w = generate_world(p, 7, 0);
  std::uint32_t max = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) max = std::max(max, w.degree(v));
  CHECK(max <= 20);
  CHECK(max == 20);  // lognormal tail wants more, so the cap binds
  check_simple_symmetric(w);
  CHECK(compute_stats(w).giant_component_share > 0.99);
}

TEST_CASE("the cap is members - 1 in a tiny world", "[graph]") {
  const auto p = graph_params_from_json(testing::default_world(30, {{"graph", {{"mean_degree", 20}}}}), "/world");
  const World w = generate_world(p, 3, 0);
  for (std::uint32_t v = 0; v < w.num_members(); ++v) CHECK(w.degree(v) <= 29);
  check_simple_symmetric(w);
}

TEST_CASE("power-law degrees", "[graph]") {
  auto p = default_params(20000);
  p.edges.degree_distribution = "power_law";
  p.edges.power_law_exponent = 2.5;
  const World w = generate_world(p, 5, 0);
  const auto s = compute_stats(w);
  INFO(to_json(s).dump());
  CHECK(s.degree_median < 0.75 * s.degree_mean);
  CHECK(s.giant_component_share > 0.99);
  check_simple_symmetric(w);
}

TEST_CASE("same seed, same world, whatever the thread count, and other seeds differ", "[graph]") {
  const auto p = default_params(20000);
  const auto h1 = world_hash(generate_world(p, 11, 0, 1));
  CHECK(world_hash(generate_world(p, 11, 0, 2)) == h1);
  CHECK(world_hash(generate_world(p, 11, 0, 3)) == h1);
  CHECK(world_hash(generate_world(p, 12, 0, 2)) != h1);
  CHECK(world_hash(generate_world(p, 11, 1, 2)) != h1);  // replications differ too
}

TEST_CASE("member attributes follow their shares", "[graph]") {
  const auto& w = big_world();
  const auto p = default_params(testing::big_size());
  const double n = w.num_members();
  std::vector<double> industry(p.industries.size()), email(3);
  double dormant = 0, creators = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) {
    industry[w.industry(v)] += 1 / n;
    email[static_cast<int>(w.email(v))] += 1 / n;
    dormant += (w.activity(v) <= p.activity.dormant_probability) / n;
    creators += w.creator(v) / n;
    REQUIRE(w.activity(v) >= 0.0);
    REQUIRE(w.activity(v) <= 1.0);
  }
  for (std::size_t i = 0; i < industry.size(); ++i) CHECK(industry[i] == Approx(p.industries[i].share).margin(0.01));
  for (int i = 0; i < 3; ++i) CHECK(email[i] == Approx(p.traits.email[i]).margin(0.01));
  CHECK(dormant == Approx(p.activity.dormant_share).margin(0.02));
  CHECK(creators == Approx(p.traits.creator_share).margin(0.01));
}
