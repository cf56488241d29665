// The Vega-Lite charts of the run report and the sweep report, built from the documents the
// reports are made from (a run's RunDocument, report/run_document.hpp; the sweep document in report_html.hpp).
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/report/report_page.hpp"
#include "linksim/report/run_document.hpp"

namespace linksim::report {

/// Charts of a run: when the policy metrics are present, first the false-positive /
/// spam-delivered trade-off (tradeoff_chart.hpp), then connections with CI bands, rolling weekly
/// invitations against the cap, pending invitations, restriction timeline, funnel and cost per
/// lead. A chart whose data are missing from every arm is left out.
std::vector<Chart> run_charts(const RunDocument& results);
/// run_charts of a results document read with run_document_from_json.
std::vector<Chart> run_charts(const nlohmann::json& results);

/// Charts of a sweep: for a policy sweep first the trade-off chart (a point per sweep point and
/// arm), then one chart per metric that is not zero at every point. One parameter: the metric
/// against it (numeric order, whole-number ticks for a whole-number parameter), a line per arm.
/// Two or more: a heat map (first parameter across, second up and down, colour and number the
/// metric), a panel per arm and per combination of the other parameters.
std::vector<Chart> sweep_charts(const nlohmann::json& sweep);

}  // namespace linksim::report
