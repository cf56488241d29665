// docs/results-format.md's metric and daily-series tables are the registry's, row for row, and
// docs/policy.md describes exactly the registered policy metrics.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"

using namespace linksim;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Table rows (lines starting "| `") between the line `start` and the next heading.
std::vector<std::string> rows_after(const std::string& doc, const std::string& start) {
  std::vector<std::string> rows;
  const auto at = doc.find(start);
  if (at == std::string::npos) return rows;
  std::istringstream in(doc.substr(at + start.size()));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0) break;
    if (line.rfind("| `", 0) == 0) rows.push_back(line);
  }
  return rows;
}

std::vector<std::string> metric_rows() {
  std::vector<std::string> rows;
  for (const auto& m : metrics::kMetrics)
    rows.push_back(fmt::format("| `{}` | {} | {} | {} | {} |", m.name, metrics::scope_name(m.scope), metrics::unit_name(m.unit),
                               metrics::better_name(m.better), m.description));
  return rows;
}

std::vector<std::string> breakdown_rows() {
  std::vector<std::string> rows;
  for (const auto& d : metrics::kBreakdownMetrics)
    rows.push_back(fmt::format("| `{}` | {} | {} | {} |", d.name, metrics::group_name(d.group), metrics::unit_name(d.unit), d.description));
  return rows;
}

std::vector<std::string> daily_rows() {
  std::vector<std::string> rows;
  for (const auto& d : metrics::kDailySeries)
    rows.push_back(fmt::format("| `{}` | {} | {} |", d.name, metrics::unit_name(d.unit), d.description));
  return rows;
}

// Both ways: every registry row is in the doc, every doc row is in the registry, same order.
void check_table(const std::vector<std::string>& doc, const std::vector<std::string>& registry) {
  const std::set<std::string> in_doc(doc.begin(), doc.end()), in_registry(registry.begin(), registry.end());
  for (const auto& r : registry) {
    INFO("registry row missing from the doc (paste it in):\n" << r);
    CHECK(in_doc.count(r) == 1);
  }
  for (const auto& r : doc) {
    INFO("doc row that is not the registry's:\n" << r);
    CHECK(in_registry.count(r) == 1);
  }
  CHECK(doc == registry);
}

}  // namespace

TEST_CASE("results-format.md's tables are the registry's", "[metrics][registry][docs]") {
  const std::string doc = slurp(std::string(LINKSIM_SOURCE_DIR) + "/docs/results-format.md");
  REQUIRE_FALSE(doc.empty());
  check_table(rows_after(doc, "| metric | scope | unit | better | description |"), metric_rows());
  check_table(rows_after(doc, "| series | unit | description |"), daily_rows());
  check_table(rows_after(doc, "| metric | group | unit | description |"), breakdown_rows());
}

TEST_CASE("policy.md describes exactly the registered policy metrics", "[metrics][registry][docs]") {
  const std::string doc = slurp(std::string(LINKSIM_SOURCE_DIR) + "/docs/policy.md");
  REQUIRE_FALSE(doc.empty());
  std::set<std::string> documented;
  for (const auto& row : rows_after(doc, "| metric | definition |")) documented.insert(row.substr(3, row.find('`', 3) - 3));
  const auto& policy = metrics::policy_metric_names();
  CHECK(documented == std::set<std::string>(policy.begin(), policy.end()));
}
