// Parameter sweeps: a grid of `--vary PATH=v1,v2,...` values, each point a set of merge patches.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace linksim::experiment {

struct SweepAxis {
  std::string path;                   ///< dotted path, as for --set
  std::vector<nlohmann::json> values; ///< each parsed as JSON, else kept as a string
};

struct SweepPoint {
  std::size_t index = 0;
  nlohmann::json values;                ///< {"path": value, ...}
  std::vector<std::string> assignments; ///< "path=value" for each axis, usable as --set
};

/// Parses `PATH=v1,v2,...`. Throws config::InputError (path "--vary") when malformed.
SweepAxis parse_axis(const std::string& spec);
/// Most points a sweep may have (each is a full run; a larger grid is a typo, not a plan).
inline constexpr std::size_t kMaxSweepPoints = 10000;
/// The cartesian product, last axis varying fastest. Throws config::InputError (path "--vary")
/// beyond kMaxSweepPoints.
std::vector<SweepPoint> grid(const std::vector<SweepAxis>& axes);

}  // namespace linksim::experiment
