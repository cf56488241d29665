// The policy trade-off chart: numbered points whose numbers do not overlap, a legend table, the
// non-dominated points filled and listed, axes from zero, CIs inside the metrics' ranges.
#include "linksim/report/tradeoff_chart.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "linksim/report/label_layout.hpp"
#include "report_fixture.hpp"

using linksim::report::TradeoffPoint;
using linksim::report::tradeoff_chart;
using nlohmann::json;

using linksim::testing::count;

namespace {

// Twelve arms shaped like scenarios/limiter_stress.json's: most bunched at a few tenths of a
// percent of false positives and 80-90 thousand spam invitations, two far out.
std::vector<TradeoffPoint> twelve_arms() {
  const std::vector<std::tuple<const char*, double, double>> arms = {
      {"linkedin_2025", 0.0004, 87050}, {"cap_200", 0.0004, 160000}, {"cap_800", 0.0002, 420000},
      {"calendar_week", 0.0004, 87100}, {"no_acceptance_floor", 0.0, 91000}, {"floor_45", 0.012, 70000},
      {"reports_3", 0.0073, 83450},     {"reports_10", 0.0, 86920},         {"pending_500", 0.0004, 87000},
      {"limit_strikes", 0.0030, 84000}, {"abuse_score", 0.0040, 60000},     {"token_bucket", 0.0004, 86950}};
  std::vector<TradeoffPoint> points;
  for (const auto& [name, fpr, spam] : arms) points.push_back({name, fpr, fpr - 0.002, fpr + 0.002, spam, spam * 0.98, spam * 1.02});
  return points;
}

}  // namespace

TEST_CASE("the trade-off chart marks and lists the non-dominated arms", "[report][tradeoff]") {
  const auto chart = tradeoff_chart(twelve_arms(), "chart-x", "T", "C");
  const json& rows = chart.spec.at("data").at("values");
  REQUIRE(rows.size() == 12);
  // Lower is better on both. reports_10 (0%, 86,920) beats every arm at 0.04% or 0.02% and
  // no_acceptance_floor (0%, 91,000); abuse_score (0.4%, 60,000) beats reports_3 and floor_45;
  // limit_strikes (0.3%, 84,000) is beaten by none: less spam than everything left of it.
  std::vector<std::string> front;
  for (const json& r : rows)
    if (r.at("status") == "non-dominated") front.push_back(r.at("name"));
  CHECK(front == std::vector<std::string>{"reports_10", "limit_strikes", "abuse_score"});
  CHECK(rows[0].at("n") == 1);
  CHECK(rows[11].at("n") == 12);
  CHECK(rows[11].at("name") == "token_bucket");
  // Listed under the chart, in arm order, and one filled marker per non-dominated row.
  CHECK(chart.after_html.find("<strong>Non-dominated:</strong> reports_10, limit_strikes, abuse_score.") != std::string::npos);
  CHECK(count(chart.after_html, "<tr class=\"front\">") == 3);
  CHECK(count(chart.after_html, "<span class=\"marker filled\"></span>") == 3);
  CHECK(count(chart.after_html, "<span class=\"marker\"></span>") == 9);
  CHECK(chart.after_html.find("<td><span class=\"marker\"></span>12</td><td>token_bucket</td><td>0.04%") != std::string::npos);
  // Filled and hollow markers are separate layers.
  const json& layers = chart.spec.at("layer");
  CHECK(layers[3].at("transform")[0].at("filter") == "datum.status === 'dominated'");
  CHECK(layers[3].at("mark").at("filled") == false);
  CHECK(layers[4].at("mark").at("filled") == true);
}

TEST_CASE("the trade-off chart's numbers never overlap", "[report][tradeoff]") {
  const auto chart = tradeoff_chart(twelve_arms(), "chart-x", "T", "C");
  const json& rows = chart.spec.at("data").at("values");
  const double width = chart.spec.at("width");
  const double height = chart.spec.at("height");
  const json& x_domain = chart.spec.at("layer")[0].at("encoding").at("x").at("scale").at("domain");
  const json& y_domain = chart.spec.at("layer")[0].at("encoding").at("y").at("scale").at("domain");
  // Back from data units to the pixels Vega-Lite draws at (fixed domains, no "nice").
  std::vector<linksim::report::LabelBox> boxes;
  for (const json& r : rows) {
    REQUIRE(r.at("placed") == true);
    const double cx = r.at("label_x").get<double>() / x_domain[1].get<double>() * width;
    const double cy = height - r.at("label_y").get<double>() / y_domain[1].get<double>() * height;
    const double w = static_cast<double>(std::to_string(r.at("n").get<int>()).size()) * 7.5 + 4;
    boxes.push_back({cx - w / 2, cy - 7.5, cx + w / 2, cy + 7.5});
    CHECK(cx - w / 2 >= -1e-9);
    CHECK(cx + w / 2 <= width + 1e-9);
  }
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      INFO(i << " and " << j);
      // 1e-6 pixels of slack for the round trip through data units.
      auto a = boxes[i];
      a.x0 += 1e-6, a.y0 += 1e-6, a.x1 -= 1e-6, a.y1 -= 1e-6;
      CHECK_FALSE(linksim::report::overlaps(a, boxes[j]));
    }
}

TEST_CASE("the trade-off chart's axes start at zero and its CIs stay in range", "[report][tradeoff]") {
  // A t-interval around a small rate reaches below zero; one around a count too.
  std::vector<TradeoffPoint> points = {{"a", 0.004, -0.02, 0.03, 5, -3, 12}, {"b", 0.9, 0.8, 1.3, 40, 30, 50}};
  const auto chart = tradeoff_chart(points, "chart-x", "T", "C");
  const json& rows = chart.spec.at("data").at("values");
  CHECK(rows[0].at("fpr_lo") == 0.0);
  CHECK(rows[0].at("fpr_hi") == 0.03);
  CHECK(rows[0].at("spam_lo") == 0.0);
  CHECK(rows[1].at("fpr_hi") == 1.0);
  for (const json& layer : chart.spec.at("layer")) {
    const json& enc = layer.at("encoding");
    CHECK(enc.at("x").at("scale").at("domain") == json({0.0, 1.0}));   // a rate: [0, 1] at most
    CHECK(enc.at("y").at("scale").at("domain") == json({0.0, 60.0}));  // 52.5 → 60
    CHECK(enc.at("x").at("scale").at("nice") == false);
    CHECK(enc.at("y").at("scale").at("zero") == true);
  }
  // The legend table shows the clamped interval.
  CHECK(chart.after_html.find("<td>0.4%<span class=\"ci\">[0%, 3%]</span></td><td>5<span class=\"ci\">[0, 12]</span></td>") !=
        std::string::npos);
}

TEST_CASE("the trade-off chart escapes names and handles one arm", "[report][tradeoff]") {
  const auto chart = tradeoff_chart({{"<b>x</b>", 0.01, 0.01, 0.01, 7, 7, 7}}, "chart-x", "T", "C");
  CHECK(chart.after_html.find("<b>x</b>") == std::string::npos);
  CHECK(chart.after_html.find("<strong>Non-dominated:</strong> &lt;b&gt;x&lt;/b&gt;.") != std::string::npos);
  CHECK(chart.spec.at("data").at("values")[0].at("status") == "non-dominated");
}
