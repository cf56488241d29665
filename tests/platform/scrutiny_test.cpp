// Out-of-region / out-of-industry scrutiny: a weighted share of the last K invitations.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/scrutiny.hpp"

using namespace linksim::test;

namespace {
Action away(MemberId m, bool region, bool industry) {
  Action a = invite(m);
  a.out_of_region = region;
  a.out_of_industry = industry;
  return a;
}
}  // namespace

TEST_CASE("scrutiny strikes when 80% of the last 50 invitations are out of network", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"scrutiny"}, {{"rules", {{"scrutiny", {{"region_weight", 0.5}}}}}}), plans);
  // 10 in network, then out of industry (weight 1) and out of region only (0.5) alternating.
  for (MemberId m = 0; m < 10; ++m) policy.check(away(m, false, false), 0, m * kHour);
  for (MemberId m = 10; m < 49; ++m) policy.check(away(m, m % 2 == 0, m % 2 == 1), 0, m * kHour);
  CHECK(policy.transitions().empty());
  // 50th: weights 20 × 0.5 + 19 × 1 = 29 before it, 29.5 with a region-only one: below 40.
  policy.check(away(49, true, false), 0, 49 * kHour);
  CHECK(policy.transitions().empty());
  // Both (weight 1) replace the 10 in-network ones (39.5), then a region-only one (40: the limit).
  for (MemberId m = 50; m < 60; ++m) policy.check(away(m, true, true), 0, m * kHour);
  CHECK(policy.transitions().empty());
  policy.check(away(60, true, true), 0, 60 * kHour);
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason ==
        "scrutiny: out-of-region or out-of-industry weight 40.00 over the last 50 invitations (limit 40.00)");
}

TEST_CASE("scrutiny rejects bad parameters", "[platform]") {
  const auto book = book_of();
  const auto bad = [&](auto change, const char* name) {
    Scrutiny::Params p;
    change(p);
    REQUIRE_THROWS_WITH(Scrutiny(p, book), Catch::Contains(name));
  };
  bad([](auto& p) { p.last_k = 0; }, "last_k");
  bad([](auto& p) { p.region_weight = -0.1; }, "region_weight");
  bad([](auto& p) { p.industry_weight = 2.0; }, "industry_weight");
  bad([](auto& p) { p.threshold = 0.0; }, "threshold");
}
