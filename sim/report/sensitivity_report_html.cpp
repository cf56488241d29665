// The sensitivity report page: header, setup, the three charts, the top parameters by ST.
#include <string>

#include <fmt/format.h>

#include "linksim/report/html_escape.hpp"
#include "linksim/report/sensitivity_report.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;

const json& sensitivity_part(const json& j, const char* key) {
  static const json kNone;
  return j.is_object() && j.contains(key) ? j[key] : kNone;
}

std::string sensitivity_meta(const std::string& term, const json& value) {
  if (value.is_null()) return "";
  return "<div><dt>" + html_escape(term) + "</dt><dd>" + html_escape(value_text(value)) + "</dd></div>";
}

// Per output, the varied parameters by ST with S1, ST and their intervals.
std::string sobol_table_html(const json& sobol) {
  const json& outputs = sensitivity_part(sobol, "outputs");
  if (!outputs.is_array() || outputs.empty()) return "";
  std::string out =
      "<section id=\"sobol-table\">\n<h2>Sobol' indices by output</h2>\n<p class=\"legend\">Parameters by total index "
      "ST, largest first; 95% percentile bootstrap intervals in brackets. An output with variance 0 is moved by no "
      "varied parameter.</p>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>output</th><th>parameter</th>"
      "<th>ST</th><th>S1</th></tr></thead>\n<tbody>\n";
  for (const json& o : outputs) {
    const std::string baseline = string_at(o, "baseline");
    const std::string label = baseline.empty()
                                  ? fmt::format("{}: {}", string_at(o, "arm", "?"), string_at(o, "metric", "?"))
                                  : fmt::format("{} - {}: {}", string_at(o, "arm", "?"), baseline, string_at(o, "metric", "?"));
    const json& indices = sensitivity_part(o, "indices");
    const json& ranking = sensitivity_part(o, "ranking");
    if (!indices.is_array() || !ranking.is_array()) continue;
    if (number_at(o, "variance").value_or(0.0) <= 0.0) {
      out += "<tr><td>" + html_escape(label) + "</td><td colspan=\"3\">variance 0</td></tr>\n";
      continue;
    }
    bool first = true;
    for (const json& name : ranking) {
      for (const json& c : indices) {
        if (!name.is_string() || string_at(c, "parameter") != name.get<std::string>()) continue;
        const auto ci = [&](const char* key) {
          const json& i = sensitivity_part(c, key);
          return i.is_array() && i.size() == 2 && i[0].is_number() && i[1].is_number()
                     ? format_interval(i[0].get<double>(), i[1].get<double>())
                     : std::string();
        };
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}<span class=\"ci\">{}</span></td><td>{}<span class=\"ci\">{}</span></td></tr>\n",
                           first ? html_escape(label) : "", html_escape(name.get<std::string>()),
                           format_number(number_at(c, "ST").value_or(0.0)), ci("ST_ci"),
                           format_number(number_at(c, "S1").value_or(0.0)), ci("S1_ci"));
        first = false;
      }
    }
  }
  return out + "</tbody></table></div>\n</section>\n";
}

}  // namespace

std::string sensitivity_report_html(const nlohmann::json& doc) {
  const json& scenario = sensitivity_part(doc, "scenario");
  const json& design = sensitivity_part(doc, "design");
  const json& sobol = sensitivity_part(doc, "sobol");
  const std::string name = string_at(scenario, "name", "Unnamed scenario");
  const auto charts = sensitivity_charts(doc);
  std::string body = "<header class=\"report\">\n<p class=\"kicker\">linksim sensitivity report</p>\n";
  body += "<h1 id=\"scenario-name\">" + html_escape(name) + "</h1>\n<dl class=\"meta\">";
  body += sensitivity_meta("method", sensitivity_part(doc, "method"));
  body += sensitivity_meta("scenario file", sensitivity_part(scenario, "origin"));
  const json& parameters = sensitivity_part(doc, "parameters");
  if (parameters.is_array()) body += sensitivity_meta("ranged parameters", json(parameters.size()));
  body += sensitivity_meta("scenario seed", sensitivity_part(design, "scenario_seed"));
  body += sensitivity_meta("replications", sensitivity_part(design, "replications"));
  body += sensitivity_meta("Morris trajectories", sensitivity_part(design, "trajectories"));
  body += sensitivity_meta("Morris levels", sensitivity_part(design, "levels"));
  const json& sobol_design = sensitivity_part(sobol, "design");
  body += sensitivity_meta("Sobol' base samples N", sensitivity_part(sobol_design, "base_samples"));
  const json& varied = sensitivity_part(sobol, "parameters");
  if (varied.is_array()) body += sensitivity_meta("Sobol' parameters", json(varied.size()));
  body += "</dl>\n</header>\n";
  if (!charts.empty()) {
    body += "<section class=\"charts\">\n<h2>Which assumptions move the results</h2>\n";
    for (const auto& c : charts) body += figure_html(c);
    body += "</section>\n";
  }
  if (!sobol.is_object()) {
    body += "<p class=\"note\" id=\"no-sobol\">No Sobol' stage: run with --sobol K for Sobol' indices and a tornado "
            "chart of the screening's top K parameters.</p>\n";
  }
  body += sobol_table_html(sobol);
  return page_html("linksim sensitivity \u2013 " + name, body, charts);
}

}  // namespace linksim::report
