// report.html: a self-contained, offline page of charts and tables for a run or a sweep.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "linksim/report/run_document.hpp"

namespace linksim::report {

/// The run report for a run's results (report/run_document.hpp): the scenario's name and
/// description, a summary table (mean and 95% CI per arm and metric, best arm marked), paired
/// differences against the baseline, and the charts of report::run_charts. Missing parts of the
/// results are left out of the page, never an error. Every string from the results is escaped.
std::string report_html(const RunDocument& results);
/// The run report for a results document (docs/results-format.md), read with run_document_from_json.
std::string report_html(const nlohmann::json& results);
/// Writes report_html(results) to `path` atomically (temporary file, then rename).
void write_report_html(const RunDocument& results, const std::string& path);
void write_report_html(const nlohmann::json& results, const std::string& path);

/// The sweep report for a document of the form
///   {"scenario": {"name", "description"}, "parameters": ["/path", ...],
///    "points": [{"values": {"/path": value, ...},
///                "arms": [{"name", "metrics": {"m": {"mean", "ci95": [lo, hi]}}}]}]}
/// with one metric-versus-parameter chart per metric and a table of every point.
std::string sweep_report_html(const nlohmann::json& sweep);
/// Writes sweep_report_html(sweep) to `path` atomically.
void write_sweep_report_html(const nlohmann::json& sweep, const std::string& path);

}  // namespace linksim::report
