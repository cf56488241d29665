// Vega-Lite specs for the sweep report: each metric against the first varied parameter.
#include <map>
#include <set>
#include <string>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/report_charts.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;

// A parameter value as text: strings as they are, anything else as JSON (numbers, booleans).
std::vector<std::string> parameters_of(const json& sweep, const json& points) {
  std::vector<std::string> params;
  if (sweep.contains("parameters") && sweep["parameters"].is_array()) {
    for (const json& p : sweep["parameters"]) {
      if (p.is_string()) params.push_back(p.get<std::string>());
    }
  }
  if (params.empty() && !points.empty() && points[0].contains("values") && points[0]["values"].is_object()) {
    for (const auto& [key, value] : points[0]["values"].items()) params.push_back(key);
  }
  return params;
}

}  // namespace

std::vector<Chart> sweep_charts(const nlohmann::json& sweep) {
  const json empty = json::array();
  const json& points = sweep.contains("points") && sweep["points"].is_array() ? sweep["points"] : empty;
  const auto params = parameters_of(sweep, points);
  if (params.empty() || points.empty()) return {};
  const std::string& x_param = params[0];

  // The x axis is quantitative when every value of the first parameter is a number.
  bool numeric_x = true;
  std::vector<std::string> x_order;
  std::vector<std::string> group_order;
  std::vector<std::string> arm_order;
  std::vector<std::string> metric_order;
  std::set<std::string> seen_x;
  std::set<std::string> seen_group;
  std::set<std::string> seen_arm;
  std::set<std::string> seen_metric;
  const auto values_of = [](const json& point) -> const json& {
    static const json kNone = json::object();
    return point.contains("values") && point["values"].is_object() ? point["values"] : kNone;
  };
  const auto group_of = [&params, &values_of](const json& point) {
    std::string g;
    for (std::size_t i = 1; i < params.size(); ++i) {
      const json& values = values_of(point);
      if (!g.empty()) g += ", ";
      g += params[i] + " = " + (values.contains(params[i]) ? value_text(values[params[i]]) : "?");
    }
    return g;
  };
  for (const json& point : points) {
    const json& values = values_of(point);
    const json x = values.contains(x_param) ? values[x_param] : json();
    if (!x.is_number()) numeric_x = false;
    if (seen_x.insert(value_text(x)).second) x_order.push_back(value_text(x));
    if (const std::string g = group_of(point); seen_group.insert(g).second) group_order.push_back(g);
    if (!point.contains("arms") || !point["arms"].is_array()) continue;
    for (const json& arm : point["arms"]) {
      const std::string name = string_at(arm, "name", "arm");
      if (seen_arm.insert(name).second) arm_order.push_back(name);
      if (!arm.contains("metrics") || !arm["metrics"].is_object()) continue;
      for (const auto& [m, value] : arm["metrics"].items()) {
        if (seen_metric.insert(m).second) metric_order.push_back(m);
      }
    }
  }

  std::vector<Chart> charts;
  for (std::size_t mi = 0; mi < metric_order.size(); ++mi) {
    const std::string& m = metric_order[mi];
    json rows = json::array();
    bool any_nonzero = false;
    for (const json& point : points) {
      const json& values = values_of(point);
      const json x = values.contains(x_param) ? values[x_param] : json();
      if (!point.contains("arms") || !point["arms"].is_array()) continue;
      for (const json& arm : point["arms"]) {
        if (!arm.contains("metrics") || !arm["metrics"].is_object() || !arm["metrics"].contains(m)) continue;
        const json& stat = arm["metrics"][m];
        const auto mean = number_at(stat, "mean");
        if (!mean) continue;
        any_nonzero = any_nonzero || *mean != 0.0;
        double lo = *mean;
        double hi = *mean;
        if (stat.contains("ci95") && stat["ci95"].is_array() && stat["ci95"].size() == 2 && stat["ci95"][0].is_number() &&
            stat["ci95"][1].is_number()) {
          lo = stat["ci95"][0].get<double>();
          hi = stat["ci95"][1].get<double>();
        }
        json row = {{"arm", string_at(arm, "name", "arm")}, {"group", group_of(point)}, {"mean", *mean}, {"lo", lo}, {"hi", hi}};
        row["x"] = numeric_x ? x : json(value_text(x));
        rows.push_back(std::move(row));
      }
    }
    if (rows.empty() || !any_nonzero) continue;
    json x_enc = {{"field", "x"}, {"type", numeric_x ? "quantitative" : "ordinal"}, {"title", x_param}};
    if (numeric_x) x_enc["scale"] = {{"zero", false}};
    if (!numeric_x) x_enc["sort"] = x_order;
    const json color = {{"field", "arm"}, {"type", "nominal"}, {"title", "arm"}, {"scale", {{"domain", arm_order}}}};
    json y = {{"field", "mean"}, {"type", "quantitative"}, {"title", metrics::label_of(m)}};
    // Rates (acceptance, recall, false positives) read as percentages.
    const metrics::MetricDef* def = metrics::find_metric(m);
    if (def && def->unit == metrics::Unit::kRate) y["axis"] = {{"format", ".0%"}};
    const json layers = {
        {{"mark", {{"type", "rule"}}},
         {"encoding", {{"x", x_enc}, {"y", {{"field", "lo"}, {"type", "quantitative"}, {"title", metrics::label_of(m)}}}, {"y2", {{"field", "hi"}}}, {"color", color}}}},
        {{"mark", {{"type", "line"}, {"point", true}}},
         {"encoding",
          {{"x", x_enc}, {"y", y}, {"color", color},
           {"tooltip", json::array({{{"field", "arm"}}, {{"field", "x"}, {"title", x_param}}, {{"field", "mean"}, {"format", ".3~f"}}})}}}}};
    Chart chart;
    chart.id = "chart-sweep-" + std::to_string(mi + 1);
    chart.title = metrics::label_of(m) + " against " + x_param;
    chart.caption = "Mean over replications at each value of " + x_param + ", with 95% CIs as vertical lines" +
                    (params.size() > 1 ? "; one panel per combination of the other parameters." : ".");
    if (group_order.size() > 1) {
      chart.spec = {{"data", {{"values", rows}}},
                    {"facet", {{"field", "group"}, {"type", "nominal"}, {"title", nullptr}, {"sort", group_order}}},
                    {"columns", 3},
                    {"spec", {{"width", 240}, {"height", 180}, {"layer", layers}}}};
    } else {
      chart.spec = {{"width", 640}, {"height", 240}, {"data", {{"values", rows}}}, {"layer", layers}};
    }
    charts.push_back(std::move(chart));
  }

  // Policy sweeps: false positives against spam delivered, one point per (sweep point, arm).
  json trade = json::array();
  for (const json& point : points) {
    if (!point.contains("arms") || !point["arms"].is_array()) continue;
    std::string label;
    for (const auto& param : params) {
      const json& values = values_of(point);
      label += (label.empty() ? "" : ", ") + param + " = " + (values.contains(param) ? value_text(values[param]) : "?");
    }
    for (const json& arm : point["arms"]) {
      if (!arm.contains("metrics") || !arm["metrics"].is_object()) continue;
      const json& ms = arm["metrics"];
      const std::string fpr_key(metrics::metric_name("legit_false_positive_rate"));
      const std::string spam_key(metrics::metric_name("spam_invites_delivered"));
      if (!ms.contains(fpr_key) || !ms.contains(spam_key)) continue;
      const auto f = number_at(ms[fpr_key], "mean");
      const auto sp = number_at(ms[spam_key], "mean");
      if (!f || !sp) continue;
      trade.push_back({{"arm", string_at(arm, "name", "arm")}, {"point", label}, {"fpr", *f}, {"spam", *sp}});
    }
  }
  if (!trade.empty()) {
    const json x = {{"field", "fpr"}, {"type", "quantitative"}, {"title", "legitimate senders wrongly restricted (share)"}, {"axis", {{"format", ".1%"}}}};
    const json y = {{"field", "spam"}, {"type", "quantitative"}, {"title", "spam invitations delivered"}};
    const json color = {{"field", "arm"}, {"type", "nominal"}, {"title", "arm"}, {"scale", {{"domain", arm_order}}}};
    Chart chart;
    chart.id = "chart-sweep-policy-tradeoff";
    chart.title = "Policy trade-off across the sweep";
    chart.caption = "Each point is one arm at one sweep point (labelled with its parameter values): towards the bottom "
                    "left is better, fewer spam invitations delivered and fewer legitimate senders restricted.";
    chart.spec = {{"width", 640},
                  {"height", 320},
                  {"data", {{"values", trade}}},
                  {"layer",
                   {{{"mark", {{"type", "point"}, {"filled", true}, {"size", 80}}},
                     {"encoding", {{"x", x}, {"y", y}, {"color", color},
                                   {"tooltip", json::array({{{"field", "arm"}}, {{"field", "point"}}, {{"field", "fpr"}, {"format", ".1%"}}, {{"field", "spam"}, {"format", ",.0f"}}})}}}},
                    {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 7}, {"dy", -7}, {"fontSize", 10}}},
                     {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "point"}}}}}}}}};
    charts.push_back(std::move(chart));
  }
  return charts;
}

}  // namespace linksim::report
