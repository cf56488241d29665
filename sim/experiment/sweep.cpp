// Sweep grids.
#include "linksim/experiment/sweep.hpp"

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/config/json_input.hpp"

namespace linksim::experiment {

SweepAxis parse_axis(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    throw config::InputError("--vary", "PATH=v1,v2,... (for example horizon_days=28,56,84)", "\"" + spec + "\"");
  if (!config::is_utf8(spec))
    throw config::InputError("--vary", "UTF-8 text", config::describe(nlohmann::json(spec)) + " (bytes that are not UTF-8)");
  SweepAxis axis{spec.substr(0, eq), {}};
  std::size_t start = eq + 1;
  for (;;) {
    const auto comma = spec.find(',', start);
    const std::string text = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (text.empty()) throw config::InputError("--vary", "non-empty values separated by commas (for example horizon_days=28,56,84)", "\"" + spec + "\"");
    auto v = config::parse_value(text);
    if (v.status == config::ValueParse::Status::kTooDeep || v.status == config::ValueParse::Status::kOverflow)
      throw config::InputError("--vary", fmt::format("values nested at most {} levels deep, numbers within the range of a double",
                                                    config::kMaxJsonDepth), config::describe(nlohmann::json(text)));
    axis.values.push_back(v.status == config::ValueParse::Status::kOk ? std::move(v.value) : nlohmann::json(text));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return axis;
}

std::vector<SweepPoint> grid(const std::vector<SweepAxis>& axes) {
  std::size_t total = 1;
  for (const auto& axis : axes) {
    if (axis.values.empty() || total > kMaxSweepPoints / axis.values.size()) {
      std::string sizes;
      for (const auto& a : axes) sizes += (sizes.empty() ? "" : " × ") + std::to_string(a.values.size());
      throw config::InputError("--vary", fmt::format("a grid of at most {} points", kMaxSweepPoints), sizes + " values");
    }
    total *= axis.values.size();
  }
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
