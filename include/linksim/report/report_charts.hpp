// The Vega-Lite charts of the run report and the sweep report, built from the documents the
// reports are made from (docs/results-format.md; the sweep document in report_html.hpp).
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/report/report_page.hpp"

namespace linksim::report {

/// Charts of a run: connections with CI bands, rolling weekly invitations against the cap,
/// pending invitations, restriction timeline, funnel, cost per lead and, when the policy
/// metrics are present, the false-positive / spam-delivered trade-off. A chart whose data are
/// missing from every arm is left out.
std::vector<Chart> run_charts(const nlohmann::json& results);

/// Charts of a sweep: one metric-versus-parameter chart per metric (first parameter on the x
/// axis, arms as colours, one panel per combination of the other parameters). Metrics that are
/// zero at every point are left out.
std::vector<Chart> sweep_charts(const nlohmann::json& sweep);

}  // namespace linksim::report
