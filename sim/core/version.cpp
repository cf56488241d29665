// The library version string, reported by `linksim --version`.
#include "linksim/core/version.hpp"

namespace linksim::core {
std::string_view version() { return "0.1.0"; }
}  // namespace linksim::core
