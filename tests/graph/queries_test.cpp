#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "linksim/core/rng.hpp"
#include "linksim/graph/member_filter.hpp"
#include "linksim/graph/neighbour_marks.hpp"
#include "strategy/prospects.hpp"
#include "world_fixture.hpp"

using namespace linksim::graph;
using linksim::graph::testing::big_world;

namespace {

std::uint32_t brute_mutual(const World& w, std::uint32_t a, std::uint32_t b) {
  const auto x = w.neighbours(a), y = w.neighbours(b);
  std::vector<std::uint32_t> both;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
  return static_cast<std::uint32_t>(both.size());
}

}  // namespace

TEST_CASE("build_csr drops duplicates and self-loops and sorts rows", "[graph]") {
  const World w = testing::small_world(4, {{0, 1}, {1, 0}, {0, 1}, {2, 2}, {3, 0}, {1, 2}});
  CHECK(w.num_edges() == 3);
  CHECK(std::vector<std::uint32_t>(w.neighbours(0).begin(), w.neighbours(0).end()) == std::vector<std::uint32_t>{1, 3});
  CHECK(w.degree(2) == 1);
  CHECK(w.connected(0, 3));
  CHECK(w.connected(3, 0));
  CHECK_FALSE(w.connected(2, 3));
}

TEST_CASE("build_csr matches a reference, for packed (n <= 2^20) and pair arcs, any thread count", "[graph]") {
  for (const std::uint32_t n : {1000u, 1u << 20, (1u << 20) + 1, 3000000u}) {
    auto rng = linksim::core::make_rng(5, n, linksim::core::Purpose::kTest);
    std::vector<Edge> edges;
    for (int i = 0; i < 20000; ++i) {
      // Clustered ids (like community-ordered ones) plus a few far ends, duplicates, self-loops.
      const std::uint32_t u = linksim::core::uniform_below(rng, n);
      std::uint32_t v = i % 5 == 0 ? linksim::core::uniform_below(rng, n) : std::min(n - 1, u + linksim::core::uniform_below(rng, 50));
      if (i % 97 == 0) v = u;
      edges.push_back({u, v});
      if (i % 13 == 0) edges.push_back({v, u});
    }
    std::vector<std::vector<std::uint32_t>> expected(n);
    for (const Edge& e : edges)
      if (e.u != e.v) {
        expected[e.u].push_back(e.v);
        expected[e.v].push_back(e.u);
      }
    std::size_t arcs = 0;
    for (auto& row : expected) {
      std::sort(row.begin(), row.end());
      row.erase(std::unique(row.begin(), row.end()), row.end());
      arcs += row.size();
    }
    for (unsigned threads : {1u, 2u, 3u}) {
      const Csr g = build_csr(std::vector<Edge>(edges), n, 1000, threads);
      REQUIRE(g.m_forward.m_rowstart.size() == n + 1u);
      REQUIRE(g.m_forward.m_column.size() == arcs);
      bool same = true;
      for (std::uint32_t v = 0; v < n && same; ++v) {
        const auto* b = g.m_forward.m_column.data() + g.m_forward.m_rowstart[v];
        same = std::equal(b, b + (g.m_forward.m_rowstart[v + 1] - g.m_forward.m_rowstart[v]), expected[v].begin(), expected[v].end());
      }
      CHECK(same);
      CHECK(boost::num_edges(g) == arcs);  // a genuine Boost CSR graph
    }
  }
}

TEST_CASE("mutual-connection counts from the neighbour bitmap match row intersections", "[graph]") {
  const World& w = big_world();
  NeighbourMarks marks(w);
  for (std::uint32_t sender : {0u, 17u, 999u, w.num_members() - 1}) {
    marks.mark(sender);
    CHECK(marks.sender() == sender);
    for (std::uint32_t v = 0; v < 2000; v += 7) CHECK(marks.mutual_count(v) == brute_mutual(w, sender, v));
    for (std::uint32_t u : w.neighbours(sender)) CHECK(marks.is_neighbour(u));
  }
  marks.mark(5);  // the previous sender's marks are gone
  std::uint32_t marked = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) marked += marks.is_neighbour(v);
  CHECK(marked == w.degree(5));
  CHECK_THROWS_AS(marks.mark(w.num_members()), std::out_of_range);
}

TEST_CASE("second-degree pool lists exactly the members two steps away, with mutual counts", "[graph]") {
  const World& w = big_world();
  SecondDegreePool pool(w);
  for (std::uint32_t sender : {3u, 4242u}) {
    std::map<std::uint32_t, std::uint32_t> expected;
    for (std::uint32_t u : w.neighbours(sender))
      for (std::uint32_t x : w.neighbours(u))
        if (x != sender && !w.connected(sender, x)) ++expected[x];
    const auto& got = pool.collect(sender);
    REQUIRE(got.size() == expected.size());
    auto it = expected.begin();
    for (const auto& s : got) {
      CHECK(s.member == it->first);
      CHECK(s.mutual == it->second);
      ++it;
    }
  }
}

TEST_CASE("members_where filters by attributes", "[graph]") {
  const World& w = big_world();
  MemberFilter f;
  f.industries = {0};
  f.seniorities = {Seniority::kDirector, Seniority::kVp};
  f.min_activity = 0.1;
  const auto hits = members_where(w, f);
  CHECK(!hits.empty());
  CHECK(std::is_sorted(hits.begin(), hits.end()));
  std::size_t expected = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v)
    expected += w.industry(v) == 0 && (w.seniority(v) == Seniority::kDirector || w.seniority(v) == Seniority::kVp) &&
                w.activity(v) >= 0.1;
  CHECK(hits.size() == expected);
  const auto row = w.neighbours(0);
  for (std::uint32_t v : members_where(w, f, row)) CHECK(f.matches(w, v));
  CHECK(members_where(w, MemberFilter{}).size() == w.num_members());
}

TEST_CASE("a sender's Bloom-filtered neighbour set counts mutual connections exactly", "[graph][strategy]") {
  // strategy::NeighbourSet (the event loop's per-sender mutual counts) against the row
  // intersection and strategy::mutual_count (the merge it replaced), hubs included.
  const World& w = big_world();
  std::uint32_t hub = 0;
  for (std::uint32_t u = 0; u < w.num_members(); ++u)
    if (w.degree(u) > w.degree(hub)) hub = u;
  for (std::uint32_t sender : {0u, 17u, 999u, hub, w.num_members() - 1}) {
    const linksim::strategy::NeighbourSet set(w, sender);
    for (std::uint32_t v = 0; v < 2000; v += 7) {
      const auto expected = brute_mutual(w, sender, v);
      CHECK(set.mutual_count(w, v) == expected);
      CHECK(linksim::strategy::mutual_count(w, sender, v) == expected);
    }
    for (std::uint32_t u : w.neighbours(sender)) CHECK(set.contains(u));
    std::uint32_t outside = 0;
    for (std::uint32_t v = 0; v < 2000; ++v) outside += (!set.contains(v) ? 1u : 0u);
    CHECK(outside + std::count_if(w.neighbours(sender).begin(), w.neighbours(sender).end(),
                                  [](std::uint32_t u) { return u < 2000; }) == 2000);
  }
}

TEST_CASE("a second-degree prospect pool comes most mutual connections first, ties by id, cut at the limit", "[graph][strategy]") {
  // Prospects::build_second_degree against a brute-force count over every neighbour's row,
  // ordered and cut exactly (the histogram cut included), with and without a seniority filter,
  // in a world of one partition of 2^17 ids (counted in place) and one of three (partitioned).
  static const World three = generate_world(testing::default_params((1u << 18) + 5000), 2, 0);
  const std::vector<std::vector<int>> filters = {{}, {1, 3}};
  for (const World* world : {&big_world(), &three}) {
    const World& w = *world;
    std::uint32_t hub = 0;
    for (std::uint32_t u = 0; u < w.num_members(); ++u)
      if (w.degree(u) > w.degree(hub)) hub = u;
    for (const auto& seniority : filters) {
      linksim::strategy::Targeting t;
      t.pool = linksim::strategy::Pool::kSecondDegree;
      t.seniority = seniority;
      for (const std::uint32_t sender : {3u, 4242u, hub, w.num_members() - 1}) {
        std::map<std::uint32_t, std::uint32_t> counts;
        for (const std::uint32_t u : w.neighbours(sender))
          for (const std::uint32_t x : w.neighbours(u)) {
            const int level = static_cast<int>(w.seniority(x));
            const bool wanted = seniority.empty() || std::find(seniority.begin(), seniority.end(), level) != seniority.end();
            if (x != sender && !w.connected(sender, x) && wanted) ++counts[x];
          }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> expected(counts.begin(), counts.end());
        std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (const std::size_t limit : {std::size_t{40}, std::size_t{1000}, SIZE_MAX}) {
          INFO(w.num_members() << " members, sender " << sender << ", limit " << limit << ", filter of " << seniority.size());
          linksim::strategy::Prospects pool(w, sender, t, 1.0, 99, limit);
          std::vector<std::pair<std::uint32_t, std::uint32_t>> got;
          while (const auto v = pool.next(0.5)) got.emplace_back(*v, pool.mutual_count(*v));
          const std::size_t n = std::min(limit, expected.size());
          REQUIRE(got.size() == n);
          CHECK(std::equal(got.begin(), got.end(), expected.begin()));
        }
      }
    }
  }
}

TEST_CASE("Prospects::mutual_count is exact for members two steps away and for strangers", "[graph][strategy]") {
  // Every answer is checked against the brute-force intersection, for an ordinary sender and the
  // largest hub; the members asked about are two steps away (positives) and uniform strangers.
  const World& w = big_world();
  std::uint32_t hub = 0;
  for (std::uint32_t u = 0; u < w.num_members(); ++u)
    if (w.degree(u) > w.degree(hub)) hub = u;
  linksim::strategy::Targeting t;
  t.pool = linksim::strategy::Pool::kAnyone;
  for (const std::uint32_t sender : {5u, hub}) {
    INFO("sender " << sender);
    linksim::strategy::Prospects prospects(w, sender, t, 1.0, 3);
    auto rng = linksim::core::make_rng(11, sender, linksim::core::Purpose::kTest);
    std::vector<std::uint32_t> asked;
    for (const std::uint32_t u : w.neighbours(sender))
      if (linksim::core::uniform_below(rng, 8) == 0)
        for (const std::uint32_t x : w.neighbours(u)) asked.push_back(x);  // two steps away
    for (int i = 0; i < 5000; ++i) asked.push_back(linksim::core::uniform_below(rng, w.num_members()));
    std::uint64_t positive = 0;
    for (const std::uint32_t v : asked) {
      const auto got = prospects.mutual_count(v);
      REQUIRE(got == brute_mutual(w, sender, v));
      positive += got > 0 ? 1 : 0;
    }
    CHECK(positive > 0);
    // A search result is a stranger to the response models, whatever the graph says.
    CHECK(prospects.mutual_seen(asked.front()) == 0);
  }
}

TEST_CASE("an ICP search walks every off-profile member, then every on-profile member, once each", "[graph][strategy]") {
  // Prospects::next on an ICP pool, drawn with rng_u above the precision (an off-profile result)
  // until the pool is exhausted: first every member outside the profile, then every member in it,
  // never the sender or a connection, never twice. Checked against the members' attributes for
  // industry, industry and region, industry and seniority, and region alone.
  const World& w = big_world();
  struct Case {
    bool industry, region;
    std::vector<int> seniority;
  };
  for (const Case& c : {Case{true, false, {}}, Case{true, true, {}}, Case{true, false, {1, 3}}, Case{false, true, {}}}) {
    linksim::strategy::Targeting t;
    t.pool = linksim::strategy::Pool::kIcp;
    t.same_industry = c.industry;
    t.same_region = c.region;
    t.seniority = c.seniority;
    for (const std::uint32_t sender : {12u, w.num_members() / 2, w.num_members() - 3}) {
      INFO("sender " << sender << " industry " << c.industry << " region " << c.region << " seniority " << c.seniority.size());
      auto in_profile = [&](std::uint32_t v) {
        if (c.industry && w.industry(v) != w.industry(sender)) return false;
        if (c.region && w.region(v) != w.region(sender)) return false;
        const int level = static_cast<int>(w.seniority(v));
        return c.seniority.empty() || std::find(c.seniority.begin(), c.seniority.end(), level) != c.seniority.end();
      };
      linksim::strategy::Prospects pool(w, sender, t, 0.5, 21);
      std::vector<char> seen(w.num_members(), 0);
      bool on_profile_started = false;
      std::size_t n = 0, on = 0;
      while (const auto v = pool.next(0.9)) {
        REQUIRE(*v != sender);
        REQUIRE_FALSE(w.connected(sender, *v));
        REQUIRE(seen[*v] == 0);
        seen[*v] = 1;
        const bool in = in_profile(*v);
        if (in) on_profile_started = true;
        REQUIRE(in == on_profile_started);  // off-profile results first, then on-profile ones
        ++n;
        on += in ? 1 : 0;
      }
      std::size_t expected_on = 0;
      for (std::uint32_t v = 0; v < w.num_members(); ++v)
        expected_on += (v != sender && !w.connected(sender, v) && in_profile(v)) ? 1 : 0;
      CHECK(n == w.num_members() - 1 - w.degree(sender));
      CHECK(on == expected_on);
      CHECK(on > 0);
    }
  }
}

TEST_CASE("arms on one world share second-degree pools through a PoolCache, keyed by member, targeting and limit", "[graph][strategy]") {
  const World& w = big_world();
  linksim::strategy::Targeting t;
  t.pool = linksim::strategy::Pool::kSecondDegree;
  t.min_mutual = 2;
  auto drain = [](linksim::strategy::Prospects& p) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> got;
    while (const auto v = p.next(0.5)) got.emplace_back(*v, p.mutual_count(*v));
    return got;
  };
  linksim::strategy::PoolCache cache;
  linksim::strategy::Prospects alone(w, 4242, t, 1.0, 1, 300);
  linksim::strategy::Prospects first(w, 4242, t, 1.0, 1, 300, &cache);
  linksim::strategy::Prospects second(w, 4242, t, 1.0, 2, 300, &cache);
  const auto expected = drain(alone);
  REQUIRE(expected.size() > 10);
  CHECK(drain(first) == expected);
  CHECK(cache.size() == 1);
  CHECK(drain(second) == expected);
  CHECK(cache.size() == 1);  // found, not built again
  // Another limit, another seniority filter or another minimum is another pool.
  linksim::strategy::Prospects shorter(w, 4242, t, 1.0, 1, 40, &cache);
  CHECK(drain(shorter) == std::vector(expected.begin(), expected.begin() + 40));
  t.seniority = {0, 2};
  linksim::strategy::Prospects filtered(w, 4242, t, 1.0, 1, 300, &cache);
  (void)drain(filtered);
  t.seniority = {};
  t.min_mutual = 3;
  linksim::strategy::Prospects stricter(w, 4242, t, 1.0, 1, 300, &cache);
  (void)drain(stricter);
  CHECK(cache.size() == 4);
  // A pool stored under a key is what a sender with that key gets (the cache is really read).
  cache.insert({17, 3, 0, 300}, std::make_shared<linksim::strategy::SecondDegreePool>(
                                    linksim::strategy::SecondDegreePool{{5, 6, 7}, {9, 8, 7}}));
  linksim::strategy::Prospects planted(w, 17, t, 1.0, 1, 300, &cache);
  std::vector<std::uint32_t> order;
  while (const auto v = planted.next(0.5)) order.push_back(*v);
  std::vector<std::uint32_t> unconnected;
  for (const std::uint32_t v : {5u, 6u, 7u})
    if (!w.connected(17, v)) unconnected.push_back(v);
  CHECK(order == unconnected);
}
