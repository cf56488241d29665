// Open networkers (world.attributes.traits.open_networker_share): who they are in a generated
// world, and prospects drawn by a sender who targets only them (strategy.targeting.open_networkers).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "linksim/experiment/student_t.hpp"
#include "strategy/prospects.hpp"
#include "world_fixture.hpp"

using namespace linksim::graph;
using linksim::graph::testing::big_world;

namespace {

GraphParams params_with(std::uint32_t members, double share, double accept_sd = 1.0) {
  return graph_params_from_json(
      linksim::graph::testing::default_world(members, {{"attributes", {{"traits", {{"open_networker_share", share}, {"accept_sd", accept_sd}}}}}}),
      "/world");
}

std::uint32_t count_open(const World& w) {
  std::uint32_t n = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) n += w.open_networker(v) ? 1 : 0;
  return n;
}

double normal_pdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi); }

}  // namespace

TEST_CASE("open networkers: the threshold is accept_sd * Phi^-1(1 - share)", "[graph][open_networkers]") {
  for (const double sd : {0.5, 1.0, 2.5})
    for (const double share : {0.001, 0.02, 0.05, 0.2, 0.5}) {
      INFO("accept_sd " << sd << ", share " << share);
      CHECK(std::abs(open_networker_threshold(sd, share) - sd * linksim::experiment::normal_quantile(1.0 - share)) < 1e-9);
    }
  CHECK(open_networker_threshold(1.0, 0.0) == std::numeric_limits<double>::infinity());
  CHECK(open_networker_threshold(0.0, 0.0) == std::numeric_limits<double>::infinity());  // not 0 * inf
  CHECK(open_networker_threshold(0.0, 0.05) == 0.0);
  // The generated world carries it.
  const auto p = params_with(2000, 0.05, 1.5);
  CHECK(std::abs(generate_members(p, 3, 0, 1).open_networker_above - 1.5 * linksim::experiment::normal_quantile(0.95)) < 1e-9);
}

TEST_CASE("open networkers: their share of a generated world is open_networker_share, within a binomial bound", "[graph][open_networkers]") {
  const std::uint32_t n = 20000;
  const double share = 0.05;
  const World w = generate_world(params_with(n, share), 7, 0, 2);
  const double observed = static_cast<double>(count_open(w)) / n;
  INFO("observed share " << observed);
  CHECK(std::abs(observed - share) < 4.0 * std::sqrt(share * (1.0 - share) / n));
  // Exactly the members above the cut, whatever the id.
  for (std::uint32_t v = 0; v < n; v += 97) CHECK(w.open_networker(v) == (w.accept_propensity(v) > w.members().open_networker_above));
}

TEST_CASE("open networkers: share 0 or accept_sd 0 gives nobody, and no draw is added", "[graph][open_networkers]") {
  const World none = generate_world(params_with(5000, 0.0), 7, 0, 1);
  CHECK(count_open(none) == 0);
  const World flat = generate_world(params_with(5000, 0.05, 0.0), 7, 0, 1);
  CHECK(count_open(flat) == 0);  // every propensity is 0 and the cut (0) is strict
  // The share moves only the cut: members and graph are bit-identical.
  const World some = generate_world(params_with(5000, 0.05), 7, 0, 1);
  CHECK(none.members().accept_propensity == some.members().accept_propensity);
  CHECK(none.members().report_propensity == some.members().report_propensity);
  CHECK(std::equal(none.targets().begin(), none.targets().end(), some.targets().begin(), some.targets().end()));
  CHECK(count_open(some) > 0);
}

TEST_CASE("targeting open networkers: every prospect drawn qualifies, in every pool", "[graph][strategy][prospects][open_networkers]") {
  // The default world: share 0.02 of 100,000 members. Each pool is drained to the end (an ICP
  // search with precision 0.5, asked for off-profile results first).
  const World& w = big_world();
  using linksim::strategy::Pool;
  struct Case {
    Pool pool;
    bool industry;
    std::vector<int> seniority;
    double precision;
  };
  for (const Case& c : {Case{Pool::kAnyone, false, {}, 1.0}, Case{Pool::kIcp, true, {}, 0.5}, Case{Pool::kIcp, true, {1, 2}, 0.5},
                        Case{Pool::kIcp, false, {}, 0.5}, Case{Pool::kSecondDegree, false, {}, 1.0}}) {
    for (const std::uint32_t sender : {12u, 4242u, w.num_members() - 3}) {
      linksim::strategy::Targeting t;
      t.pool = c.pool;
      t.same_industry = c.industry;
      t.seniority = c.seniority;
      t.open_networkers = true;
      INFO("pool " << static_cast<int>(c.pool) << " industry " << c.industry << " seniority " << c.seniority.size() << " sender " << sender);
      linksim::strategy::PoolCache cache;
      linksim::strategy::Prospects pool(w, sender, t, c.precision, 5, SIZE_MAX, &cache);
      const std::uint64_t size = pool.pool_size();
      std::vector<char> seen(w.num_members(), 0);
      std::uint64_t n = 0, on_profile = 0;
      while (const auto v = pool.next(0.9)) {
        REQUIRE(w.open_networker(*v));
        REQUIRE(*v != sender);
        REQUIRE_FALSE(w.connected(sender, *v));
        REQUIRE(seen[*v] == 0);
        seen[*v] = 1;
        ++n;
        const int level = static_cast<int>(w.seniority(*v));
        const bool in = (!c.industry || w.industry(*v) == w.industry(sender)) &&
                        (c.seniority.empty() || std::find(c.seniority.begin(), c.seniority.end(), level) != c.seniority.end());
        on_profile += in ? 1 : 0;
      }
      CHECK(n > 0);
      if (c.pool == Pool::kSecondDegree) {
        CHECK(n == size);
        continue;
      }
      // The pool's size counts the open networkers on the profile (not the sender or a
      // connection); a search walks them all, and the off-profile open networkers too.
      std::uint64_t expected_on = 0, expected_all = 0;
      for (std::uint32_t v = 0; v < w.num_members(); ++v) {
        if (v == sender || w.connected(sender, v) || !w.open_networker(v)) continue;
        ++expected_all;
        const int level = static_cast<int>(w.seniority(v));
        expected_on += (!c.industry || w.industry(v) == w.industry(sender)) &&
                               (c.seniority.empty() || std::find(c.seniority.begin(), c.seniority.end(), level) != c.seniority.end())
                           ? 1
                           : 0;
      }
      CHECK(size == expected_on);
      CHECK(on_profile == expected_on);
      CHECK(n == (c.pool == Pool::kAnyone ? expected_on : expected_all));
    }
  }
}

TEST_CASE("targeting open networkers: prospects accept far more readily than the population", "[graph][strategy][prospects][open_networkers]") {
  // The drawn prospects are the top 2% of accept propensity: their mean is the tail mean
  // accept_sd * phi(z) / share with z = Phi^-1(0.98) (2.42 for sd 1), against about 0 for the
  // population; the check asks for a margin of 2 sd of the trait and the tail mean within 0.05.
  const World& w = big_world();
  const auto p = linksim::graph::testing::default_params(linksim::graph::testing::big_size());
  const double share = p.traits.open_networker_share, sd = p.traits.accept_sd;
  REQUIRE(share == 0.02);
  double population = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) population += w.accept_propensity(v) / w.num_members();
  linksim::strategy::Targeting t;
  t.pool = linksim::strategy::Pool::kAnyone;
  t.open_networkers = true;
  // 1,000 draws, or half the open networkers of a smaller world (400 of 20,000 under the sanitizers).
  int qualifying = 0;
  for (std::uint32_t v = 0; v < w.num_members(); ++v) qualifying += w.open_networker(v) ? 1 : 0;
  const int draws = std::min(1000, qualifying / 2);
  double drawn = 0;
  int n = 0;
  linksim::strategy::Prospects pool(w, 4242, t, 1.0, 8);
  for (; n < draws; ++n) {
    const auto v = pool.next(0.5);
    REQUIRE(v);
    drawn += w.accept_propensity(*v);
  }
  drawn /= n;
  const double z = linksim::experiment::normal_quantile(1.0 - share);
  INFO("population mean " << population << ", drawn mean " << drawn << ", tail mean " << sd * normal_pdf(z) / share);
  CHECK(drawn > population + 2.0 * sd);
  CHECK(drawn == Approx(sd * normal_pdf(z) / share).margin(0.05));
  // Without the option the same walk draws the population.
  t.open_networkers = false;
  linksim::strategy::Prospects anyone(w, 4242, t, 1.0, 8);
  double plain = 0;
  for (int i = 0; i < 1000; ++i) plain += w.accept_propensity(*anyone.next(0.5)) / 1000;
  CHECK(std::abs(plain - population) < 0.15);  // 1000 draws of sd 1: 4.7 standard errors
}

TEST_CASE("targeting open networkers: pools and profile counts are cached apart from the unfiltered ones", "[graph][strategy][prospects][open_networkers]") {
  const World& w = big_world();
  linksim::strategy::Targeting t;
  t.pool = linksim::strategy::Pool::kSecondDegree;
  auto drain = [](linksim::strategy::Prospects& p) {
    std::vector<std::uint32_t> got;
    while (const auto v = p.next(0.5)) got.push_back(*v);
    return got;
  };
  linksim::strategy::PoolCache cache;
  linksim::strategy::Prospects all(w, 4242, t, 1.0, 1, SIZE_MAX, &cache);
  const auto everyone = drain(all);
  t.open_networkers = true;
  linksim::strategy::Prospects open(w, 4242, t, 1.0, 1, SIZE_MAX, &cache);
  const auto open_only = drain(open);
  CHECK(cache.size() == 2);  // not the unfiltered pool found under the same member
  // The filtered pool is the unfiltered one without the members who do not advertise it, in order.
  std::vector<std::uint32_t> expected;
  std::copy_if(everyone.begin(), everyone.end(), std::back_inserter(expected), [&](std::uint32_t v) { return w.open_networker(v); });
  REQUIRE(!expected.empty());
  CHECK(open_only == expected);
  // ICP profile counts: industry alone (the id range) and the same with open networkers only.
  t = {};
  t.pool = linksim::strategy::Pool::kIcp;
  t.same_industry = true;
  linksim::strategy::Prospects range(w, 4242, t, 1.0, 1, SIZE_MAX, &cache);
  t.open_networkers = true;
  linksim::strategy::Prospects range_open(w, 4242, t, 1.0, 1, SIZE_MAX, &cache);
  const auto a = range.pool_size(), b = range_open.pool_size();
  CHECK(b > 0);
  CHECK(b * 10 < a);
}
