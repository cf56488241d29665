// Scenario validation: every bad input gives an InputError naming the right JSON path.
#include <catch2/catch.hpp>

#include <string>

#include "linksim/config/json_schema.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"

using namespace linksim::config;

namespace {
std::vector<Issue> issues_of(const std::string& text) {
  try {
    load_scenario_text(text, "test.json");
  } catch (const InputError& e) {
    return e.issues();
  }
  return {};
}
bool has_path(const std::vector<Issue>& issues, const std::string& path) {
  for (const auto& i : issues)
    if (i.path == path) return true;
  return false;
}
const std::string kHead = R"("name": "t", "description": "q")";
}  // namespace

TEST_CASE("a minimal scenario gets every default", "[io]") {
  const Scenario s = load_scenario_text("{" + kHead + "}", "t");
  CHECK(s.horizon_days == 84);
  CHECK(s.replications == 20);
  CHECK(s.seed == 1);
  REQUIRE(s.arms.size() == 1);
  CHECK(s.arms[0].name == "base");
  CHECK(s.arms[0].config.at("senders").contains("focal"));
  // The defaulted document validates: the schema's defaults are consistent with its own rules.
  std::vector<Issue> issues;
  JsonSchema::scenario().validate(s.arms[0].config, "", issues);
  CHECK(issues.empty());
}

TEST_CASE("bad scenarios name the JSON path, what was expected and what was found", "[io]") {
  struct Case {
    std::string text, path, expected_fragment;
  };
  const auto c = GENERATE_REF(values<Case>({
      {R"({"name": "t", "description": )", "", "valid JSON"},
      {"[1, 2]", "", "object"},
      {"{" + kHead + R"(, "horizon_days": "twelve"})", "/horizon_days", "integer"},
      {"{" + kHead + R"(, "horizon_days": 0})", "/horizon_days", ">= 1"},
      {"{" + kHead + R"(, "horizon_days": 5000})", "/horizon_days", "<= 3650"},
      {"{" + kHead + R"(, "replications": -3})", "/replications", ">= 1"},
      {"{" + kHead + R"(, "replications": 2.5})", "/replications", "integer"},
      {"{" + kHead + R"(, "world": {"members": 0}})", "/world/members", ">= 2"},
      {"{" + kHead + R"(, "horizon": 10})", "/horizon", "one of the keys"},
      {"{" + kHead + R"(, "world": {"respons": {}}})", "/world/respons", "one of the keys"},
      {R"({"description": "q"})", "/name", "required"},
      {"{" + kHead + R"(, "senders": {}})", "/senders", "at least 1"},
      {"{" + kHead + R"(, "senders": {"me": {"count": 0}}})", "/senders/me/count", ">= 1"},
      {"{" + kHead + R"(, "outputs": {"csv": "yes"}})", "/outputs/csv", "boolean"},
      {"{" + kHead + R"(, "arms": [{"name": "a", "patch": {"world": {"members": -5}}}]})", "/arms/0/patch/world/members", ">= 2"},
      {"{" + kHead + R"(, "arms": [{"name": "a", "patch": {"replications": 3}}]})", "/arms/0/patch/replications", "world, platform"},
      {"{" + kHead + R"(, "arms": [{"name": "a", "patch": {}}, {"name": "a", "patch": {}}]})", "/arms/1/name", "not used"},
      {"{" + kHead + R"(, "arms": [{"name": "a"}]})", "/arms/0/patch", "required"},
      {"{" + kHead + R"(, "arms": [{"name": "a", "patch": {"senders": {"focal": null}}}]})", "/arms/0/patch/senders", "at least 1"},
  }));
  const auto issues = issues_of(c.text);
  INFO(c.text);
  REQUIRE_FALSE(issues.empty());
  CHECK(has_path(issues, c.path));
  bool fragment = false;
  for (const auto& i : issues) fragment = fragment || i.to_string().find(c.expected_fragment) != std::string::npos;
  CHECK(fragment);
}

TEST_CASE("every error is reported, not just the first", "[io]") {
  const auto issues = issues_of("{" + kHead + R"(, "horizon_days": 0, "replicatons": 2, "world": {"members": -1}})");
  CHECK(issues.size() == 3);
  CHECK(has_path(issues, "/horizon_days"));
  CHECK(has_path(issues, "/replicatons"));
  CHECK(has_path(issues, "/world/members"));
}

TEST_CASE("a misspelt key gets the nearest valid key as a hint", "[io]") {
  const auto issues = issues_of("{" + kHead + R"(, "replicatons": 2})");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].hint == "did you mean \"replications\"?");
  CHECK(issues[0].to_string() ==
        "/replicatons: expected one of the keys $schema, arms, description, horizon_days, name, outputs, platform, population, "
        "replications, seed, senders, statistics, world, found unknown key \"replicatons\" (did you mean \"replications\"?)");
}

TEST_CASE("an error in the base is reported once, not again for every arm", "[io]") {
  const auto issues = issues_of("{" + kHead + R"(, "horizon_days": 0, "arms": [{"name": "a", "patch": {}}, {"name": "b", "patch": {}}]})");
  CHECK(issues.size() == 1);
}

TEST_CASE("arms are merge patches over the base", "[io]") {
  const Scenario s = load_scenario_text("{" + kHead + R"(, "world": {"members": 500},
    "arms": [{"name": "small", "patch": {}}, {"name": "big", "patch": {"world": {"members": 900}, "horizon_days": 7}}]})", "t");
  REQUIRE(s.arms.size() == 2);
  CHECK(s.arms[0].config["world"]["members"] == 500);
  CHECK(s.arms[1].config["world"]["members"] == 900);
  CHECK(s.arms[1].config["horizon_days"] == 7);
  CHECK(s.arms[1].config["world"]["response"]["invite"]["expiry_days"] == 180);  // defaults survive
  CHECK(s.locate(1, "/world/members") == "/arms/1/patch/world/members");
  CHECK(s.locate(1, "/world/response") == "/world/response");
  CHECK(s.locate(0, "/world/members") == "/world/members");
}

TEST_CASE("an arm patch cannot create a cohort the base lacks unless it says add_cohorts", "[io]") {
  const std::string arms_me = R"(, "arms": [{"name": "a", "patch": {"senders": {"me": {"count": 2}}}}]})";
  // The base has only the default cohort `focal`: `me` would be a second cohort with every default.
  auto issues = issues_of("{" + kHead + arms_me);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/arms/0/patch/senders/me");
  CHECK(issues[0].expected.find("focal") != std::string::npos);
  CHECK(issues[0].found == "\"me\"");
  // A misspelling gets the nearest cohort as a hint.
  issues = issues_of("{" + kHead + R"(, "senders": {"focal": {}}, "arms": [{"name": "a", "patch": {"senders": {"foca": {}}}}]})");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].hint == "did you mean \"focal\"?");
  // Allowed when the arm says so; patching or removing an existing cohort is always fine.
  const Scenario added = load_scenario_text(
      "{" + kHead + R"(, "senders": {"focal": {}}, "arms": [{"name": "a", "add_cohorts": true, "patch": {"senders": {"me": {"count": 2}}}}]})", "t");
  CHECK(added.arms[0].config["senders"].contains("me"));
  CHECK(added.arms[0].config["senders"].contains("focal"));
  CHECK(issues_of("{" + kHead + R"(, "senders": {"focal": {}, "x": {}}, "arms": [{"name": "a", "patch": {"senders": {"focal": {"count": 3}, "x": null}}}]})").empty());
}

TEST_CASE("the --set overrides are kept with the scenario, in order", "[io]") {
  Overrides o;
  o.patches.push_back(patch_from_assignment("world.members=500"));
  o.patches.push_back(patch_from_assignment("seed=7"));
  const Scenario s = load_scenario_text("{" + kHead + "}", "t", o);
  CHECK(s.overrides == nlohmann::json::array({{{"world", {{"members", 500}}}}, {{"seed", 7}}}));
  CHECK(load_scenario_text("{" + kHead + "}", "t").overrides == nlohmann::json::array());
}

TEST_CASE("merge patch follows RFC 7386", "[io]") {
  // RFC 7386 appendix A examples, on nlohmann::json::merge_patch (what --set and arms rely on).
  auto patched = [](const char* target, const char* patch) {
    auto t = nlohmann::json::parse(target);
    t.merge_patch(nlohmann::json::parse(patch));
    return t;
  };
  CHECK(patched(R"({"a":"b"})", R"({"a":"c"})") == nlohmann::json::parse(R"({"a":"c"})"));
  CHECK(patched(R"({"a":"b"})", R"({"b":"c"})") == nlohmann::json::parse(R"({"a":"b","b":"c"})"));
  CHECK(patched(R"({"a":"b"})", R"({"a":null})") == nlohmann::json::parse(R"({})"));
  CHECK(patched(R"({"a":["b"]})", R"({"a":"c"})") == nlohmann::json::parse(R"({"a":"c"})"));
  CHECK(patched(R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})") == nlohmann::json::parse(R"({"a":{"b":"d"}})"));
  CHECK(patched(R"({"a":[{"b":"c"}]})", R"({"a":[1]})") == nlohmann::json::parse(R"({"a":[1]})"));
  CHECK(patched(R"(["a","b"])", R"(["c","d"])") == nlohmann::json::parse(R"(["c","d"])"));
  CHECK(patched(R"({"e":null})", R"({"a":1})") == nlohmann::json::parse(R"({"e":null,"a":1})"));
  CHECK(patched(R"({})", R"({"a":{"bb":{"ccc":null}}})") == nlohmann::json::parse(R"({"a":{"bb":{}}})"));
}

TEST_CASE("set assignments (--set) become merge patches", "[io]") {
  CHECK(patch_from_assignment("world.members=500") == nlohmann::json::parse(R"({"world":{"members":500}})"));
  CHECK(patch_from_assignment("name=hello world") == nlohmann::json::parse(R"({"name":"hello world"})"));
  CHECK(patch_from_assignment("a.b=[1,2]") == nlohmann::json::parse(R"({"a":{"b":[1,2]}})"));
  CHECK(patch_from_assignment("a=null") == nlohmann::json::parse(R"({"a":null})"));
  CHECK_THROWS_AS(patch_from_assignment("novalue"), InputError);
  CHECK_THROWS_AS(patch_from_assignment("a..b=1"), InputError);
  Overrides o;
  o.patches.push_back(patch_from_assignment("horizon_days=-2"));
  try {
    load_scenario_text("{" + kHead + "}", "t", o);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.issues().at(0).path == "/horizon_days");
  }
}

TEST_CASE("the schema rejects keywords linksim does not implement", "[io]") {
  CHECK_THROWS(JsonSchema(nlohmann::json::parse(R"({"type": "object", "patternProperties": {}})")));
  CHECK_THROWS(JsonSchema(nlohmann::json::parse(R"({"$ref": "#/$defs/missing"})")));
  CHECK_NOTHROW(JsonSchema(nlohmann::json::parse(R"({"type": "object", "$defs": {"a": {"type": "string"}}, "properties": {"x": {"$ref": "#/$defs/a"}}})")));
}
