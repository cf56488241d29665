// report::RunDocument: results.json is its serialization, reading results.json back gives the same
// document and the same report, and odd documents read without an error.
#include "linksim/report/run_document.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../experiment/experiment_fixture.hpp"
#include "linksim/report/outreach_notes.hpp"
#include "linksim/report/report_charts.hpp"
#include "linksim/report/report_html.hpp"
#include "linksim/report/results.hpp"
#include "report_fixture.hpp"

namespace {

/// Two arms (the second with its own horizon) over a small mixed population with abusive
/// senders (so the arms have breakdowns), with a --set on top.
linksim::config::Scenario run_document_scenario(int replications) {
  using nlohmann::json;
  json rules = linksim::testing::all_rules_off();
  rules["acceptance_floor"] = {{"enabled", true}, {"effect", "strike"}, {"floor", 0.5}};
  return linksim::testing::scenario(
      {{"name", "run document"},
       {"description", "results.json written from the typed document and read back"},
       {"horizon_days", 21},
       {"replications", replications},
       {"seed", 5},
       {"world", {{"members", 3000}}},
       {"senders", json::object()},
       {"population", {{"senders", 40}}},
       {"platform", {{"rules", rules}}},
       {"arms", {{{"name", "floor"}, {"description", "the acceptance floor"}, {"patch", json::object()}},
                 {{"name", "shorter"}, {"description", "two weeks"}, {"patch", {{"horizon_days", 14}}}}}}},
      std::vector<nlohmann::json>{json{{"seed", 6}}});
}

}  // namespace

TEST_CASE("results.json read back into a RunDocument writes the same bytes and the same report", "[report][run_document]") {
  // Three replications: intervals; two: none (null in results.json).
  for (const int replications : {3, 2}) {
    INFO(replications << " replications");
    const auto scenario = run_document_scenario(replications);
    const auto out = linksim::testing::run(scenario);
    const linksim::report::RunDocument doc = linksim::report::run_document(scenario, out.summary, true);
    const nlohmann::json results = linksim::report::results_json(scenario, out.summary, true);
    CHECK(linksim::report::to_json(doc).dump(2) == results.dump(2));
    REQUIRE(doc.arms.size() == 2);
    CHECK(doc.arms[0].breakdown.has_value());
    CHECK(doc.arms[1].horizon_days == 14);
    CHECK(doc.scenario.overrides.size() == 1);
    CHECK(doc.comparisons.size() == 1);

    const linksim::report::RunDocument back = linksim::report::run_document_from_json(nlohmann::json::parse(results.dump(2)));
    CHECK(linksim::report::to_json(back).dump(2) == results.dump(2));
    CHECK(back.arms[0].metrics.size() == doc.arms[0].metrics.size());
    CHECK(back.arms[0].breakdown->cohorts.size() == doc.arms[0].breakdown->cohorts.size());
    // The report of the run and the report of its results.json are the same page.
    const std::string html = linksim::report::report_html(doc);
    CHECK(html == linksim::report::report_html(back));
    CHECK(html == linksim::report::report_html(results));
    CHECK(html.find("14–21 (per arm)") != std::string::npos);
    CHECK(linksim::report::outreach_notes(back).size() == linksim::report::outreach_notes(doc).size());
  }
}

TEST_CASE("the report fixture reads back to a document that serializes to itself", "[report][run_document]") {
  for (const nlohmann::json& fixture :
       {linksim::testing::fixture_results(), linksim::testing::fixture_results_degenerate()}) {
    const auto once = linksim::report::run_document_from_json(fixture);
    const nlohmann::json written = linksim::report::to_json(once);
    const auto twice = linksim::report::run_document_from_json(written);
    CHECK(linksim::report::to_json(twice) == written);
    CHECK(linksim::report::report_html(twice) == linksim::report::report_html(fixture));
    CHECK(linksim::report::run_charts(twice).size() == linksim::report::run_charts(fixture).size());
    CHECK(once.arms.size() == fixture.at("arms").size());
    CHECK(once.complete == fixture["complete"].get<bool>());
  }
}

TEST_CASE("odd documents read as absent parts, never an error", "[report][run_document]") {
  using nlohmann::json;
  for (const json& odd : {json(), json(3), json::array({1, 2}), json("results"), json::object(),
                          json{{"scenario", 3}, {"arms", "x"}, {"comparisons", {1, {{"metrics", 2}}}}, {"complete", "no"}}}) {
    INFO(odd.dump());
    linksim::report::RunDocument doc;
    REQUIRE_NOTHROW(doc = linksim::report::run_document_from_json(odd));
    CHECK_FALSE(doc.scenario.name.has_value());
    CHECK(doc.arms.empty());
    CHECK(doc.complete);
    CHECK_NOTHROW(linksim::report::to_json(doc));
    CHECK_NOTHROW(linksim::report::report_html(doc));
  }
  json odd_arm = {{"name", 5}, {"horizon_days", "long"}};
  odd_arm["metrics"] = {{"leads", {{"mean", "x"}, {"ci95", {1, 2, 3}}}}, {"replies", 4}};
  odd_arm["daily"] = {{"connections", {{"mean", {1, nullptr, "a"}}, {"ci95_lo", 2}}}, {"pending", 1}};
  odd_arm["breakdown"]["cohorts"] = {{"spammer", {{"label", "abusive"}, {"focal", "yes"}}}, {"other", 2}};
  json arms = {{"arms", json::array({7, odd_arm})}};
  arms["scenario"] = {{"seed", -1}, {"members", 2.5}, {"overrides", json::array({{{"a", 1}}})}};
  const auto doc = linksim::report::run_document_from_json(arms);
  REQUIRE(doc.arms.size() == 2);  // every element counts, as in the report's "arms"
  const auto& arm = doc.arms[1];
  CHECK_FALSE(arm.name.has_value());
  CHECK_FALSE(arm.horizon_days.has_value());
  CHECK(arm.metrics.size() == 2);  // both names listed, neither has a mean
  CHECK(arm.estimate("leads") == nullptr);
  CHECK(arm.metrics.at("leads").ci95.has_value());
  CHECK_FALSE(arm.metrics.at("leads").ci95->numeric());
  REQUIRE(arm.series("connections") != nullptr);
  CHECK(arm.series("connections")->mean.size() == 3);
  CHECK_FALSE(arm.series("connections")->lo.has_value());
  CHECK(arm.series("pending") == nullptr);
  REQUIRE(arm.breakdown.has_value());
  REQUIRE(arm.breakdown->cohorts.size() == 1);
  CHECK_FALSE(arm.breakdown->cohorts[0].focal);  // "yes" is not a boolean
  CHECK_FALSE(doc.scenario.seed.has_value());
  CHECK(doc.scenario.members == 2);
  CHECK(doc.scenario.overrides.size() == 1);
  CHECK_NOTHROW(linksim::report::report_html(doc));
}
