// `linksim rules`: the registry as users and tools/platform/write_schema.py read it.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/platform/rule_factory.hpp"

using linksim::testing::run_cli;

TEST_CASE("linksim rules --json lists every registered rule in the order of checks, with its preset's defaults", "[cli]") {
  const auto now = run_cli("rules --json");
  REQUIRE(now.code == 0);
  const nlohmann::json doc = nlohmann::json::parse(now.out);
  CHECK(doc.at("preset") == "linkedin_2025");
  const auto names = linksim::platform::rule_names();
  REQUIRE(doc.at("rules").size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const nlohmann::json& r = doc.at("rules")[i];
    INFO(names[i]);
    CHECK(r.at("name") == std::string(names[i]));
    CHECK(r.at("defaults") ==
          linksim::platform::platform_preset("linkedin_2025").at("platform").at("rules").at(std::string(names[i])));
    for (const auto& [key, schema] : r.at("schema").items()) CHECK(r.at("defaults").contains(key));
  }
  const auto pre = run_cli("rules --json --preset linkedin_pre_2021");
  REQUIRE(pre.code == 0);
  const nlohmann::json old = nlohmann::json::parse(pre.out);
  for (const auto& r : old.at("rules"))
    if (r.at("name") == "acceptance_floor") CHECK(r.at("defaults").at("enabled") == false);
}

TEST_CASE("linksim rules prints each rule with its state, parameters and bounds; an unknown preset is an input error", "[cli]") {
  const auto text = run_cli("rules --preset linkedin_pre_2021");
  REQUIRE(text.code == 0);
  CHECK_THAT(text.out, Catch::Contains("acceptance_floor (off)"));
  CHECK_THAT(text.out, Catch::Contains("invite_cap_rolling (on)"));
  CHECK_THAT(text.out, Catch::Contains("max_pending = 5000 (>= 1)"));
  const auto bad = run_cli("rules --preset linkedin_1999");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.out, Catch::Contains("--preset: expected one of the presets linkedin_2025, linkedin_pre_2021"));
}
