// The keyed permutation visits every index exactly once and depends on its key.
#include <catch2/catch.hpp>

#include <vector>

#include "linksim/strategy/permutation.hpp"

using linksim::strategy::Permutation;

TEST_CASE("a permutation of [0, n) is a bijection", "[strategy]") {
  const auto n = GENERATE(1u, 2u, 3u, 7u, 64u, 1000u, 65537u);
  const Permutation p(n, 42);
  std::vector<char> seen(n, 0);
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto v = p(i);
    REQUIRE(v < n);
    REQUIRE(seen[v] == 0);
    seen[v] = 1;
  }
}

TEST_CASE("different keys give different orders, the same key the same order", "[strategy]") {
  const Permutation a(10000, 1), b(10000, 2), c(10000, 1);
  int same_ab = 0;
  for (std::uint64_t i = 0; i < 10000; ++i) {
    same_ab += a(i) == b(i);
    REQUIRE(a(i) == c(i));
  }
  CHECK(same_ab < 20);  // about 1 expected by chance
}
