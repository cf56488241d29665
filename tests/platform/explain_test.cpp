// `linksim explain`'s platform part: every effective value is printed with its source.
#include <catch2/catch.hpp>

#include <sstream>

#include "fixture.hpp"
#include "linksim/platform/explain.hpp"

using namespace linksim::test;

TEST_CASE("explain prints plans, rules, limiters and ladder with sources", "[platform]") {
  const PlatformParams p = platform_params_from_json(
      {{"plans", {{"free", {{"weekly_invite_cap", 120}}}}},
       {"limiters", {{{"algorithm", "gcra"}, {"actions", {"invite"}}, {"rate", 100}, {"per_hours", 168}, {"burst", 10}}}}},
      "/platform");
  std::ostringstream out;
  explain_platform(p, out);
  const std::string text = out.str();
  CHECK_THAT(text, Catch::Contains("platform preset linkedin_2025"));
  CHECK_THAT(text, Catch::Contains("weekly_invite_cap"));
  CHECK_THAT(text, Catch::Contains("scenario (/platform/plans/free/weekly_invite_cap)"));
  CHECK_THAT(text, Catch::Contains("help a551012: a withdrawn invitation cannot be re-sent"));
  CHECK_THAT(text, Catch::Contains("disabled: invite_cap_calendar"));
  CHECK_THAT(text, Catch::Contains("scenario (/platform/limiters)"));
  CHECK_THAT(text, Catch::Contains("restricted_month"));
  CHECK_THAT(text, !Catch::Contains("no source recorded"));
}
