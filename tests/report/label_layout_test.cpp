// Label placement for the trade-off chart's point numbers: no two labels overlap, no label
// covers a marker, every label stays inside the plot.
#include "linksim/report/label_layout.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

using linksim::report::LabelBox;
using linksim::report::LabelPlacement;
using linksim::report::LabelRequest;
using linksim::report::overlaps;
using linksim::report::place_labels;

namespace {

constexpr double kRadius = 7;
constexpr double kWidth = 760;
constexpr double kHeight = 360;

// Every placed label clear of the others, of every marker and of the plot's edges.
void check_clear(const std::vector<LabelRequest>& requests, const std::vector<LabelPlacement>& placed) {
  REQUIRE(placed.size() == requests.size());
  for (std::size_t i = 0; i < placed.size(); ++i) {
    INFO("label " << i);
    REQUIRE(placed[i].placed);
    const LabelBox& b = placed[i].box;
    CHECK(b.x0 >= 0);
    CHECK(b.y0 >= 0);
    CHECK(b.x1 <= kWidth);
    CHECK(b.y1 <= kHeight);
    CHECK(b.x1 - b.x0 == Approx(requests[i].width));
    CHECK(b.y1 - b.y0 == Approx(requests[i].height));
    for (std::size_t j = 0; j < placed.size(); ++j) {
      if (j != i) CHECK_FALSE(overlaps(b, placed[j].box));
      const LabelRequest& m = requests[j];
      CHECK_FALSE(overlaps(b, {m.x - kRadius, m.y - kRadius, m.x + kRadius, m.y + kRadius}));
    }
  }
}

}  // namespace

TEST_CASE("overlaps: shared area only", "[report][labels]") {
  CHECK(overlaps({0, 0, 10, 10}, {5, 5, 15, 15}));
  CHECK(overlaps({0, 0, 10, 10}, {2, 2, 3, 3}));  // one inside the other
  CHECK_FALSE(overlaps({0, 0, 10, 10}, {10, 0, 20, 10}));  // touching edges
  CHECK_FALSE(overlaps({0, 0, 10, 10}, {0, 11, 10, 20}));
}

TEST_CASE("a lone label sits just right of its marker", "[report][labels]") {
  const std::vector<LabelRequest> r = {{100, 100, 19, 15}};
  const auto p = place_labels(r, kRadius, kWidth, kHeight);
  REQUIRE(p.size() == 1);
  REQUIRE(p[0].placed);
  CHECK_FALSE(p[0].far);
  // The marker's edge at 107, a 2-pixel gap, then the box, centred on the marker's height.
  CHECK(p[0].box.x0 == Approx(109));
  CHECK(p[0].box.x1 == Approx(128));
  CHECK(p[0].box.y0 == Approx(92.5));
  CHECK(p[0].box.y1 == Approx(107.5));
}

TEST_CASE("a marker at the right edge gets its label on another side", "[report][labels]") {
  const std::vector<LabelRequest> r = {{kWidth - 2, 100, 19, 15}};
  const auto p = place_labels(r, kRadius, kWidth, kHeight);
  REQUIRE(p[0].placed);
  CHECK(p[0].box.x1 <= kWidth);
  CHECK(p[0].box.x1 <= kWidth - 2);  // left of the marker's centre, not right of it
}

TEST_CASE("twelve points on one spot get twelve separate numbers", "[report][labels]") {
  // Twelve policies with the same means: the worst case for point labels.
  std::vector<LabelRequest> r;
  for (int i = 1; i <= 12; ++i) r.push_back({380, 180, i < 10 ? 11.5 : 19, 15});
  const auto p = place_labels(r, kRadius, kWidth, kHeight);
  check_clear(r, p);
  // The first ring around a marker has room for some of them, not all: the rest get leaders.
  std::size_t far = 0;
  for (const auto& x : p) far += x.far ? 1 : 0;
  CHECK(far > 0);
  CHECK(far < 12);
}

TEST_CASE("a dense cloud in a corner: numbers clear of each other and of every marker", "[report][labels]") {
  // Forty points in the bottom-left 60 × 40 pixels (the way a sweep's low-spam, low-false-
  // positive arms crowd), from a fixed linear congruential sequence.
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  std::vector<LabelRequest> r;
  for (int i = 1; i <= 40; ++i) r.push_back({60 * next(), kHeight - 40 * next(), i < 10 ? 11.5 : 19, 15});
  check_clear(r, place_labels(r, kRadius, kWidth, kHeight));
}

TEST_CASE("a label that cannot fit is not placed", "[report][labels]") {
  const std::vector<LabelRequest> r = {{10, 10, kWidth + 1, 15}, {10, 10, 0, 15}, {50, 50, 19, 15}};
  const auto p = place_labels(r, kRadius, kWidth, kHeight);
  CHECK_FALSE(p[0].placed);
  CHECK_FALSE(p[1].placed);
  CHECK(p[2].placed);
}
