// Places short labels (the trade-off chart's point numbers) beside their markers so that no two
// labels overlap and no label covers a marker; positions are in pixels, y pointing down.
#pragma once
#include <span>
#include <vector>

namespace linksim::report {

struct LabelBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< left, top, right, bottom
};

/// True when the two boxes share some area (touching edges do not count).
bool overlaps(const LabelBox& a, const LabelBox& b);

struct LabelRequest {
  double x = 0, y = 0;           ///< the marker's centre
  double width = 0, height = 0;  ///< the label's box, padding included
};

struct LabelPlacement {
  bool placed = false;  ///< false when no free spot was found (the label is then not drawn)
  LabelBox box;         ///< where the label goes when placed
  bool far = false;     ///< beyond the first ring around its marker: draw a leader line to it
};

/// Greedy placement in the requests' order: each label takes the first free spot on rings of
/// growing distance around its marker (right, above-right, above, ... in 16 directions), inside
/// [0, width] × [0, height]. A spot is free when its box overlaps no label placed before and no
/// marker (a square of side 2 × marker_radius around each request's centre). Every placed box
/// therefore overlaps no other placed box and no marker.
std::vector<LabelPlacement> place_labels(std::span<const LabelRequest> requests, double marker_radius, double width,
                                         double height);

}  // namespace linksim::report
