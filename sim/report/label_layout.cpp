#include "linksim/report/label_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace linksim::report {

bool overlaps(const LabelBox& a, const LabelBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

std::vector<LabelPlacement> place_labels(std::span<const LabelRequest> requests, double marker_radius, double width,
                                         double height) {
  constexpr double kGap = 2;   // between a marker's edge and the first ring
  constexpr double kStep = 6;  // between rings
  constexpr int kDirections = 16;
  // Right first (the usual place for a point label), then counter-clockwise: above-right, above, ...
  std::array<std::pair<double, double>, kDirections> dirs{};
  for (int k = 0; k < kDirections; ++k) {
    const double a = 2 * std::numbers::pi * k / kDirections;
    dirs[static_cast<std::size_t>(k)] = {std::cos(a), -std::sin(a)};
  }
  std::vector<LabelBox> taken;
  for (const LabelRequest& r : requests)
    taken.push_back({r.x - marker_radius, r.y - marker_radius, r.x + marker_radius, r.y + marker_radius});
  const double max_distance = std::hypot(width, height);
  std::vector<LabelPlacement> out(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const LabelRequest& r = requests[i];
    if (!(r.width > 0 && r.height > 0 && r.width <= width && r.height <= height)) continue;
    bool done = false;
    for (int ring = 0; !done && marker_radius + kGap + ring * kStep <= max_distance; ++ring) {
      const double d = marker_radius + kGap + ring * kStep;
      for (const auto& [ux, uy] : dirs) {
        // The box's nearest edge (not its centre) sits at distance d along the direction.
        const double cx = r.x + ux * (d + r.width / 2);
        const double cy = r.y + uy * (d + r.height / 2);
        const LabelBox box{cx - r.width / 2, cy - r.height / 2, cx + r.width / 2, cy + r.height / 2};
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
        if (std::any_of(taken.begin(), taken.end(), [&box](const LabelBox& t) { return overlaps(box, t); })) continue;
        taken.push_back(box);
        out[i] = {true, box, ring > 0};
        done = true;
        break;
      }
    }
  }
  return out;
}

}  // namespace linksim::report
