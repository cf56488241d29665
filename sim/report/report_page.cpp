// The self-contained report page: everything it needs is inlined, so it opens offline and from
// an e-mail attachment, and nothing in it points outside the file.
#include "linksim/report/report_page.hpp"


#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "linksim/core/version.hpp"
#include "linksim/report/html_escape.hpp"

namespace linksim::embedded {
// Generated at build time from third_party/vega by cmake/embed_bytes.cmake.
extern const std::string_view vega_js;
extern const std::string_view vega_lite_js;
extern const std::string_view vega_embed_js;
extern const std::string_view vega_license;
extern const std::string_view vega_lite_license;
extern const std::string_view vega_embed_license;
}  // namespace linksim::embedded

namespace linksim::report {
namespace {

constexpr std::string_view kStyle = R"CSS(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --bg: #f5f7fa; --good: #0b6e4f; --bad: #a61b1b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
header.report { border-bottom: 3px solid var(--ink); margin-bottom: 24px; padding-bottom: 12px; }
header.report .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
h1 { font-size: 28px; margin: 4px 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
p.description { font-size: 17px; margin: 0 0 8px; max-width: 80ch; white-space: pre-line; }
dl.meta { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0 0; font-size: 13px; color: var(--muted); }
dl.meta div { display: flex; gap: 6px; } dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
.banner { padding: 10px 14px; border-radius: 4px; margin: 12px 0; }
.banner.incomplete { background: #fff3c4; border: 1px solid #f0b429; }
.banner.warnings { background: var(--bg); border: 1px solid var(--line); font-size: 14px; }
.banner.warnings ul { margin: 4px 0 0; padding-left: 20px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; white-space: nowrap; }
th { background: var(--bg); font-weight: 600; }
th:first-child, td:first-child { text-align: left; }
td .ci { color: var(--muted); font-size: 12px; margin-left: 6px; font-weight: 400; }
td.best { background: #e3f9e5; font-weight: 600; }
td .star { color: var(--good); margin-left: 3px; }
.better { color: var(--good); font-weight: 600; } .worse { color: var(--bad); font-weight: 600; }
td.clear { font-weight: 600; } td.unclear { color: var(--muted); }
.legend { font-size: 13px; color: var(--muted); }
figure { margin: 24px 0; }
figure h3 { font-size: 16px; margin: 0 0 4px; }
figure figcaption { font-size: 13px; color: var(--muted); max-width: 90ch; }
.chart { min-height: 60px; }
.note { font-size: 13px; color: var(--muted); }
table.tradeoff-legend tr.front td { font-weight: 600; }
table.tradeoff-legend th:nth-child(2), table.tradeoff-legend td:nth-child(2) { text-align: left; }
span.marker { display: inline-block; width: 11px; height: 11px; border-radius: 50%; border: 2px solid #7b8794; margin-right: 6px; vertical-align: -1px; }
span.marker.filled { background: #1f4e79; border-color: #1f4e79; }
p.non-dominated { font-size: 14px; max-width: 90ch; }
footer { margin-top: 40px; border-top: 1px solid var(--line); padding-top: 12px; font-size: 12px; color: var(--muted); }
footer pre { white-space: pre-wrap; font-size: 11px; }
#linksim-errors { background: #ffe3e3; border: 1px solid var(--bad); padding: 8px; white-space: pre-wrap; font-size: 12px; }
)CSS";

// Installed before the libraries load, so errors while they load are caught too. Warnings
// count: with linksim's own specs a Vega warning means a chart is drawn wrongly.
constexpr std::string_view kErrorCapture = R"JS(
(function () {
  var errors = [];
  function show() {
    var el = document.getElementById('linksim-errors');
    if (el) { el.textContent = errors.join('\n'); el.hidden = errors.length === 0; }
  }
  window.linksimErrors = errors;
  window.linksimReportError = function (message) { errors.push(String(message)); show(); };
  window.addEventListener('error', function (e) {
    window.linksimReportError('error: ' + (e.message || e.type) + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    window.linksimReportError('unhandled rejection: ' + (r && r.message ? r.message : r));
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      var parts = Array.prototype.map.call(arguments, function (a) { return a && a.message ? a.message : String(a); });
      window.linksimReportError('console.' + level + ': ' + parts.join(' '));
      return original.apply(console, arguments);
    };
  });
  document.addEventListener('DOMContentLoaded', show);
})();
)JS";

// Draws every chart, then records how many rendered (an <svg> in the chart's element) on
// <body>, where a headless browser's --dump-dom can read it.
constexpr std::string_view kRender = R"JS(
(function () {
  var body = document.body;
  var charts = JSON.parse(document.getElementById('linksim-chart-specs').textContent);
  function finish(rendered) {
    body.setAttribute('data-charts-expected', String(charts.length));
    body.setAttribute('data-charts-rendered', String(rendered));
    body.setAttribute('data-errors', String(window.linksimErrors.length));
    var status = document.getElementById('linksim-status');
    status.textContent = 'Rendered ' + rendered + ' of ' + charts.length + ' charts' +
      (window.linksimErrors.length ? '; errors are listed below.' : '.');
    if (typeof vega === 'object' && typeof vegaLite === 'object' && typeof vegaEmbed === 'function') {
      document.getElementById('linksim-libs').textContent = 'Charts drawn with Vega ' + vega.version +
        ', Vega-Lite ' + vegaLite.version + ' and vega-embed ' + vegaEmbed.version + ', inlined in this file.';
    }
    body.setAttribute('data-render-state', 'done');
  }
  if (typeof vegaEmbed !== 'function') {
    window.linksimReportError('vega-embed did not load');
    finish(0);
    return;
  }
  Promise.allSettled(charts.map(function (c) {
    return vegaEmbed('#' + c.id, c.spec, { mode: 'vega-lite', renderer: 'svg', actions: false });
  })).then(function (results) {
    var rendered = 0;
    results.forEach(function (r, i) {
      var el = document.getElementById(charts[i].id);
      if (r.status === 'fulfilled' && el && el.querySelector('svg')) {
        rendered++;
      } else {
        window.linksimReportError('chart ' + charts[i].id + ' did not render: ' +
          (r.reason && r.reason.message ? r.reason.message : 'no <svg> drawn'));
      }
    });
    finish(rendered);
  });
})();
)JS";

void append_script(std::string& out, std::string_view code) {
  out += "<script>";
  out += code;
  out += "</script>\n";
}

void append_licence(std::string& out, std::string_view name, std::string_view text) {
  out += "<details><summary>";
  out += html_escape(name);
  out += "</summary><pre>";
  out += html_escape(text);
  out += "</pre></details>\n";
}

}  // namespace

std::string figure_html(const Chart& chart) {
  return fmt::format(
      "<figure class=\"chart-figure\">\n<h3>{}</h3>\n<div class=\"chart\" id=\"{}\"></div>\n"
      "<figcaption>{}</figcaption>\n{}</figure>\n",
      html_escape(chart.title), html_escape(chart.id), html_escape(chart.caption), chart.after_html);
}

std::string page_html(std::string_view title, std::string_view body_html, const std::vector<Chart>& charts) {
  nlohmann::json specs = nlohmann::json::array();
  for (const Chart& c : charts) specs.push_back({{"id", c.id}, {"spec", c.spec}});

  std::string out;
  out.reserve(embedded::vega_js.size() + embedded::vega_lite_js.size() + embedded::vega_embed_js.size() +
              body_html.size() + 64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"linksim " + html_escape(core::version()) + "\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>";
  out += kStyle;
  out += "</style>\n";
  append_script(out, kErrorCapture);
  // Vega, Vega-Lite and vega-embed (BSD-3-Clause; licences at the end of the page).
  append_script(out, embedded::vega_js);
  append_script(out, embedded::vega_lite_js);
  append_script(out, embedded::vega_embed_js);
  out += "</head>\n<body data-render-state=\"pending\">\n<main>\n";
  out += body_html;
  out += "<footer>\n<p id=\"linksim-status\">Charts need JavaScript; they have not been drawn.</p>\n";
  out += "<pre id=\"linksim-errors\" hidden></pre>\n";
  out += "<p>Written by linksim " + html_escape(core::version()) + ". <span id=\"linksim-libs\"></span></p>\n";
  append_licence(out, "Vega licence (BSD-3-Clause)", embedded::vega_license);
  append_licence(out, "Vega-Lite licence (BSD-3-Clause)", embedded::vega_lite_license);
  append_licence(out, "vega-embed licence (BSD-3-Clause)", embedded::vega_embed_license);
  out += "</footer>\n</main>\n";
  out += "<script type=\"application/json\" id=\"linksim-chart-specs\">";
  out += json_for_script(specs);
  out += "</script>\n";
  append_script(out, kRender);
  out += "</body>\n</html>\n";
  return out;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "\u2013";
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e15) return fmt::format("{:.3g}", value);
  if (magnitude >= 100.0) {
    const long long rounded = std::llround(value);
    const std::string digits = std::to_string(rounded < 0 ? -rounded : rounded);
    std::string grouped = rounded < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
      grouped += digits[i];
    }
    return grouped;
  }
  if (magnitude == 0.0) return "0";
  return fmt::format("{:.3g}", value);
}

std::string format_interval(double lo, double hi) {
  return fmt::format("[{}, {}]", format_number(lo), format_number(hi));
}

std::optional<double> number_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string string_at(const nlohmann::json& j, std::string_view key, std::string_view fallback) {
  if (j.is_object()) {
    const auto it = j.find(key);
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return std::string(fallback);
}

std::string value_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return fmt::format("{}", value.get<double>());
  return value.dump();
}


}  // namespace linksim::report
