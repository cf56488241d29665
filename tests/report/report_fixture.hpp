// Synthetic results and sweep documents for the report tests and the browser check
// (tests/external/report_chromium.sh): 3 arms, every chart's data, hostile strings.
#pragma once
#include <nlohmann/json.hpp>

namespace linksim::testing {

/// The scenario's name is `<script>alert(1)</script>`, and other strings carry markup too.
inline constexpr const char* kHostileName = "<script>alert(1)</script>";

/// A results document as docs/results-format.md describes: 3 arms, 20 replications, 84 days,
/// sender and policy metrics, daily series, comparisons and warnings. Deterministic.
nlohmann::json fixture_results();

/// Edge cases a real run produces: one arm, one replication (every interval [mean, mean]), no
/// leads or meetings (no cost per lead), nobody restricted, no comparisons, an incomplete run.
nlohmann::json fixture_results_degenerate();

/// A sweep document: 2 parameters × 3 values, 2 arms per point.
nlohmann::json fixture_sweep();

}  // namespace linksim::testing
