// Building blocks shared by the run report and the sweep report: the self-contained page shell
// (inlined chart libraries, render check, licences), chart figures, number formatting and the
// atomic file write.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace linksim::report {

/// One Vega-Lite chart of a report.
struct Chart {
  std::string id;       ///< element id ("chart-…"), chosen by linksim, never from input
  std::string title;    ///< heading above the chart (escaped when rendered)
  std::string caption;  ///< how to read the chart (escaped when rendered)
  nlohmann::json spec;  ///< Vega-Lite spec with its data inline
  std::string after_html = {};  ///< markup under the caption (a legend table), already escaped
};

/// The <figure> holding a chart: heading, the element vega-embed draws into, caption, then the
/// chart's after_html.
std::string figure_html(const Chart& chart);

/// A complete offline page: Vega, Vega-Lite and vega-embed inlined, `body_html` (already
/// escaped by the caller), the chart specs as script-safe JSON, a script that draws every chart
/// and records the outcome on <body> (data-render-state="done", data-charts-expected,
/// data-charts-rendered, data-errors) and in #linksim-status / #linksim-errors (script errors,
/// console errors and warnings are caught there), and the libraries' licences.
/// `title` is escaped here.
std::string page_html(std::string_view title, std::string_view body_html, const std::vector<Chart>& charts);

/// Short human form of a number: 3 significant digits below 100, whole numbers with thousands
/// separators above; "–" for NaN or infinity.
std::string format_number(double value);
/// "[lo, hi]" with format_number.
std::string format_interval(double lo, double hi);

/// `j[key]` when it is a number, else nothing (absent keys, nulls and strings are all "no value").
std::optional<double> number_at(const nlohmann::json& j, std::string_view key);
/// `j[key]` when it is a string, else `fallback`.
std::string string_at(const nlohmann::json& j, std::string_view key, std::string_view fallback = "");

/// A JSON value as short text: strings as they are, numbers in their shortest form ("100", not
/// "100.0"), anything else as JSON.
std::string value_text(const nlohmann::json& value);


}  // namespace linksim::report
