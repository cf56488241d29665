// The policy trade-off chart (legitimate senders wrongly restricted against spam invitations
// delivered) shared by the run report (a point per arm) and the sweep report (a point per arm and
// sweep point): numbered markers whose numbers never overlap, a legend table under the chart, the
// non-dominated points filled and listed, axes from zero.
#pragma once
#include <string>
#include <vector>

#include "linksim/report/report_page.hpp"

namespace linksim::report {

struct TradeoffPoint {
  std::string name;  ///< what the legend table calls the point (an arm, or an arm at a sweep point)
  double fpr = 0, fpr_lo = 0, fpr_hi = 0;     ///< legit_false_positive_rate: mean and 95% CI
  double spam = 0, spam_lo = 0, spam_hi = 0;  ///< spam_invites_delivered: mean and 95% CI
};

/// The chart: point i carries the number i + 1 beside its marker (placed by place_labels, so no
/// two numbers overlap), filled when no other point has both fewer spam invitations delivered and
/// a lower false-positive rate (pareto_front with the registry's directions; hollow otherwise).
/// CIs are clamped to the metrics' ranges ([0, 1] for the rate, from 0 for the count) and both
/// axes run from 0 (to axis_top, report/axis_top.hpp). after_html holds the legend table (number, name, both metrics
/// with their CIs, non-dominated or not) and the line listing the non-dominated points.
Chart tradeoff_chart(const std::vector<TradeoffPoint>& points, std::string id, std::string title, std::string caption);

}  // namespace linksim::report
