// The check that a model-output matrix fits the design it was evaluated on.
#include "experiment/sensitivity/outputs.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace linksim::experiment::sensitivity {

void check_outputs(const Matrix& outputs, std::size_t design_rows, const char* method) {
  if (outputs.data.size() != outputs.rows * outputs.cols) {
    throw std::invalid_argument(fmt::format("{}: outputs hold {} values for {} rows × {} columns", method,
                                            outputs.data.size(), outputs.rows, outputs.cols));
  }
  if (outputs.rows != design_rows) {
    throw std::invalid_argument(fmt::format("{}: outputs have {} rows, the design {} (one per design row)",
                                            method, outputs.rows, design_rows));
  }
  if (outputs.cols == 0) throw std::invalid_argument(fmt::format("{}: outputs have no columns", method));
  for (std::size_t r = 0; r < outputs.rows; ++r) {
    for (std::size_t c = 0; c < outputs.cols; ++c) {
      if (!std::isfinite(outputs(r, c))) {
        throw std::invalid_argument(fmt::format("{}: output [row {}, column {}] is not finite ({})", method, r,
                                                c, outputs(r, c)));
      }
    }
  }
}

}  // namespace linksim::experiment::sensitivity
