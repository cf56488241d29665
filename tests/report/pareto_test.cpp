// The Pareto front the report marks on the policy trade-off chart.
#include "linksim/report/pareto.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using linksim::metrics::Better;
using linksim::report::pareto_front;
using Points = std::vector<std::vector<double>>;
using Front = std::vector<std::size_t>;

namespace {
constexpr Better kBothLower[] = {Better::kLower, Better::kLower};
}  // namespace

TEST_CASE("pareto_front keeps the points nothing beats on both objectives", "[report][pareto]") {
  // (false-positive rate, spam delivered), both lower is better.
  const Points p = {{0.01, 900}, {0.02, 500}, {0.03, 600}, {0.00, 1000}, {0.05, 100}, {0.04, 100}};
  // 2 is beaten by 1 (0.02 < 0.03, 500 < 600); 4 by 5 (same spam, lower rate).
  CHECK(pareto_front(p, kBothLower) == Front{0, 1, 3, 5});
}

TEST_CASE("pareto_front: ties on one objective and duplicates", "[report][pareto]") {
  SECTION("equal on one objective, better on the other: the better one dominates") {
    CHECK(pareto_front(Points{{0.1, 5}, {0.1, 4}}, kBothLower) == Front{1});
    CHECK(pareto_front(Points{{0.2, 4}, {0.1, 4}}, kBothLower) == Front{1});
  }
  SECTION("duplicates do not dominate each other") {
    CHECK(pareto_front(Points{{0.1, 4}, {0.1, 4}, {0.3, 9}}, kBothLower) == Front{0, 1});
    // Dominated duplicates go together.
    CHECK(pareto_front(Points{{0.3, 9}, {0.1, 4}, {0.3, 9}}, kBothLower) == Front{1});
  }
  SECTION("every point the same: all on the front") {
    CHECK(pareto_front(Points{{0, 0}, {0, 0}, {0, 0}}, kBothLower) == Front{0, 1, 2});
  }
}

TEST_CASE("pareto_front: single, empty and non-finite inputs", "[report][pareto]") {
  CHECK(pareto_front(Points{{0.5, 7}}, kBothLower) == Front{0});
  CHECK(pareto_front(Points{}, kBothLower).empty());
  const double nan = std::nan("");
  const double inf = std::numeric_limits<double>::infinity();
  // A NaN point is left out and beats nothing; (-inf) would otherwise dominate everything.
  CHECK(pareto_front(Points{{nan, 0}, {0.2, 3}, {0.1, 9}}, kBothLower) == Front{1, 2});
  CHECK(pareto_front(Points{{-inf, 0}, {0.2, 3}}, kBothLower) == Front{1});
  CHECK(pareto_front(Points{{nan, nan}}, kBothLower).empty());
}

TEST_CASE("pareto_front follows each objective's direction", "[report][pareto]") {
  // (spammer recall: higher is better, false-positive rate: lower is better)
  const Better goals[] = {Better::kHigher, Better::kLower};
  const Points p = {{0.9, 0.05}, {0.5, 0.01}, {0.8, 0.06}, {0.9, 0.04}};
  // 0 is beaten by 3 (same recall, fewer false positives); 2 by 0 and 3.
  CHECK(pareto_front(p, goals) == Front{1, 3});
  // One objective: the best value, every point tied at it.
  const Better one[] = {Better::kHigher};
  CHECK(pareto_front(Points{{3}, {5}, {5}, {1}}, one) == Front{1, 2});
}

TEST_CASE("pareto_front rejects objectives without a direction and ragged points", "[report][pareto]") {
  const Better neutral[] = {Better::kLower, Better::kNeutral};
  CHECK_THROWS_AS(pareto_front(Points{{1, 2}}, neutral), std::invalid_argument);
  CHECK_THROWS_AS(pareto_front(Points{{1, 2}, {1}}, kBothLower), std::invalid_argument);
}
