// The rule registry (rule_factory.cpp) is the one list of rules: every other list is checked
// against rule_names() in both directions — each preset's defaults (key by key against the rule's
// Params::schema()), the schema's $defs and the rules table of docs/platform.md (both generated
// from the registry by tools/platform/write_schema.py; tests/external/schema_fresh.sh fails when
// they are stale). A registered rule missing from one of them, or an entry there without a
// registered rule, fails here. Also: rule parameters are parsed once, into typed parameters, and a
// Policy is built from those without JSON.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "fixture.hpp"
#include "linksim/platform/rules/acceptance_floor.hpp"
#include "linksim/platform/rules/burst.hpp"
#include "linksim/platform/rules/scrutiny.hpp"

using namespace linksim::test;
using linksim::config::InputError;
using linksim::config::Issue;
using Names = std::set<std::string>;

namespace {

std::string source_file(const std::string& relative) {
  const std::string path = std::string(LINKSIM_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path);
  INFO(path);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Names registered() {
  Names names;
  for (auto n : rule_names()) names.insert(std::string(n));
  return names;
}

Names keys(const json& object) {
  Names names;
  for (const auto& [k, v] : object.items()) names.insert(k);
  return names;
}

// The first capture group of every match of `pattern` in `text`, in order.
std::vector<std::string> captures(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

}  // namespace

TEST_CASE("the registry lists each rule once, in the order of the checks", "[platform][registry]") {
  const auto names = rule_names();
  CHECK(registered().size() == names.size());
  CHECK(names.front() == "invite_cap_rolling");  // the most common denial is checked first
}

TEST_CASE("every preset has defaults for exactly the registered rules", "[platform][registry]") {
  REQUIRE(platform_preset_names().size() == 2);
  for (const auto& preset : platform_preset_names()) {
    INFO(preset);
    const json& rules = platform_preset(preset).at("platform").at("rules");
    CHECK(keys(rules) == registered());
    for (auto name : rule_names()) {
      INFO(name);
      const json& r = rules.value(std::string(name), json());
      CHECK(r.is_object());
      CHECK((r.contains("enabled") && r.at("enabled").is_boolean()));
    }
  }
}

TEST_CASE("the schema has a definition for exactly the registered rules", "[platform][registry]") {
  const json schema = json::parse(source_file("scenarios/schema.json"));
  const json& defs = schema.at("$defs");
  Names defined;
  for (const auto& [k, v] : defs.items())
    if (k.rfind("platform_rule_", 0) == 0) defined.insert(k.substr(14));
  CHECK(defined == registered());
  const json& listed = defs.at("platform").at("properties").at("rules").at("properties");
  CHECK(keys(listed) == registered());
  for (const auto& [name, ref] : listed.items()) CHECK(ref.value("$ref", "") == "#/$defs/platform_rule_" + name);
  for (const auto& name : defined) CHECK(defs.at("platform_rule_" + name).at("properties").contains("enabled"));
}

TEST_CASE("docs/platform.md has a row for each registered rule, in the order of the checks", "[platform][registry]") {
  const std::string doc = source_file("docs/platform.md");
  const auto begin = doc.find("\n## Rules\n");
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("\n## ", begin + 1);
  const std::string section = doc.substr(begin, end - begin);
  const std::vector<std::string> rows = captures(section, R"(\n\| `(\w+)` \|)");
  CHECK(rows == std::vector<std::string>(rule_names().begin(), rule_names().end()));
}

TEST_CASE("each registered rule describes itself, and each preset gives a default for each of its parameters",
          "[platform][registry]") {
  const auto infos = rule_infos();
  REQUIRE(infos.size() == rule_names().size());
  for (std::size_t i = 0; i < infos.size(); ++i) {
    INFO(infos[i].name);
    CHECK(infos[i].name == rule_names()[i]);
    CHECK(infos[i].summary.size() > 20);
    const auto schema = infos[i].schema();
    REQUIRE(schema.is_object());
    Names params;
    for (const auto& [k, v] : schema.items()) {
      INFO(k);
      params.insert(k);
      CHECK(!v.value("description", std::string()).empty());
      CHECK(v.contains("type"));
    }
    CHECK(params.count("enabled") == 0);
    params.insert("enabled");
    for (const auto& preset : platform_preset_names()) {
      INFO(preset);
      CHECK(keys(platform_preset(preset).at("platform").at("rules").at(std::string(infos[i].name))) == params);
    }
  }
  // A schema key the rule does not read is refused by the rule itself: the schema describes what
  // from_json reads, no more (each key's default, read back, is accepted).
  for (const auto& info : infos) {
    INFO(info.name);
    json body = platform_preset("linkedin_2025").at("platform").at("rules").at(std::string(info.name));
    Issues issues;
    CHECK(read_rule(info.name, body, "/platform/rules/" + std::string(info.name), issues).has_value());
    body["not_a_parameter"] = 1;
    issues.clear();
    CHECK_FALSE(read_rule(info.name, body, "/platform/rules/" + std::string(info.name), issues).has_value());
  }
}

TEST_CASE("the pre-2021 preset extends linkedin_2025: only what differs is written, the rest is inherited",
          "[platform][registry]") {
  const json& pre = platform_preset("linkedin_pre_2021");
  const json& now = platform_preset("linkedin_2025");
  CHECK(pre.at("name") == "linkedin_pre_2021");
  CHECK(pre.at("platform").at("plans").at("free").at("weekly_invite_cap") == 800);
  CHECK(now.at("platform").at("plans").at("free").at("weekly_invite_cap") == 100);
  CHECK(pre.at("platform").at("rules").at("acceptance_floor").at("enabled") == false);
  CHECK(pre.at("platform").at("rules").at("pending_cap").at("max_pending") == 5000);
  // Inherited: a value and its source the file does not repeat.
  CHECK(pre.at("platform").at("rules").at("burst") == now.at("platform").at("rules").at("burst"));
  CHECK(pre.at("platform").at("ladder") == now.at("platform").at("ladder"));
  CHECK(pre.at("sources").at("/rules/burst/count") == now.at("sources").at("/rules/burst/count"));
  CHECK(pre.at("sources").at("/rules/pending_cap/max_pending") != now.at("sources").at("/rules/pending_cap/max_pending"));
  const std::string file = source_file("scenarios/presets/platform/linkedin_pre_2021.json");
  CHECK(file.find("\"burst\"") == std::string::npos);
}

TEST_CASE("rule parameters are typed once, and a Policy needs no JSON", "[platform][registry]") {
  PlatformParams p = params_with({"burst", "acceptance_floor"},
                                 {{"rules", {{"burst", {{"count", 3}, {"window_minutes", 10}, {"effect", "deny"}}},
                                             {"acceptance_floor", {{"basis", "window"}, {"effect", "both"}}}}}});
  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].name == "burst");  // registry order, not the order of the keys
  const auto* burst = p.rules[0].params_as<Burst::Params>();
  REQUIRE(burst);
  CHECK(burst->effect == BurstEffect::kDeny);
  CHECK(p.rules[0].params_as<Scrutiny::Params>() == nullptr);
  const auto* floor = p.rules[1].params_as<AcceptanceFloor::Params>();
  REQUIRE(floor);
  CHECK(floor->basis == FloorBasis::kWindow);
  CHECK(floor->effect == FloorEffect::kBoth);
  // Without the JSON the Policy still gets the scenario's values: the third invite in 10 minutes
  // is refused (effect deny), which the preset's burst (20 in 15 minutes, strike) would allow.
  p.effective = json();
  p.sources.clear();
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(p, plans);
  CHECK(policy.check(invite(1), 0, 0).allowed());
  CHECK(policy.check(invite(2), 0, 60).allowed());
  const Decision d = policy.check(invite(3), 0, 120);
  CHECK(d.verdict == Verdict::kDeny);
  CHECK(policy.rule_name(d.rule) == "burst");
  CHECK(d.retry_at == 600);
}

TEST_CASE("unknown spellings of options are reported as before, next to the range checks", "[platform][registry]") {
  const auto find = [](const std::vector<Issue>& issues, const std::string& path) -> Issue {
    for (const auto& i : issues)
      if (i.path == path) return i;
    FAIL("no issue at " << path);
    return {};
  };
  SECTION("burst effect") {
    const auto issues = issues_of({{"rules", {{"burst", {{"effect", "ban"}, {"count", 1}}}}}});
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].path == "/platform/rules/burst/count");
    CHECK(issues[1].path == "/platform/rules/burst/effect");
    CHECK(issues[1].expected == "\"strike\" or \"deny\"");
    CHECK(issues[1].found == "\"ban\"");
  }
  SECTION("acceptance floor basis and effect") {
    const auto issues = issues_of({{"rules", {{"acceptance_floor", {{"basis", "last"}, {"effect", ""}}}}}});
    REQUIRE(issues.size() == 2);
    CHECK(find(issues, "/platform/rules/acceptance_floor/basis").expected == "\"last_k\" or \"window\"");
    CHECK(find(issues, "/platform/rules/acceptance_floor/basis").found == "\"last\"");
    CHECK(find(issues, "/platform/rules/acceptance_floor/effect").expected == "\"lower_cap\", \"strike\" or \"both\"");
    CHECK(find(issues, "/platform/rules/acceptance_floor/effect").found == "\"\"");
  }
  SECTION("an option of the wrong type is a type error, and the range checks are skipped") {
    const auto issues = issues_of({{"rules", {{"burst", {{"effect", 3}, {"count", 1}}}}}});
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/platform/rules/burst/effect");
    CHECK(issues[0].expected == "a string");
  }
  SECTION("limiter algorithm: unknown, missing") {
    const auto issues = issues_of({{"limiters", {{{"algorithm", "leaky"}, {"actions", {"invite"}}},
                                                 {{"actions", {"invite"}}}}}});
    // The missing key is reported once: not again by the range checks as `found ""` (issue 18).
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].path == "/platform/limiters/0/algorithm");
    CHECK(issues[0].expected == "one of fixed_window, sliding_log, sliding_counter, token_bucket, gcra, leaky_bucket");
    CHECK(issues[0].found == "\"leaky\"");
    CHECK(issues[1].path == "/platform/limiters/1/algorithm");
    CHECK(issues[1].found == "nothing (the key is missing)");
  }
}

TEST_CASE("each bound a rule's schema states is one its validation enforces", "[platform][registry]") {
  // Just outside every bound of every numeric parameter (and of a number list's items): the rule
  // refuses it at that parameter's path, so the schema editors see and the model's checks agree.
  for (const auto& info : rule_infos()) {
    const json defaults = platform_preset("linkedin_2025").at("platform").at("rules").at(std::string(info.name));
    const std::string at = "/platform/rules/" + std::string(info.name);
    const auto schema = info.schema();
    for (const auto& [key, s] : schema.items()) {
      const bool list = s.at("type") == "array" && s.at("items").contains("type") && s.at("items").at("type") == "number";
      const auto& b = list ? s.at("items") : s;
      const bool integer = b.value("type", "") == "integer";
      std::vector<double> outside;
      if (b.contains("minimum")) outside.push_back(b.at("minimum").get<double>() - (integer ? 1 : 0.5));
      if (b.contains("exclusiveMinimum")) outside.push_back(b.at("exclusiveMinimum").get<double>());
      if (b.contains("maximum")) outside.push_back(b.at("maximum").get<double>() + (integer ? 1 : 0.5));
      if (b.contains("exclusiveMaximum")) outside.push_back(b.at("exclusiveMaximum").get<double>());
      for (const double x : outside) {
        INFO(info.name << "." << key << " = " << x);
        json body = defaults;
        const json value = integer ? json(static_cast<long long>(x)) : json(x);
        body[key] = list ? json::array({value}) : value;
        Issues issues;
        CHECK_FALSE(read_rule(info.name, body, at, issues).has_value());
        bool here = false;
        for (const auto& i : issues) here = here || i.path.rfind(at + "/" + key, 0) == 0;
        CHECK(here);
      }
    }
  }
}
