// The upper end of a chart axis that starts at zero.
#pragma once
#include <optional>

namespace linksim::report {

/// The top of an axis from zero that shows `max_value` with 5% headroom: the next of 1, 1.2,
/// 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, at most `limit` (1 for a rate). 1, or
/// `limit` when that is smaller, when `max_value` is not a positive finite number.
double axis_top(double max_value, std::optional<double> limit = std::nullopt);

}  // namespace linksim::report
