// The library version.
#pragma once
#include <string_view>

namespace linksim::core {
std::string_view version();
}  // namespace linksim::core
