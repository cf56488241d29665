#include "linksim/report/tradeoff_chart.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/axis_top.hpp"
#include "linksim/report/html_escape.hpp"
#include "linksim/report/label_layout.hpp"
#include "linksim/report/pareto.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;

constexpr double kTradeoffWidth = 760;   // plot area, pixels
constexpr double kTradeoffHeight = 360;
constexpr double kMarkerSize = 100;  // Vega-Lite point size: area in square pixels
constexpr double kMarkerRadius = 7;  // sqrt(100 / pi) = 5.6, plus the hollow marker's stroke
constexpr double kFontSize = 11;
constexpr double kCharWidth = 7.5;   // a bold digit at 11 px is about 7 px wide
constexpr double kLabelPadding = 4;
constexpr double kLabelHeight = 15;

constexpr auto kFprName = metrics::policy_metric("legit_false_positive_rate");
constexpr auto kSpamName = metrics::policy_metric("spam_invites_delivered");
constexpr const char* kFront = "non-dominated";
constexpr const char* kDominated = "dominated";
constexpr const char* kFrontColor = "#1f4e79";
constexpr const char* kDominatedColor = "#7b8794";

std::string percent(double share) { return format_number(100 * share) + "%"; }

std::string legend_html(const std::vector<TradeoffPoint>& points, const std::set<std::size_t>& front) {
  std::string out = "<div class=\"table-wrap\"><table class=\"tradeoff-legend\">\n<thead><tr><th>#</th><th>name</th><th>" +
                    html_escape(metrics::label_of(kFprName)) + "</th><th>" + html_escape(metrics::label_of(kSpamName)) +
                    "</th><th>non-dominated</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < points.size(); ++i) {
    const TradeoffPoint& p = points[i];
    const bool on_front = front.count(i) > 0;
    out += fmt::format(
        "<tr{}><td><span class=\"marker{}\"></span>{}</td><td>{}</td><td>{}<span class=\"ci\">[{}, {}]</span></td>"
        "<td>{}<span class=\"ci\">{}</span></td><td>{}</td></tr>\n",
        on_front ? " class=\"front\"" : "", on_front ? " filled" : "", i + 1, html_escape(p.name), percent(p.fpr),
        percent(p.fpr_lo), percent(p.fpr_hi), format_number(p.spam), format_interval(p.spam_lo, p.spam_hi),
        on_front ? "yes" : "");
  }
  out += "</tbody></table></div>\n";
  std::string names;
  for (const std::size_t i : front) names += (names.empty() ? "" : ", ") + html_escape(points[i].name);
  out += "<p class=\"non-dominated\"><strong>Non-dominated:</strong> " + (names.empty() ? std::string("none") : names) +
         ". No other point has both fewer spam invitations delivered and fewer legitimate senders restricted "
         "(comparing means; where the CIs overlap the order is uncertain).</p>\n";
  return out;
}

}  // namespace

Chart tradeoff_chart(const std::vector<TradeoffPoint>& input, std::string id, std::string title, std::string caption) {
  // Intervals clamped to what the metrics can be: a share in [0, 1], a count from 0.
  std::vector<TradeoffPoint> points = input;
  for (TradeoffPoint& p : points) {
    p.fpr_lo = std::clamp(std::min(p.fpr_lo, p.fpr), 0.0, 1.0);
    p.fpr_hi = std::clamp(std::max(p.fpr_hi, p.fpr), 0.0, 1.0);
    p.spam_lo = std::max(std::min(p.spam_lo, p.spam), 0.0);
    p.spam_hi = std::max(std::max(p.spam_hi, p.spam), 0.0);
  }
  std::vector<std::vector<double>> objectives;
  for (const TradeoffPoint& p : points) objectives.push_back({p.fpr, p.spam});
  const metrics::Better goals[] = {metrics::better_of(kFprName), metrics::better_of(kSpamName)};
  const auto front_list = pareto_front(objectives, goals);
  const std::set<std::size_t> front(front_list.begin(), front_list.end());

  double fpr_max = 0, spam_max = 0;
  for (const TradeoffPoint& p : points) {
    fpr_max = std::max(fpr_max, p.fpr_hi);
    spam_max = std::max(spam_max, p.spam_hi);
  }
  const double x_top = axis_top(fpr_max, 1.0);
  const double y_top = axis_top(spam_max);

  // Numbers beside the markers, in pixels of the plot area (y down), then back to data units.
  std::vector<LabelRequest> requests;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double chars = static_cast<double>(std::to_string(i + 1).size());
    requests.push_back({points[i].fpr / x_top * kTradeoffWidth, kTradeoffHeight - points[i].spam / y_top * kTradeoffHeight,
                        chars * kCharWidth + kLabelPadding, kLabelHeight});
  }
  const auto placed = place_labels(requests, kMarkerRadius, kTradeoffWidth, kTradeoffHeight);

  json rows = json::array();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const TradeoffPoint& p = points[i];
    json row = {{"n", i + 1}, {"name", p.name}, {"status", front.count(i) ? kFront : kDominated},
                {"fpr", p.fpr}, {"fpr_lo", p.fpr_lo}, {"fpr_hi", p.fpr_hi},
                {"spam", p.spam}, {"spam_lo", p.spam_lo}, {"spam_hi", p.spam_hi},
                {"placed", placed[i].placed}, {"leader", placed[i].placed && placed[i].far}};
    if (placed[i].placed) {
      const LabelBox& b = placed[i].box;
      row["label_x"] = (b.x0 + b.x1) / 2 / kTradeoffWidth * x_top;
      row["label_y"] = (kTradeoffHeight - (b.y0 + b.y1) / 2) / kTradeoffHeight * y_top;
    }
    rows.push_back(std::move(row));
  }

  const json x_scale = {{"domain", {0.0, x_top}}, {"nice", false}, {"zero", true}, {"clamp", true}};
  const json y_scale = {{"domain", {0.0, y_top}}, {"nice", false}, {"zero", true}, {"clamp", true}};
  const auto x = [&](const char* field) {
    return json{{"field", field}, {"type", "quantitative"}, {"title", "legitimate senders wrongly restricted (share)"},
                {"scale", x_scale}, {"axis", {{"format", ".1%"}}}};
  };
  const auto y = [&](const char* field) {
    return json{{"field", field}, {"type", "quantitative"}, {"title", "spam invitations delivered"},
                {"scale", y_scale}, {"axis", {{"format", ",.0f"}}}};
  };
  const json color = {{"field", "status"}, {"type", "nominal"}, {"legend", nullptr},
                      {"scale", {{"domain", {kFront, kDominated}}, {"range", {kFrontColor, kDominatedColor}}}}};
  const json tooltip = json::array({{{"field", "n"}, {"title", "#"}}, {{"field", "name"}}, {{"field", "status"}},
                                    {{"field", "fpr"}, {"type", "quantitative"}, {"title", "false-positive rate"}, {"format", ".2%"}},
                                    {{"field", "spam"}, {"type", "quantitative"}, {"title", "spam delivered"}, {"format", ",.0f"}}});
  const auto only = [](const char* test) { return json::array({{{"filter", test}}}); };
  json layers = json::array();
  // 95% CIs, horizontal and vertical.
  layers.push_back({{"mark", {{"type", "rule"}, {"opacity", 0.55}}},
                    {"encoding", {{"x", x("fpr_lo")}, {"x2", {{"field", "fpr_hi"}}}, {"y", y("spam")}, {"color", color}}}});
  layers.push_back({{"mark", {{"type", "rule"}, {"opacity", 0.55}}},
                    {"encoding", {{"x", x("fpr")}, {"y", y("spam_lo")}, {"y2", {{"field", "spam_hi"}}}, {"color", color}}}});
  // Leader lines to numbers that had to move away from their marker.
  layers.push_back({{"transform", only("datum.leader")},
                    {"mark", {{"type", "rule"}, {"color", "#9aa5b1"}, {"strokeWidth", 0.75}}},
                    {"encoding", {{"x", x("fpr")}, {"y", y("spam")}, {"x2", {{"field", "label_x"}}}, {"y2", {{"field", "label_y"}}}}}});
  layers.push_back({{"transform", only("datum.status === 'dominated'")},
                    {"mark", {{"type", "point"}, {"filled", false}, {"strokeWidth", 2}, {"size", kMarkerSize}, {"opacity", 1}}},
                    {"encoding", {{"x", x("fpr")}, {"y", y("spam")}, {"color", color}, {"tooltip", tooltip}}}});
  layers.push_back({{"transform", only("datum.status === 'non-dominated'")},
                    {"mark", {{"type", "point"}, {"filled", true}, {"size", kMarkerSize}, {"opacity", 1}}},
                    {"encoding", {{"x", x("fpr")}, {"y", y("spam")}, {"color", color}, {"tooltip", tooltip}}}});
  layers.push_back({{"transform", only("datum.placed")},
                    {"mark", {{"type", "text"}, {"align", "center"}, {"baseline", "middle"}, {"fontSize", kFontSize}, {"fontWeight", "bold"}, {"color", "#1f2933"}}},
                    {"encoding", {{"x", x("label_x")}, {"y", y("label_y")}, {"text", {{"field", "n"}}}}}});

  Chart chart{std::move(id), std::move(title), std::move(caption), {}};
  chart.spec = {{"width", kTradeoffWidth}, {"height", kTradeoffHeight}, {"data", {{"values", rows}}}, {"layer", layers}};
  chart.after_html = legend_html(points, front);
  return chart;
}

}  // namespace linksim::report
