// `linksim explain`: the effective plans, rules, limiters and ladder, each value with its source.
#pragma once
#include <ostream>

#include "linksim/platform/params.hpp"

namespace linksim::platform {

void explain_platform(const PlatformParams& params, std::ostream& out);

}  // namespace linksim::platform
