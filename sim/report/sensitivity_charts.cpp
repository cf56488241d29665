// Vega-Lite specs of the sensitivity report: Morris μ*–σ scatter, Sobol' bars, tornado. Each
// chart holds every output's data and filters it by a drop-down bound to a Vega-Lite parameter.
#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/sensitivity_report.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;

constexpr double kSensitivityWidth = 720;
constexpr double kSensitivityHeight = 380;
constexpr std::size_t kMorrisLabelled = 5;  // parameters named beside their point, per output

const json& sensitivity_field(const json& j, const char* key, const json& fallback) {
  return j.is_object() && j.contains(key) ? j[key] : fallback;
}

double sensitivity_number(const json& j, const char* key) {
  const auto v = number_at(j, key);
  return v ? *v : 0.0;
}

// "cold: replies [count]" or "personalized - cold: replies [count]".
std::string output_label(const json& output) {
  const std::string metric = string_at(output, "metric", "?");
  const std::string arm = string_at(output, "arm", "?");
  const std::string baseline = string_at(output, "baseline");
  std::string label = baseline.empty() ? fmt::format("{}: {}", arm, metric) : fmt::format("{} - {}: {}", arm, baseline, metric);
  if (const auto* def = metrics::find_metric(metric)) label += fmt::format(" [{}]", metrics::unit_name(def->unit));
  return label;
}

// A drop-down of the outputs bound to the parameter `name`, starting at the first output.
json output_selector(const std::string& name, const std::vector<std::string>& labels) {
  return json::array({{{"name", name},
                       {"value", labels.front()},
                       {"bind", {{"input", "select"}, {"options", labels}, {"name", "output "}}}}});
}

json only_selected(const std::string& param) {
  return json::array({{{"filter", fmt::format("datum.output === {}", param)}}});
}

std::string setup_text(const json& doc) {
  const json none = json::object();
  const json& scenario = sensitivity_field(doc, "scenario", none);
  const json& design = sensitivity_field(doc, "design", none);
  return fmt::format("scenario \"{}\", seed {}, {} replications per arm and point, common random numbers",
                     string_at(scenario, "name", "?"), value_text(sensitivity_field(design, "scenario_seed", json("?"))),
                     value_text(sensitivity_field(design, "replications", json("?"))));
}

Chart morris_chart(const json& doc) {
  const json& outputs = doc["outputs"];
  const json no_design = json::object();
  const json& design = sensitivity_field(doc, "design", no_design);
  json rows = json::array();
  std::vector<std::string> labels;
  for (const json& output : outputs) {
    const json none = json::array();
    const json& indices = sensitivity_field(output, "indices", none);
    if (!indices.is_array() || indices.empty()) continue;
    const std::string label = output_label(output);
    labels.push_back(label);
    std::vector<std::size_t> order(indices.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return sensitivity_number(indices[a], "mu_star") > sensitivity_number(indices[b], "mu_star");
    });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      const json& c = indices[order[rank]];
      const double mu_star = sensitivity_number(c, "mu_star");
      rows.push_back({{"output", label},
                      {"parameter", string_at(c, "parameter", "?")},
                      {"mu_star", mu_star},
                      {"mu", sensitivity_number(c, "mu")},
                      {"sigma", sensitivity_number(c, "sigma")},
                      {"named", rank < kMorrisLabelled && mu_star > 0.0}});
    }
  }
  Chart chart{"chart-morris-scatter", "Morris screening: \u03bc* against \u03c3", "", {}};
  if (labels.empty()) return chart;
  const json x = {{"field", "mu_star"}, {"type", "quantitative"},
                  {"title", "\u03bc*: mean |elementary effect| (output units per move over the plausible range)"}};
  const json y = {{"field", "sigma"}, {"type", "quantitative"},
                  {"title", "\u03c3: sd of the elementary effects (output units)"}};
  const json tooltip = json::array({{{"field", "parameter"}},
                                    {{"field", "mu_star"}, {"type", "quantitative"}, {"title", "\u03bc*"}, {"format", ".4g"}},
                                    {{"field", "mu"}, {"type", "quantitative"}, {"title", "\u03bc"}, {"format", ".4g"}},
                                    {{"field", "sigma"}, {"type", "quantitative"}, {"title", "\u03c3"}, {"format", ".4g"}}});
  json layers = json::array();
  layers.push_back({{"mark", {{"type", "point"}, {"filled", true}, {"size", 60}, {"color", "#1f4e79"}, {"opacity", 0.8}}},
                    {"encoding", {{"x", x}, {"y", y}, {"tooltip", tooltip}}}});
  layers.push_back({{"transform", json::array({{{"filter", "datum.named"}}})},
                    {"mark", {{"type", "text"}, {"align", "left"}, {"dx", 7}, {"fontSize", 11}, {"color", "#1f2933"}}},
                    {"encoding", {{"x", x}, {"y", y}, {"text", {{"field", "parameter"}}}}}});
  chart.spec = {{"width", kSensitivityWidth},
                {"height", kSensitivityHeight},
                {"params", output_selector("morris_output", labels)},
                {"data", {{"values", rows}}},
                {"transform", only_selected("morris_output")},
                {"layer", layers}};
  chart.caption = fmt::format(
      "A point per parameter for the output chosen above: far right = moves the output most over its plausible range, high = "
      "its effect depends on where the others are (interaction or nonlinearity); at the origin = no effect. The {} largest "
      "\u03bc* are named. Morris elementary effects: {} trajectories, {} levels, {} design points x {} arms; {}.",
      kMorrisLabelled, value_text(sensitivity_field(design, "trajectories", json("?"))),
      value_text(sensitivity_field(design, "levels", json("?"))), value_text(sensitivity_field(design, "points", json("?"))),
      value_text(sensitivity_field(design, "arms", json("?"))), setup_text(doc));
  return chart;
}

std::string sobol_design_text(const json& sobol) {
  const json none = json::object();
  const json& d = sensitivity_field(sobol, "design", none);
  return fmt::format("Saltelli design, N = {} base samples, {} parameters, {} points x {} arms",
                     value_text(sensitivity_field(d, "base_samples", json("?"))),
                     sobol.contains("parameters") && sobol["parameters"].is_array() ? sobol["parameters"].size() : 0,
                     value_text(sensitivity_field(d, "points", json("?"))), value_text(sensitivity_field(d, "arms", json("?"))));
}

Chart sobol_chart(const json& doc) {
  const json& sobol = doc["sobol"];
  const json none = json::object();
  const json& d = sensitivity_field(sobol, "design", none);
  json rows = json::array();
  std::vector<std::string> labels;
  double lowest = 0.0, highest = 1.0;
  for (const json& output : sobol["outputs"]) {
    const json empty = json::array();
    const json& indices = sensitivity_field(output, "indices", empty);
    const json& ranking = sensitivity_field(output, "ranking", empty);
    if (!indices.is_array() || indices.empty()) continue;
    const std::string label = output_label(output);
    labels.push_back(label);
    for (const json& c : indices) {
      const std::string name = string_at(c, "parameter", "?");
      std::size_t rank = 0;
      while (rank < ranking.size() && !(ranking[rank].is_string() && ranking[rank].get<std::string>() == name)) ++rank;
      for (const char* which : {"S1", "ST"}) {
        const std::string ci_key = std::string(which) + "_ci";
        const json& ci = sensitivity_field(c, ci_key.c_str(), empty);
        const double value = sensitivity_number(c, which);
        const double lo = ci.is_array() && ci.size() == 2 && ci[0].is_number() ? ci[0].get<double>() : value;
        const double hi = ci.is_array() && ci.size() == 2 && ci[1].is_number() ? ci[1].get<double>() : value;
        lowest = std::min(lowest, lo);
        highest = std::max(highest, hi);
        rows.push_back({{"output", label},
                        {"parameter", name},
                        {"rank", rank},
                        {"index", std::string(which) == "S1" ? "S1 (first order: alone)" : "ST (total: with interactions)"},
                        {"value", value},
                        {"lo", lo},
                        {"hi", hi}});
      }
    }
  }
  Chart chart{"chart-sobol-bars", "Sobol' indices: first order and total", "", {}};
  if (labels.empty()) return chart;
  const json x_scale = {{"domain", {std::floor(lowest * 10) / 10, std::ceil(highest * 10) / 10}}, {"nice", false}};
  const json y = {{"field", "parameter"}, {"type", "nominal"}, {"title", "parameter"}, {"axis", {{"labelLimit", 360}}},
                  {"sort", {{"field", "rank"}, {"op", "min"}, {"order", "ascending"}}}};
  const json y_offset = {{"field", "index"}, {"type", "nominal"}};
  const json color = {{"field", "index"}, {"type", "nominal"}, {"title", "index"},
                      {"scale", {{"range", {"#9fb3c8", "#1f4e79"}}}}, {"legend", {{"orient", "bottom"}}}};
  const json tooltip = json::array({{{"field", "parameter"}}, {{"field", "index"}},
                                    {{"field", "value"}, {"type", "quantitative"}, {"format", ".3f"}},
                                    {{"field", "lo"}, {"type", "quantitative"}, {"title", "interval low"}, {"format", ".3f"}},
                                    {{"field", "hi"}, {"type", "quantitative"}, {"title", "interval high"}, {"format", ".3f"}}});
  json layers = json::array();
  layers.push_back({{"mark", {{"type", "bar"}}},
                    {"encoding",
                     {{"y", y},
                      {"yOffset", y_offset},
                      {"x", {{"field", "value"}, {"type", "quantitative"}, {"scale", x_scale},
                             {"title", "Sobol' index: share of the output's variance over the plausible box (no unit)"}}},
                      {"color", color},
                      {"tooltip", tooltip}}}});
  layers.push_back({{"mark", {{"type", "rule"}, {"color", "#1f2933"}, {"strokeWidth", 1.5}}},
                    {"encoding",
                     {{"y", y},
                      {"yOffset", y_offset},
                      {"x", {{"field", "lo"}, {"type", "quantitative"}, {"scale", x_scale}}},
                      {"x2", {{"field", "hi"}}}}}});
  chart.spec = {{"width", kSensitivityWidth},
                {"height", {{"step", 32}}},
                {"params", output_selector("sobol_output", labels)},
                {"data", {{"values", rows}}},
                {"transform", only_selected("sobol_output")},
                {"layer", layers}};
  chart.caption = fmt::format(
      "For the output chosen above, largest ST first, each varied parameter's share of the output's variance: alone (S1, Saltelli et al. 2010) "
      "and with all its interactions (ST, Jansen 1999); whiskers are {}% percentile bootstrap intervals ({} resamples of the "
      "N base rows). An output that no point changes has no variance: every index 0. {}; {}.",
      value_text(json(100 * sensitivity_number(d, "level"))), value_text(sensitivity_field(d, "bootstrap_resamples", json("?"))),
      sobol_design_text(sobol), setup_text(doc));
  return chart;
}

Chart tornado_chart(const json& doc) {
  const json& sobol = doc["sobol"];
  json rows = json::array();
  std::vector<std::string> labels;
  const json empty_array = json::array(), empty_object = json::object();
  json centres = json::object();
  for (const json& p : sensitivity_field(sobol, "parameters", empty_array))
    centres[string_at(p, "name", "?")] = {sensitivity_number(p, "low"), sensitivity_number(p, "high"), sensitivity_number(p, "centre")};
  for (const json& output : sobol["outputs"]) {
    const json& tornado = sensitivity_field(output, "tornado", empty_object);
    const json& bars = sensitivity_field(tornado, "bars", empty_array);
    const json& ranking = sensitivity_field(tornado, "ranking", empty_array);
    if (!bars.is_array() || bars.empty()) continue;
    const std::string label = output_label(output);
    labels.push_back(label);
    const double centre = sensitivity_number(tornado, "at_centre");
    for (const json& b : bars) {
      const std::string name = string_at(b, "parameter", "?");
      std::size_t rank = 0;
      while (rank < ranking.size() && !(ranking[rank].is_string() && ranking[rank].get<std::string>() == name)) ++rank;
      const json range = centres.contains(name) ? centres[name] : json::array({0.0, 0.0, 0.0});
      const std::string axis_label = fmt::format("{} ({} \u2013 {})", name, format_number(range[0].get<double>()),
                                                 format_number(range[1].get<double>()));
      for (const bool high : {false, true}) {
        rows.push_back({{"output", label},
                        {"parameter", axis_label},
                        {"rank", rank},
                        {"bound", high ? "at the high bound" : "at the low bound"},
                        {"centre", centre},
                        {"value", sensitivity_number(b, high ? "at_high" : "at_low")},
                        {"swing", sensitivity_number(b, "swing")}});
      }
    }
  }
  Chart chart{"chart-tornado", "Tornado: one parameter at a time, low and high bound", "", {}};
  if (labels.empty()) return chart;
  const json y = {{"field", "parameter"}, {"type", "nominal"}, {"title", "parameter (plausible range)"}, {"axis", {{"labelLimit", 360}}},
                  {"sort", {{"field", "rank"}, {"op", "min"}, {"order", "ascending"}}}};
  const json x_title = "value of the output chosen above (its unit in brackets in the selector)";
  const json color = {{"field", "bound"}, {"type", "nominal"}, {"title", "parameter"},
                      {"scale", {{"domain", {"at the low bound", "at the high bound"}}, {"range", {"#e0a458", "#1f4e79"}}}},
                      {"legend", {{"orient", "bottom"}}}};
  const json tooltip = json::array({{{"field", "parameter"}}, {{"field", "bound"}},
                                    {{"field", "value"}, {"type", "quantitative"}, {"format", ".4g"}},
                                    {{"field", "centre"}, {"type", "quantitative"}, {"title", "at the scenario's values"}, {"format", ".4g"}},
                                    {{"field", "swing"}, {"type", "quantitative"}, {"title", "swing |high - low|"}, {"format", ".4g"}}});
  json layers = json::array();
  layers.push_back({{"mark", {{"type", "bar"}, {"opacity", 0.85}}},
                    {"encoding",
                     {{"y", y},
                      {"x", {{"field", "centre"}, {"type", "quantitative"}, {"title", x_title}, {"scale", {{"zero", false}}}}},
                      {"x2", {{"field", "value"}}},
                      {"color", color},
                      {"tooltip", tooltip}}}});
  layers.push_back({{"mark", {{"type", "rule"}, {"color", "#1f2933"}, {"strokeDash", {4, 3}}}},
                    {"encoding", {{"x", {{"field", "centre"}, {"type", "quantitative"}, {"aggregate", "min"}}}}}});
  chart.spec = {{"width", kSensitivityWidth},
                {"height", {{"step", 32}}},
                {"params", output_selector("tornado_output", labels)},
                {"data", {{"values", rows}}},
                {"transform", only_selected("tornado_output")},
                {"layer", layers}};
  const json& d = sensitivity_field(sobol, "design", empty_object);
  chart.caption = fmt::format(
      "For the output chosen above, each bar runs from the output at the scenario's own parameter values (dashed line) to "
      "the output with one parameter at the low (orange) or high (blue) end of its plausible range, every other at the "
      "scenario's value; largest swing |high - low| first. {} points ({} parameters x 2 + the centre) x {} arms; {}.",
      value_text(sensitivity_field(d, "tornado_points", json("?"))),
      sobol.contains("parameters") && sobol["parameters"].is_array() ? sobol["parameters"].size() : 0,
      value_text(sensitivity_field(d, "arms", json("?"))), setup_text(doc));
  return chart;
}

}  // namespace

std::vector<Chart> sensitivity_charts(const nlohmann::json& doc) {
  std::vector<Chart> charts;
  if (!doc.is_object()) return charts;
  if (doc.contains("outputs") && doc["outputs"].is_array()) {
    if (Chart c = morris_chart(doc); !c.spec.is_null()) charts.push_back(std::move(c));
  }
  if (doc.contains("sobol") && doc["sobol"].is_object() && doc["sobol"].contains("outputs") && doc["sobol"]["outputs"].is_array()) {
    if (Chart c = sobol_chart(doc); !c.spec.is_null()) charts.push_back(std::move(c));
    if (Chart c = tornado_chart(doc); !c.spec.is_null()) charts.push_back(std::move(c));
  }
  return charts;
}

}  // namespace linksim::report
