// The terminal's per-arm, per-channel summary: what each channel sent, how it converted and what
// the arm's meetings cost in money and time, in the rates practitioners quote.
#pragma once
#include <string>
#include <vector>

#include "linksim/experiment/summary.hpp"

namespace linksim::report {

/// Lines to print under `linksim run`'s table (empty when no arm reached anyone). A channel an
/// arm did not use is left out of its lines; numbers are means per sender over replications.
std::vector<std::string> channel_lines(const experiment::Summary& s);

}  // namespace linksim::report
