// The flat pair map used by per-pair rules agrees with std::unordered_map on random operations.
#include <catch2/catch.hpp>

#include <unordered_map>

#include "linksim/platform/pair_map.hpp"
#include "oracle.hpp"

using linksim::platform::PairMap;

TEST_CASE("PairMap agrees with std::unordered_map on random set / erase / find", "[platform][property]") {
  for (int seed = 0; seed < linksim::test::streams(20); ++seed) {
    auto rng = linksim::core::make_rng(31, static_cast<std::uint64_t>(seed), linksim::core::Purpose::kTest);
    PairMap map;
    std::unordered_map<std::uint64_t, linksim::core::Time> ref;
    const std::uint32_t keys = 1 + linksim::core::uniform_below(rng, 3000);
    for (int i = 0; i < 20000; ++i) {
      const auto k = PairMap::key(linksim::core::uniform_below(rng, 4), linksim::core::uniform_below(rng, keys));
      const std::uint32_t op = linksim::core::uniform_below(rng, 10);
      if (op < 5) {
        map.set(k, i);
        ref[k] = i;
      } else if (op < 8) {
        REQUIRE(map.erase(k) == (ref.erase(k) == 1));
      } else if (op < 9) {
        map.erase_until(i - 5000);
        for (auto it = ref.begin(); it != ref.end();) it = it->second <= i - 5000 ? ref.erase(it) : std::next(it);
      }
      const auto* found = map.find(k);
      const auto it = ref.find(k);
      REQUIRE((found != nullptr) == (it != ref.end()));
      if (found) REQUIRE(*found == it->second);
      REQUIRE(map.size() == ref.size());
    }
    for (const auto& [k, v] : ref) REQUIRE(*map.find(k) == v);
  }
}
