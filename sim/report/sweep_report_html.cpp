// The sweep report: metric-versus-parameter charts and a table of every point.
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linksim/report/html_escape.hpp"
#include "linksim/metrics/registry.hpp"
#include "linksim/report/report_charts.hpp"
#include "linksim/report/report_html.hpp"
#include "linksim/report/results.hpp"
#include "linksim/report/report_page.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;
using report::format_number;
using report::number_at;
using report::string_at;
using report::value_text;


// One row per (point, arm): the parameter values, then each metric's mean.
std::string points_table_html(const json& sweep, const std::vector<std::string>& params) {
  const json& points = sweep["points"];
  std::vector<std::string> metrics;
  std::set<std::string> seen;
  for (const json& p : points) {
    if (!p.contains("arms") || !p["arms"].is_array()) continue;
    for (const json& arm : p["arms"]) {
      if (!arm.contains("metrics") || !arm["metrics"].is_object()) continue;
      for (const auto& [m, v] : arm["metrics"].items()) {
        if (seen.insert(m).second) metrics.push_back(m);
      }
    }
  }
  std::string out = "<section id=\"points\">\n<h2>All points</h2>\n<p class=\"legend\">Mean over replications, per sender.</p>\n";
  out += "<div class=\"table-wrap\"><table id=\"points-table\">\n<thead><tr>";
  for (const auto& p : params) out += "<th>" + html_escape(p) + "</th>";
  out += "<th>arm</th>";
  for (const auto& m : metrics) out += "<th title=\"" + html_escape(metrics::tooltip_of(m)) + "\">" + html_escape(metrics::label_of(m)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const json& p : points) {
    if (!p.contains("arms") || !p["arms"].is_array()) continue;
    const json values = p.contains("values") && p["values"].is_object() ? p["values"] : json::object();
    for (const json& arm : p["arms"]) {
      out += "<tr>";
      for (const auto& param : params) {
        out += "<td>" + html_escape(values.contains(param) ? value_text(values[param]) : "?") + "</td>";
      }
      out += "<td>" + html_escape(string_at(arm, "name", "arm")) + "</td>";
      const json metrics_obj = arm.contains("metrics") && arm["metrics"].is_object() ? arm["metrics"] : json::object();
      for (const auto& m : metrics) {
        const auto mean = metrics_obj.contains(m) ? number_at(metrics_obj[m], "mean") : std::nullopt;
        out += "<td>" + (mean ? format_number(*mean) : std::string("\u2013")) + "</td>";
      }
      out += "</tr>\n";
    }
  }
  return out + "</tbody></table></div>\n</section>\n";
}

}  // namespace

std::string sweep_report_html(const nlohmann::json& sweep) {
  const json scenario = sweep.is_object() && sweep.contains("scenario") && sweep["scenario"].is_object() ? sweep["scenario"] : json::object();
  const std::string name = string_at(scenario, "name", "Unnamed scenario");
  std::vector<std::string> params;
  if (sweep.is_object() && sweep.contains("parameters") && sweep["parameters"].is_array()) {
    for (const json& p : sweep["parameters"]) {
      if (p.is_string()) params.push_back(p.get<std::string>());
    }
  }
  const auto charts = report::sweep_charts(sweep);
  std::string body = "<header class=\"report\">\n<p class=\"kicker\">linksim sweep report</p>\n";
  body += "<h1 id=\"scenario-name\">" + html_escape(name) + "</h1>\n";
  if (const std::string d = string_at(scenario, "description"); !d.empty()) {
    body += "<p class=\"description\" id=\"scenario-description\">" + html_escape(d) + "</p>\n";
  }
  const std::size_t n_points = sweep.is_object() && sweep.contains("points") && sweep["points"].is_array() ? sweep["points"].size() : 0;
  body += "<dl class=\"meta\"><div><dt>points</dt><dd>" + std::to_string(n_points) + "</dd></div>";
  for (const auto& p : params) body += "<div><dt>varied</dt><dd>" + html_escape(p) + "</dd></div>";
  body += "</dl>\n</header>\n";
  if (!charts.empty()) {
    body += "<section class=\"charts\">\n<h2>Metrics against the varied parameters</h2>\n";
    for (const auto& c : charts) body += report::figure_html(c);
    body += "</section>\n";
  } else {
    body += "<p class=\"note\">No metric varies across the points: no charts.</p>\n";
  }
  if (n_points > 0) body += points_table_html(sweep, params);
  return report::page_html("linksim sweep \u2013 " + name, body, charts);
}

void write_sweep_report_html(const nlohmann::json& sweep, const std::string& path) {
  write_file_atomic(path, sweep_report_html(sweep));
}

}  // namespace linksim::report
