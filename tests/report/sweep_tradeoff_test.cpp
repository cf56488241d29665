// The sweep report's policy trade-off chart: one point per (sweep point, arm) that reports both
// platform metrics, named by the point's parameter values (and its arm, when there are several).
#include <catch2/catch.hpp>

#include <algorithm>

#include "linksim/report/report_charts.hpp"

using nlohmann::json;

namespace {
json arm(const std::string& name, double fpr, double spam) {
  return {{"name", name},
          {"metrics", {{"legit_false_positive_rate", {{"mean", fpr}, {"ci95", {fpr, fpr}}}},
                       {"spam_invites_delivered", {{"mean", spam}, {"ci95", {spam, spam}}}}}}};
}
}  // namespace

TEST_CASE("a policy sweep gets a false-positive against spam-delivered chart", "[report][sweep]") {
  json sweep = {{"parameters", {"platform.plans.free.weekly_invite_cap"}},
                {"points", json::array()}};
  for (int cap : {100, 200, 800})
    sweep["points"].push_back({{"values", {{"platform.plans.free.weekly_invite_cap", cap}}},
                               {"arms", json::array({arm("rules", 0.01 * cap / 100, 1000.0 * cap)})}});
  const auto charts = linksim::report::sweep_charts(sweep);
  const auto it = std::find_if(charts.begin(), charts.end(), [](const auto& c) { return c.id == "chart-sweep-policy-tradeoff"; });
  REQUIRE(it != charts.end());
  const json& rows = it->spec.at("data").at("values");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].at("name") == "platform.plans.free.weekly_invite_cap = 200");
  CHECK(it == charts.begin());  // a policy sweep's headline comes first
  CHECK(rows[1].at("fpr") == Approx(0.02));
  CHECK(rows[2].at("spam") == Approx(800000.0));

  // Per-metric charts take the registry's label, and a rate's axis reads in percent.
  REQUIRE(charts.size() == 3);
  for (const auto& c : charts) {
    if (c.id == "chart-sweep-policy-tradeoff") continue;
    const json& y = c.spec.at("layer").at(1).at("encoding").at("y");
    if (y.at("title") == "legitimate false-positive rate") {
      CHECK(y.at("axis").at("format") == ".0%");
    } else {
      CHECK(y.at("title") == "spam invitations delivered");
      CHECK_FALSE(y.contains("axis"));
    }
  }

  // Without the platform metrics there is nothing to trade off.
  for (auto& p : sweep["points"]) p["arms"][0]["metrics"].erase("legit_false_positive_rate");
  const auto none = linksim::report::sweep_charts(sweep);
  CHECK(std::none_of(none.begin(), none.end(), [](const auto& c) { return c.id == "chart-sweep-policy-tradeoff"; }));
}
