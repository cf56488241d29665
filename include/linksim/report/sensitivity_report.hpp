// sensitivity.html: the report of `linksim sensitivity`, built from its sensitivity.json — a
// Morris μ*–σ scatter, Sobol' S1 / ST bars with bootstrap whiskers and a one-at-a-time tornado,
// each with an output selector, on the self-contained page of the run report (report_page.hpp).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/report/report_page.hpp"

namespace linksim::report {

/// The charts of a sensitivity document (docs/sensitivity.md), in this order, each left out when
/// its part of the document is missing: "chart-morris-scatter" (μ* across, σ up, a point per
/// parameter; from "outputs"), "chart-sobol-bars" (S1 and ST per varied parameter, sorted by ST,
/// whiskers the bootstrap interval; from "sobol") and "chart-tornado" (the output with each
/// varied parameter at its low and high bound, the others at the scenario's values, sorted by
/// swing; from "sobol"). Each chart has a drop-down of the outputs (arm, or difference of arms,
/// and metric, with the metric's unit); captions name the scenario, seed, replications and design.
std::vector<Chart> sensitivity_charts(const nlohmann::json& doc);

/// The page: scenario name, the setup, the charts and a table of the top parameters by ST per
/// output. Missing parts are left out, never an error; every string from the document is escaped.
std::string sensitivity_report_html(const nlohmann::json& doc);

}  // namespace linksim::report
