// The top of an axis that starts at zero: a round number above the data, never past a rate's 1.
#include "linksim/report/axis_top.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using linksim::report::axis_top;

TEST_CASE("axis_top rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, with 5% headroom", "[report][axis]") {
  CHECK(axis_top(87874) == 100000);  // 92,268 → 100,000
  CHECK(axis_top(190) == 200);       // 199.5 → 200
  CHECK(axis_top(200) == 250);       // 210 → 250 (headroom)
  CHECK(axis_top(40) == 50);         // 42 → 50
  CHECK(axis_top(1) == Approx(1.2).epsilon(1e-12));  // 1.05 → 1.2
  CHECK(axis_top(30554) == 40000);   // 32,082 → 40,000
  CHECK(axis_top(7) == 8);           // 7.35 → 8
  CHECK(axis_top(0.128) == Approx(0.15).epsilon(1e-12));    // 0.1344 → 0.15
  CHECK(axis_top(0.007) == Approx(0.008).epsilon(1e-12));   // 0.00735 → 0.008
  CHECK(axis_top(0.0025) == Approx(0.003).epsilon(1e-12));  // 0.002625 → 0.003
  CHECK(axis_top(0.0019) == Approx(0.002).epsilon(1e-12));  // 0.001995 → 0.002
}

TEST_CASE("axis_top stops at the limit and has a top for empty data", "[report][axis]") {
  CHECK(axis_top(0.97, 1.0) == 1.0);  // a rate's axis ends at 1, not 2
  CHECK(axis_top(1.0, 1.0) == 1.0);
  CHECK(axis_top(0.5, 1.0) == Approx(0.6).epsilon(1e-12));  // 0.525 → 0.6
  CHECK(axis_top(0.3, 1.0) == Approx(0.4).epsilon(1e-12));  // 0.315 → 0.4
  CHECK(axis_top(0) == 1);
  CHECK(axis_top(0, 1.0) == 1);
  CHECK(axis_top(0, 0.5) == 0.5);
  CHECK(axis_top(-3) == 1);
  CHECK(axis_top(std::nan("")) == 1);
  CHECK(axis_top(INFINITY, 1.0) == 1);
}
