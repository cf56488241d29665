// world.response: the schema's defaults load, and bad values are rejected with every issue named.
#include <catch2/catch.hpp>

#include <string>

#include "linksim/config/json_schema.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/model/response_params.hpp"

using namespace linksim;
using namespace linksim::model;
using nlohmann::json;

namespace {
std::vector<config::Issue> issues_of(const json& response) {
  try {
    response_params_from_json(response, "/world/response");
  } catch (const config::InputError& e) {
    return e.issues();
  }
  return {};
}
bool has_path(const std::vector<config::Issue>& issues, const std::string& path) {
  for (const auto& i : issues)
    if (i.path == path) return true;
  return false;
}
}  // namespace

TEST_CASE("the schema's defaults load and pass every check", "[model][params]") {
  const ResponseParams& p = default_response_params();
  CHECK(check_response_params(p, "/world/response").empty());
  CHECK(p.invite.expiry_days == 180);
  CHECK(p.invite.long_note_from_chars == 200);
  CHECK(p.inmail.window_days == 90);
  CHECK(p.invite.accept.latent >= 0.0);
  CHECK(p.invite.decline.latent <= 0.0);
  CHECK(p.invite.accept.seniority[4] < p.invite.accept.seniority[1]);
  CHECK(p.costs.minutes[static_cast<std::size_t>(Action::kInvitePersonalized)] >
        p.costs.minutes[static_cast<std::size_t>(Action::kInvite)]);
  CHECK(default_response_json().at("invite").at("accept").at("intercept").is_number());
}

TEST_CASE("every default of $defs/response* names its source", "[model][params]") {
  const json& defs = config::JsonSchema::scenario().root().at("$defs");
  int defaults = 0;
  for (const auto& [name, def] : defs.items()) {
    if (name.rfind("response", 0) != 0) continue;
    for (const auto& [key, prop] : def.at("properties").items()) {
      if (prop.contains("$ref")) continue;
      INFO(name << "/" << key);
      REQUIRE(prop.contains("default"));
      REQUIRE(prop.contains("$comment"));
      CHECK(prop.at("$comment").get<std::string>().rfind("source: ", 0) == 0);
      CHECK(prop.contains("description"));
      ++defaults;
    }
  }
  CHECK(defaults > 100);
}

TEST_CASE("a scenario's response block reaches the parser with defaults filled", "[model][params]") {
  const config::Scenario s = config::load_scenario_text(R"({"name": "t", "description": "q",
    "world": {"response": {"invite": {"expiry_days": 30, "accept": {"intercept": -1}}}}})", "t");
  const ResponseParams p = response_params_from_json(s.arms[0].config.at("world").at("response"), "/world/response");
  CHECK(p.invite.expiry_days == 30);
  CHECK(p.invite.accept.intercept == -1.0);
  CHECK(p.invite.accept.mutual == default_response_params().invite.accept.mutual);  // siblings keep defaults
}

TEST_CASE("the schema rejects out-of-range response values with their paths", "[model][params]") {
  auto schema_issues = [](const std::string& response) {
    try {
      config::load_scenario_text(R"({"name": "t", "description": "q", "world": {"response": )" + response + "}}", "t");
    } catch (const config::InputError& e) {
      return e.issues();
    }
    return std::vector<config::Issue>{};
  };
  CHECK(has_path(schema_issues(R"({"invite": {"attention": 0}})"), "/world/response/invite/attention"));
  CHECK(has_path(schema_issues(R"({"invite": {"accept": {"seniority": [0, 1]}}})"), "/world/response/invite/accept/seniority"));
  CHECK(has_path(schema_issues(R"({"email": {"finder": {"find_probability": 1.5}}})"), "/world/response/email/finder/find_probability"));
  CHECK(has_path(schema_issues(R"({"content": {"formats": {"gif": 2}}})"), "/world/response/content/formats/gif"));
  CHECK(has_path(schema_issues(R"({"accept_probability": 0.3})"), "/world/response/accept_probability"));
}

TEST_CASE("semantic checks report every problem at once", "[model][params]") {
  json r = default_response_json();
  r["email"]["verification"]["recall"] = 0.01;        // below false_reject: swapped numbers
  r["invite"]["accept"]["latent"] = -0.5;             // would make propensity lower acceptance
  r["invite"]["decline"]["latent"] = 0.5;
  r["reply"]["decay"] = 1.5;
  r["costs"]["minutes"]["post"] = -1;
  r["content"]["max_hops"] = 2.5;                      // not an integer
  r["funnel"].erase("lead_rate");                      // missing key
  r["inmail"]["seniority"] = json::array({0, 1, 2});   // wrong length
  const auto issues = issues_of(r);
  CHECK(has_path(issues, "/world/response/email/verification/recall"));
  CHECK(has_path(issues, "/world/response/invite/accept/latent"));
  CHECK(has_path(issues, "/world/response/invite/decline/latent"));
  CHECK(has_path(issues, "/world/response/reply/decay"));
  CHECK(has_path(issues, "/world/response/costs/minutes/post"));
  CHECK(has_path(issues, "/world/response/content/max_hops"));
  CHECK(has_path(issues, "/world/response/funnel/lead_rate"));
  CHECK(has_path(issues, "/world/response/inmail/seniority"));
  CHECK(issues.size() == 8);  // each once: a missing key is not also reported as out of range
}

TEST_CASE("parameters built in code are checked too", "[model][params]") {
  ResponseParams p = default_response_params();
  p.invite.attention = 0.0;
  p.invite.expiry_days = 0;
  p.email.reputation.memory_days = 0.5;
  p.content.formats.poll = -1;
  const auto issues = check_response_params(p, "");
  CHECK(has_path(issues, "/invite/attention"));
  CHECK(has_path(issues, "/invite/expiry_days"));
  CHECK(has_path(issues, "/email/reputation/memory_days"));
  CHECK(has_path(issues, "/content/formats/poll"));
  CHECK(issues.size() == 4);
  CHECK_THROWS_AS(throw_if_any(issues), config::InputError);
  CHECK_NOTHROW(throw_if_any({}));
}
