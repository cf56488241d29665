// Internal to the sensitivity engine: the check that a model-output matrix fits its design.
#pragma once
#include <cstddef>

#include "linksim/experiment/sensitivity.hpp"

namespace linksim::experiment::sensitivity {

/// Throws std::invalid_argument, prefixed by `method`, unless outputs has design_rows rows, at
/// least one column, a consistent size and only finite values (else naming the row and column).
void check_outputs(const Matrix& outputs, std::size_t design_rows, const char* method);

}  // namespace linksim::experiment::sensitivity
