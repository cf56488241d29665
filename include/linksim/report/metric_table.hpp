// The terminal's table of an experiment's headline metrics: one column per arm, the best arm
// starred by the registry's better-direction.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "linksim/experiment/summary.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::report {

/// The heading (`heading`, then the arm names) and one row per headline metric of `scope` the
/// summary has, in registry order: per arm the mean and its 95% CI (the mean alone without
/// intervals). The best arm is starred (every arm tied at it), except for neutral metrics and
/// when all arms are equal. Empty when the summary has no such metric.
std::vector<std::string> metric_table(const experiment::Summary& s, metrics::Scope scope, std::string_view heading);

/// `linksim run`'s column for one arm's estimate: "*mean [lo, hi]" (no interval below three
/// replications), right-aligned in 27 characters.
std::string arm_cell(const experiment::SampleStats& e, bool intervals, bool star = false);

}  // namespace linksim::report
