// The scenario's `statistics` block: which interval each metric gets, reproducibly.
#include <catch2/catch.hpp>

#include <string>

#include "linksim/experiment/summary.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/metrics/registry.hpp"

using namespace linksim;

namespace {

config::Scenario scenario_with(const std::string& statistics) {
  std::string text = R"({"name": "t", "description": "q", "seed": 7, "statistics": )";
  text.append(statistics).push_back('}');
  return config::load_scenario_text(text, "t.json");
}

/// Two arms, 12 replications, a right-skewed metric (a few large values) and a symmetric one.
std::vector<experiment::ArmRuns> two_arms() {
  std::vector<experiment::ArmRuns> arms{experiment::ArmRuns{"a", "", {}}, experiment::ArmRuns{"b", "", {}}};
  for (int r = 0; r < 12; ++r) {
    for (int a = 0; a < 2; ++a) {
      metrics::RunResult run;
      const double skew = (r % 5 == 0 ? 400.0 : 10.0 + r) * (1.0 + a);
      run.scalars["pipeline_value"] = skew;
      run.scalars["invites_sent"] = 100.0 + r + 3 * a;
      arms[static_cast<std::size_t>(a)].runs.push_back(run);
    }
  }
  return arms;
}

const experiment::MetricSummary& metric(const experiment::Summary& s, std::size_t arm, const std::string& name) {
  for (const auto& m : s.arms.at(arm).metrics)
    if (m.name == name) return m;
  throw std::out_of_range(name);
}

}  // namespace

TEST_CASE("statistics defaults to Student t for every metric", "[experiment][statistics]") {
  const auto s = scenario_with("{}");
  const auto o = experiment::summary_options(s);
  CHECK(o.method == experiment::CiMethod::kStudentT);
  CHECK(o.resamples == 2000);
  CHECK(o.method_for("pipeline_value") == experiment::CiMethod::kStudentT);
  const auto sum = experiment::summarize(two_arms(), o);
  const auto& m = metric(sum, 0, "pipeline_value");
  CHECK(m.method == experiment::CiMethod::kStudentT);
  const auto t = experiment::t_interval(m.per_replication);
  CHECK(m.stats.ci.lo == t.lo);
  CHECK(m.stats.ci.hi == t.hi);
}

TEST_CASE("bootstrap_metrics get the studentized bootstrap and the rest keep t", "[experiment][statistics]") {
  const auto o = experiment::summary_options(scenario_with(R"({"bootstrap_metrics": ["pipeline_value"], "resamples": 500})"));
  CHECK(o.seed == 7);
  const auto sum = experiment::summarize(two_arms(), o);
  const auto& skewed = metric(sum, 0, "pipeline_value");
  const auto& plain = metric(sum, 0, "invites_sent");
  CHECK(skewed.method == experiment::CiMethod::kBootstrapT);
  CHECK(plain.method == experiment::CiMethod::kStudentT);
  // The bootstrap-t interval of right-skewed data reaches further above the mean than below it;
  // the t interval is symmetric.
  CHECK(skewed.stats.ci.hi - skewed.stats.mean > skewed.stats.mean - skewed.stats.ci.lo);
  const auto t = experiment::t_interval(skewed.per_replication);
  CHECK(skewed.stats.ci.hi != t.hi);
  // Comparisons use the same method per metric.
  REQUIRE(sum.comparisons.size() == 1);
  const auto& c = sum.comparisons[0];
  for (std::size_t i = 0; i < c.metrics.size(); ++i)
    CHECK(c.methods[i] == (c.metrics[i].first == "pipeline_value" ? experiment::CiMethod::kBootstrapT : experiment::CiMethod::kStudentT));
}

TEST_CASE("bootstrap intervals are reproducible and do not depend on arm order or names", "[experiment][statistics]") {
  const auto o = experiment::summary_options(scenario_with(R"({"ci": "bootstrap_percentile"})"));
  auto arms = two_arms();
  const auto first = experiment::summarize(arms, o);
  const auto again = experiment::summarize(arms, o);
  std::swap(arms[0], arms[1]);
  arms[0].name = std::string("renamed");
  const auto swapped = experiment::summarize(arms, o);
  for (const char* name : {"pipeline_value", "invites_sent"}) {
    CHECK(metric(first, 0, name).method == experiment::CiMethod::kBootstrap);
    CHECK(metric(first, 0, name).stats.ci.lo == metric(again, 0, name).stats.ci.lo);
    CHECK(metric(first, 0, name).stats.ci.hi == metric(again, 0, name).stats.ci.hi);
    // Arm "b" is now first: same data, same stream, same interval.
    CHECK(metric(first, 1, name).stats.ci.lo == metric(swapped, 0, name).stats.ci.lo);
    CHECK(metric(first, 1, name).stats.ci.hi == metric(swapped, 0, name).stats.ci.hi);
  }
  // Another seed draws other resamples.
  auto other = o;
  other.seed = 8;
  const auto reseeded = experiment::summarize(two_arms(), other);
  CHECK(metric(reseeded, 0, "pipeline_value").stats.ci.lo != metric(first, 0, "pipeline_value").stats.ci.lo);
}

TEST_CASE("an unknown bootstrap metric or method is an input error with its path", "[experiment][statistics]") {
  try {
    scenario_with(R"({"bootstrap_metrics": ["invites_sent", "pipline_value"]})");
    FAIL("accepted an unknown metric");
  } catch (const config::InputError& e) {
    REQUIRE(e.issues().size() == 1);
    CHECK(e.issues()[0].path == "/statistics/bootstrap_metrics/1");
    CHECK(e.issues()[0].hint == "did you mean \"pipeline_value\"?");
  }
  // Every registered metric is a valid name, the ones added with the registry and the policy ones too.
  for (const auto& m : metrics::kMetrics)
    CHECK_NOTHROW(scenario_with(R"({"bootstrap_metrics": [")" + std::string(m.name) + R"("]})"));
  try {
    scenario_with(R"({"ci": "jackknife"})");
    FAIL("accepted an unknown method");
  } catch (const config::InputError& e) {
    REQUIRE(!e.issues().empty());
    CHECK(e.issues()[0].path == "/statistics/ci");
  }
  CHECK_THROWS_AS(scenario_with(R"({"resamples": 10})"), config::InputError);
}
