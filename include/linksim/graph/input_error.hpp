// The graph module reports bad parameters with the io module's error types (exit code 2).
#pragma once
#include "linksim/config/errors.hpp"

namespace linksim::graph {

using Issue = config::Issue;
using InputError = config::InputError;

}  // namespace linksim::graph
