// The graph module reports bad parameters with the io module's error types (exit code 2).
#pragma once
#include "linksim/io/errors.hpp"

namespace linksim::graph {

using Issue = io::Issue;
using InputError = io::InputError;

}  // namespace linksim::graph
