// Sweep grids.
#include "linksim/experiment/sweep.hpp"

#include "linksim/config/errors.hpp"

namespace linksim::experiment {

SweepAxis parse_axis(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    throw config::InputError("--vary", "PATH=v1,v2,... (for example horizon_days=28,56,84)", "\"" + spec + "\"");
  SweepAxis axis{spec.substr(0, eq), {}};
  std::size_t start = eq + 1;
  for (;;) {
    const auto comma = spec.find(',', start);
    const std::string text = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (text.empty()) throw config::InputError("--vary", "non-empty values separated by commas (for example horizon_days=28,56,84)", "\"" + spec + "\"");
    nlohmann::json v = nlohmann::json::parse(text, nullptr, false);
    axis.values.push_back(v.is_discarded() ? nlohmann::json(text) : v);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return axis;
}

std::vector<SweepPoint> grid(const std::vector<SweepAxis>& axes) {
  std::vector<SweepPoint> points{SweepPoint{0, nlohmann::json::object(), {}}};
  for (const auto& axis : axes) {
    std::vector<SweepPoint> next;
    for (const auto& p : points)
      for (const auto& v : axis.values) {
        SweepPoint q = p;
        q.values[axis.path] = v;
        q.assignments.push_back(axis.path + "=" + v.dump());
        next.push_back(std::move(q));
      }
    points = std::move(next);
  }
  for (std::size_t i = 0; i < points.size(); ++i) points[i].index = i;
  return points;
}

}  // namespace linksim::experiment
