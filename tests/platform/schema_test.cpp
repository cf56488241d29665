// scenarios/schema.json's platform part: the presets validate against it, and scenario files with
// bad platform sections are rejected with the JSON path (what `linksim validate` exits 2 on).
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/config/scenario.hpp"

using namespace linksim::test;

TEST_CASE("both presets validate against $defs/platform", "[platform]") {
  for (const auto& name : platform_preset_names()) {
    json doc = {{"name", "t"}, {"description", "q"}, {"platform", platform_preset(name).at("platform")}};
    doc["platform"]["preset"] = name;
    std::vector<linksim::config::Issue> issues;
    linksim::config::JsonSchema::scenario().validate(doc, "", issues);
    INFO(name << (issues.empty() ? "" : ": " + issues.front().to_string()));
    CHECK(issues.empty());
  }
}

TEST_CASE("scenario files with bad platform sections fail validation at the right path", "[platform]") {
  struct Case {
    std::string platform, path, fragment;
  };
  const auto c = GENERATE(values<Case>({
      {R"({"rules": {"weekly_cap": {}}})", "/platform/rules/weekly_cap", "invite_cap_rolling"},
      {R"({"rules": {"invite_cap_rolling": {"window_days": -1}}})", "/platform/rules/invite_cap_rolling/window_days", "> 0"},
      {R"({"plans": {"free": {"weekly_invite_cap": 0}}})", "/platform/plans/free/weekly_invite_cap", ">= 1"},
      {R"({"plans": {"gold": {}}})", "/platform/plans/gold", "sales_nav_core"},
      {R"({"preset": "linkedin_1999"})", "/platform/preset", "linkedin_2025"},
      {R"({"limiters": [{"algorithm": "leaky"}]})", "/platform/limiters/0/algorithm", "token_bucket"},
  }));
  const std::string text = R"({"name": "t", "description": "q", "platform": )" + c.platform + "}";
  std::vector<linksim::config::Issue> issues;
  try {
    linksim::config::load_scenario_text(text, "t.json");
  } catch (const linksim::config::InputError& e) {
    issues = e.issues();
  }
  INFO(c.platform);
  bool found = false;
  for (const auto& i : issues)
    if (i.path == c.path) {
      found = true;
      CHECK_THAT(i.to_string(), Catch::Contains(c.fragment));
    }
  CHECK(found);
}
