#include <catch2/catch.hpp>

#include "linksim/graph/alias_table.hpp"

using linksim::graph::GroupedAlias;

TEST_CASE("grouped alias tables draw in proportion to weight, inside the group", "[graph]") {
  // Two groups: ids {3, 0, 2} with weights 1, 0, 3 and ids {1, 4} with weights 5, 5.
  const std::vector<std::uint32_t> order = {3, 0, 2, 1, 4};
  const std::vector<std::uint32_t> weight = {0, 5, 3, 1, 5};
  const GroupedAlias table(order, {0, 3, 5}, weight);
  auto rng = linksim::core::make_rng(1, 0, linksim::core::Purpose::kTest);
  std::vector<double> freq(5, 0.0);
  const int draws = 200000;
  for (int i = 0; i < draws; ++i) freq[table.sample(rng, 0)] += 1.0 / draws;
  CHECK(freq[0] == 0.0);
  CHECK(freq[1] == 0.0);
  CHECK(freq[3] == Approx(0.25).margin(0.01));
  CHECK(freq[2] == Approx(0.75).margin(0.01));
  CHECK(table.total(1) == 10);
  const GroupedAlias empty(order, {0, 2, 5}, std::vector<std::uint32_t>(5, 0));
  CHECK(empty.empty(0));
  CHECK(empty.empty(1));
}
