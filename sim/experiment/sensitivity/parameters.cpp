// Sensitivity-analysis parameters: validation and the map from unit-cube coordinates to values.
#include "linksim/experiment/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace linksim::experiment::sensitivity {

// Values print as the shortest decimal that reads back to the same double ({} in fmt), so a
// message shows the value given.
void validate(std::span<const Parameter> parameters) {
  if (parameters.empty()) throw std::invalid_argument("sensitivity: need at least one parameter");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const Parameter& p = parameters[i];
    if (p.name.empty()) throw std::invalid_argument(fmt::format("parameter {} has an empty name", i));
    const std::string who = fmt::format("parameter {} (\"{}\")", i, p.name);
    if (!seen.insert(p.name).second) throw std::invalid_argument(who + " repeats an earlier name");
    if (!std::isfinite(p.lower) || !std::isfinite(p.upper)) {
      throw std::invalid_argument(fmt::format("{}: bounds must be finite (lower {}, upper {})", who, p.lower, p.upper));
    }
    if (!(p.lower < p.upper)) {
      throw std::invalid_argument(fmt::format("{}: lower ({}) must be < upper ({})", who, p.lower, p.upper));
    }
    if (p.distribution == Distribution::kLogUniform && !(p.lower > 0.0)) {
      throw std::invalid_argument(fmt::format("{}: a log-uniform range needs lower > 0, got {}", who, p.lower));
    }
  }
}

double to_value(const Parameter& parameter, double u) {
  if (u <= 0.0) return parameter.lower;  // exactly, even where exp(log(b)) misses b by an ulp
  if (u >= 1.0) return parameter.upper;
  switch (parameter.distribution) {
    case Distribution::kUniform:
      return std::lerp(parameter.lower, parameter.upper, u);
    case Distribution::kLogUniform:
      return std::clamp(std::exp(std::lerp(std::log(parameter.lower), std::log(parameter.upper), u)),
                        parameter.lower, parameter.upper);
  }
  throw std::invalid_argument(fmt::format("parameter \"{}\": unknown distribution", parameter.name));
}

Matrix to_values(std::span<const Parameter> parameters, const Matrix& unit) {
  validate(parameters);
  if (unit.cols != parameters.size() || unit.data.size() != unit.rows * unit.cols) {
    throw std::invalid_argument(fmt::format("sensitivity: a unit matrix of {} columns ({} values) for {} parameters",
                                            unit.cols, unit.data.size(), parameters.size()));
  }
  Matrix values(unit.rows, unit.cols);
  for (std::size_t r = 0; r < unit.rows; ++r) {
    for (std::size_t c = 0; c < unit.cols; ++c) values(r, c) = to_value(parameters[c], unit(r, c));
  }
  return values;
}

}  // namespace linksim::experiment::sensitivity
