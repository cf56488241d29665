// Vega-Lite specs for the sweep report. One parameter: each metric against it, a line per arm.
// Two or more: a heat map per metric (first parameter across, second up, colour the metric),
// a panel per arm and per combination of the other parameters. A policy sweep's trade-off
// chart comes first.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/axis_top.hpp"
#include "linksim/report/report_charts.hpp"
#include "linksim/report/tradeoff_chart.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;

struct Param {
  std::string name;
  bool numeric = true;  ///< every value is a number: numeric order
  bool integer = true;  ///< every value is a whole number: integer ticks
  std::vector<json> values = {};  ///< distinct values: ascending when numeric, else in order of appearance
};

const json& values_of(const json& point) {
  static const json kNone = json::object();
  return point.is_object() && point.contains("values") && point["values"].is_object() ? point["values"] : kNone;
}

json value_at(const json& point, const std::string& param) {
  const json& values = values_of(point);
  return values.contains(param) ? values[param] : json();
}

const json& arms_of(const json& point) {
  static const json kNone = json::array();
  return point.is_object() && point.contains("arms") && point["arms"].is_array() ? point["arms"] : kNone;
}

std::vector<Param> parameters_of(const json& sweep, const json& points) {
  std::vector<std::string> names;
  if (sweep.contains("parameters") && sweep["parameters"].is_array()) {
    for (const json& p : sweep["parameters"]) {
      if (p.is_string()) names.push_back(p.get<std::string>());
    }
  }
  if (names.empty() && !points.empty()) {
    for (const auto& [key, value] : values_of(points[0]).items()) names.push_back(key);
  }
  std::vector<Param> params;
  for (const std::string& name : names) {
    Param p{name};
    for (const json& point : points) {
      const json v = value_at(point, name);
      if (std::find(p.values.begin(), p.values.end(), v) == p.values.end()) p.values.push_back(v);
      p.numeric = p.numeric && v.is_number();
      p.integer = p.integer && v.is_number() && std::trunc(v.get<double>()) == v.get<double>();
    }
    p.integer = p.integer && p.numeric;
    if (p.numeric) {
      std::stable_sort(p.values.begin(), p.values.end(), [](const json& a, const json& b) { return a.get<double>() < b.get<double>(); });
    }
    params.push_back(std::move(p));
  }
  return params;
}

// "a = 1, b = free" for the parameters from `first` on.
std::string assignment(const std::vector<Param>& params, std::size_t first, const json& point) {
  std::string out;
  for (std::size_t i = first; i < params.size(); ++i) {
    const json v = value_at(point, params[i].name);
    out += (out.empty() ? "" : ", ") + params[i].name + " = " + (v.is_null() ? std::string("?") : value_text(v));
  }
  return out;
}

// A parameter's values as the chart sees them: numbers stay numbers, the rest become text.
json chart_value(const Param& p, const json& v) { return p.numeric ? v : json(value_text(v)); }

json sort_order(const Param& p, bool descending = false) {
  json order = json::array();
  for (const json& v : p.values) order.push_back(chart_value(p, v));
  if (descending) std::reverse(order.begin(), order.end());
  return order;
}

// A metric's mean and 95% CI, the CI clamped to what the metric can be (rates in [0, 1], the
// registry's other units from 0).
struct Estimate {
  double mean, lo, hi;
};
std::optional<Estimate> estimate(const json& stat, const metrics::MetricDef* def) {
  const auto mean = number_at(stat, "mean");
  if (!mean) return std::nullopt;
  Estimate e{*mean, *mean, *mean};
  if (stat.contains("ci95") && stat["ci95"].is_array() && stat["ci95"].size() == 2 && stat["ci95"][0].is_number() &&
      stat["ci95"][1].is_number()) {
    e.lo = std::min(stat["ci95"][0].get<double>(), e.mean);
    e.hi = std::max(stat["ci95"][1].get<double>(), e.mean);
  }
  if (def != nullptr) {
    e.lo = std::max(e.lo, 0.0);
    if (def->unit == metrics::Unit::kRate) e.hi = std::min(e.hi, 1.0);
  }
  return e;
}

const json* metric_stat(const json& arm, const std::string& m) {
  if (!arm.is_object() || !arm.contains("metrics") || !arm["metrics"].is_object() || !arm["metrics"].contains(m)) return nullptr;
  return &arm["metrics"][m];
}

// The metric's axis (or legend) number format.
std::string metric_format(const metrics::MetricDef* def, double top) {
  if (def && def->unit == metrics::Unit::kRate) return top <= 0.05 ? ".1%" : ".0%";
  return ",.3~r";
}

Chart line_chart(const std::string& m, const Param& x_param, const std::vector<std::string>& arm_order, json rows, double max_hi) {
  const metrics::MetricDef* def = metrics::find_metric(m);
  const bool rate = def && def->unit == metrics::Unit::kRate;
  json x_enc = {{"field", "x"}, {"type", x_param.numeric ? "quantitative" : "ordinal"}, {"title", x_param.name}};
  if (x_param.numeric) {
    x_enc["scale"] = {{"zero", false}, {"nice", false}};
    if (x_param.integer) x_enc["axis"] = {{"tickMinStep", 1}, {"format", "d"}};
  } else {
    x_enc["sort"] = sort_order(x_param);
    x_enc["axis"] = {{"labelAngle", 0}};
  }
  const std::string label = metrics::label_of(m);
  // From zero; a rate's axis ends at 1 at most.
  json y_scale = {{"zero", true}};
  const double top = axis_top(max_hi, rate ? std::optional<double>(1.0) : std::nullopt);
  if (rate) y_scale = {{"domain", {0.0, top}}, {"nice", false}, {"zero", true}};
  json y = {{"field", "mean"}, {"type", "quantitative"}, {"title", label}, {"scale", y_scale}};
  if (rate) y["axis"] = {{"format", metric_format(def, top)}};
  json y_lo = {{"field", "lo"}, {"type", "quantitative"}, {"title", label}, {"scale", y_scale}};
  const json color = {{"field", "arm"}, {"type", "nominal"}, {"title", "arm"}, {"scale", {{"domain", arm_order}}}};
  const json layers = {
      {{"mark", {{"type", "rule"}}}, {"encoding", {{"x", x_enc}, {"y", y_lo}, {"y2", {{"field", "hi"}}}, {"color", color}}}},
      {{"mark", {{"type", "line"}, {"point", true}}},
       {"encoding",
        {{"x", x_enc}, {"y", y}, {"color", color},
         {"tooltip", json::array({{{"field", "arm"}}, {{"field", "x"}, {"title", x_param.name}}, {{"field", "mean"}, {"format", ".3~f"}}})}}}}};
  Chart chart;
  chart.title = label + " against " + x_param.name;
  chart.caption = "Mean over replications at each value of " + x_param.name + ", with 95% CIs as vertical lines.";
  chart.spec = {{"width", 640}, {"height", 240}, {"data", {{"values", std::move(rows)}}}, {"layer", layers}};
  return chart;
}

Chart heat_map(const std::string& m, const std::vector<Param>& params, const std::vector<std::string>& panel_order, json rows,
               double min_mean, double max_mean) {
  const metrics::MetricDef* def = metrics::find_metric(m);
  const std::string label = metrics::label_of(m);
  const Param& px = params[0];
  const Param& py = params[1];
  const json x = {{"field", "x"}, {"type", "ordinal"}, {"title", px.name}, {"sort", sort_order(px)}, {"axis", {{"labelAngle", 0}}}};
  // Numbers grow upwards.
  const json y = {{"field", "y"}, {"type", "ordinal"}, {"title", py.name}, {"sort", sort_order(py, py.numeric)}};
  if (max_mean <= min_mean) max_mean = min_mean + 1;
  const std::string format = metric_format(def, max_mean);
  const json color = {{"field", "mean"}, {"type", "quantitative"}, {"title", label},
                      {"scale", {{"scheme", "blues"}, {"domain", {min_mean, max_mean}}}},
                      {"legend", {{"format", format}}}};
  const json tooltip = json::array({{{"field", "arm"}}, {{"field", "x"}, {"title", px.name}}, {{"field", "y"}, {"title", py.name}},
                                    {{"field", "mean"}, {"type", "quantitative"}, {"format", ".3~f"}},
                                    {{"field", "lo"}, {"type", "quantitative"}, {"title", "95% CI low"}, {"format", ".3~f"}},
                                    {{"field", "hi"}, {"type", "quantitative"}, {"title", "95% CI high"}, {"format", ".3~f"}}});
  // Dark cells get white numbers.
  const double threshold = (min_mean + max_mean) / 2;
  const json layers = {
      {{"mark", {{"type", "rect"}}}, {"encoding", {{"x", x}, {"y", y}, {"color", color}, {"tooltip", tooltip}}}},
      {{"mark", {{"type", "text"}, {"fontSize", 11}}},
       {"encoding",
        {{"x", x}, {"y", y}, {"text", {{"field", "mean"}, {"type", "quantitative"}, {"format", format}}},
         {"color", {{"condition", {{"test", fmt::format("datum.mean > {}", threshold)}, {"value", "white"}}}, {"value", "#1f2933"}}}}}}};
  const json cells = {{"width", {{"step", 64}}}, {"height", {{"step", 30}}}, {"layer", layers}};
  Chart chart;
  chart.title = label + " by " + px.name + " and " + py.name;
  chart.caption = "Mean over replications for each combination of " + px.name + " (across) and " + py.name +
                  " (up and down); colour and number show the metric, the tooltip its 95% CI.";
  if (panel_order.size() > 1) {
    chart.caption += " One panel per arm" + std::string(params.size() > 2 ? " and per combination of the other parameters" : "") + ".";
    chart.spec = {{"data", {{"values", std::move(rows)}}},
                  {"facet", {{"field", "panel"}, {"type", "nominal"}, {"title", nullptr}, {"sort", panel_order}}},
                  {"columns", 3},
                  {"spec", cells}};
  } else {
    chart.spec = cells;
    chart.spec["data"] = {{"values", std::move(rows)}};
  }
  return chart;
}

}  // namespace

std::vector<Chart> sweep_charts(const nlohmann::json& sweep) {
  const json empty = json::array();
  const json& points = sweep.contains("points") && sweep["points"].is_array() ? sweep["points"] : empty;
  const auto params = parameters_of(sweep, points);
  if (params.empty() || points.empty()) return {};

  std::vector<std::string> arm_order;
  std::vector<std::string> metric_order;
  std::set<std::string> seen_arm;
  std::set<std::string> seen_metric;
  for (const json& point : points) {
    for (const json& arm : arms_of(point)) {
      const std::string name = string_at(arm, "name", "arm");
      if (seen_arm.insert(name).second) arm_order.push_back(name);
      if (!arm.contains("metrics") || !arm["metrics"].is_object()) continue;
      for (const auto& [m, value] : arm["metrics"].items()) {
        if (seen_metric.insert(m).second) metric_order.push_back(m);
      }
    }
  }
  // Heat-map panels: the arm (when there are several), then the other parameters' values.
  const auto panel_of = [&](const json& point, const std::string& arm) {
    std::string panel = arm_order.size() > 1 ? arm : "";
    if (params.size() > 2) panel += (panel.empty() ? "" : ", ") + assignment(params, 2, point);
    return panel;
  };
  std::vector<std::string> panel_order;
  if (params.size() > 1) {
    std::set<std::string> seen_panel;
    for (const std::string& arm : arm_order)
      for (const json& point : points)
        if (const std::string p = panel_of(point, arm); seen_panel.insert(p).second) panel_order.push_back(p);
  }

  std::vector<Chart> charts;
  // Policy sweeps: false positives against spam delivered, one point per (sweep point, arm).
  std::vector<TradeoffPoint> trade;
  const std::string fpr_key(metrics::metric_name("legit_false_positive_rate"));
  const std::string spam_key(metrics::metric_name("spam_invites_delivered"));
  for (const json& point : points) {
    for (const json& arm : arms_of(point)) {
      const json* f = metric_stat(arm, fpr_key);
      const json* s = metric_stat(arm, spam_key);
      if (!f || !s) continue;
      const auto fe = estimate(*f, metrics::find_metric(fpr_key));
      const auto se = estimate(*s, metrics::find_metric(spam_key));
      if (!fe || !se) continue;
      const std::string where = assignment(params, 0, point);
      trade.push_back({arm_order.size() > 1 ? string_at(arm, "name", "arm") + " at " + where : where, fe->mean, fe->lo, fe->hi,
                       se->mean, se->lo, se->hi});
    }
  }
  if (!trade.empty()) {
    charts.push_back(tradeoff_chart(trade, "chart-sweep-policy-tradeoff", "Policy trade-off across the sweep",
                                    "Each numbered point is one arm at one sweep point (the table below names it): towards "
                                    "the bottom left is better, fewer spam invitations delivered and fewer legitimate senders "
                                    "restricted. Filled points are non-dominated. Lines are 95% CIs; both axes start at zero."));
  }

  for (std::size_t mi = 0; mi < metric_order.size(); ++mi) {
    const std::string& m = metric_order[mi];
    const metrics::MetricDef* def = metrics::find_metric(m);
    json rows = json::array();
    bool any_nonzero = false;
    double max_hi = 0;
    double min_mean = INFINITY;
    double max_mean = -INFINITY;
    for (const json& point : points) {
      for (const json& arm : arms_of(point)) {
        const json* stat = metric_stat(arm, m);
        if (!stat) continue;
        const auto e = estimate(*stat, def);
        if (!e) continue;
        any_nonzero = any_nonzero || e->mean != 0.0;
        max_hi = std::max(max_hi, e->hi);
        min_mean = std::min(min_mean, e->mean);
        max_mean = std::max(max_mean, e->mean);
        const std::string name = string_at(arm, "name", "arm");
        json row = {{"arm", name}, {"mean", e->mean}, {"lo", e->lo}, {"hi", e->hi}};
        row["x"] = chart_value(params[0], value_at(point, params[0].name));
        if (params.size() > 1) {
          row["y"] = chart_value(params[1], value_at(point, params[1].name));
          row["panel"] = panel_of(point, name);
        }
        rows.push_back(std::move(row));
      }
    }
    if (rows.empty() || !any_nonzero) continue;
    if (params[0].numeric) {
      // Numeric order in the data too (tooltips, the points a line joins).
      std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) { return a["x"].get<double>() < b["x"].get<double>(); });
    }
    Chart chart = params.size() == 1 ? line_chart(m, params[0], arm_order, std::move(rows), max_hi)
                                     : heat_map(m, params, panel_order, std::move(rows), min_mean, max_mean);
    chart.id = "chart-sweep-" + std::to_string(mi + 1);
    charts.push_back(std::move(chart));
  }
  return charts;
}

}  // namespace linksim::report
