// Synthetic results and sweep documents for the report tests and the browser check
// (tests/external/report_chromium.sh): 3 arms, every chart's data, hostile strings.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace linksim::testing {

/// How many times `needle` occurs in `haystack` (overlaps counted).
inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

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
