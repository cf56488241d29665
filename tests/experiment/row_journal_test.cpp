// The journal of finished design rows (experiment/row_journal.hpp): an interrupted sensitivity or
// robustness study resumes from the rows it finished, and never from another configuration's.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "experiment_fixture.hpp"
#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/row_journal.hpp"
#include "linksim/experiment/variant_runner.hpp"

using nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::string journal_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("linksim_row_journal_test_" + name);
  fs::remove_all(dir);
  return dir.string();
}

linksim::experiment::VariantSetup journal_setup(std::uint64_t seed, const std::string& dir) {
  const json doc = {{"name", "journal test"},
                    {"description", "tiny world for the row journal"},
                    {"horizon_days", 14},
                    {"replications", 1},
                    {"seed", seed},
                    {"world", {{"members", 1500}}},
                    {"senders", {{"focal", {{"count", 2}, {"plan", "free"}, {"strategy", {{"preset", "targeted_cold"}}}}}}},
                    {"arms", json::array({json{{"name", "cold"}, {"patch", json::object()}}})}};
  linksim::experiment::VariantSetup s;
  s.text = doc.dump();
  s.origin = "<row journal test>";
  s.parameters = linksim::experiment::select_ranged({"invite.accept.intercept", "reply.window_days"});
  s.metrics = linksim::experiment::select_metrics({"connections_gained", "replies"});
  s.threads = 2;
  s.checkpoint_dir = dir;
  return s;
}

linksim::experiment::sensitivity::Matrix design() {
  linksim::experiment::sensitivity::Matrix values(6, 2);
  for (std::size_t r = 0; r < values.rows; ++r) {
    values(r, 0) = -1.2 + 0.1 * static_cast<double>(r);
    values(r, 1) = 7.0 + static_cast<double>(r);
  }
  return values;
}

}  // namespace

TEST_CASE("row journal: values come back bit for bit, torn and foreign lines are skipped", "[robustness][resume]") {
  const std::string dir = journal_dir("bits");
  linksim::experiment::RowJournal journal(dir, 3);
  const std::vector<double> values = {0.1, -0.0, 1e-310, std::numeric_limits<double>::infinity(), 12345.678901234567};
  journal.append("k1", values);
  journal.append("k2", std::vector<double>{2.0});
  {
    std::ofstream torn(fs::path(dir) / "checkpoint-rows-3.jsonl", std::ios::app);
    torn << "{\"key\":\"k3\",\"values\":[\"3ff00000";  // killed while writing
  }
  { std::ofstream other(fs::path(dir) / "notes.jsonl"); other << "{\"key\":\"k4\",\"values\":[]}\n"; }
  const auto rows = linksim::experiment::RowJournal(dir, 0).load();
  REQUIRE(rows.size() == 2);
  REQUIRE(rows.at("k1").size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) CHECK(std::signbit(rows.at("k1")[i]) == std::signbit(values[i]));
  CHECK(rows.at("k1") == values);
  CHECK(rows.at("k2") == std::vector<double>{2.0});
  // Keys depend on the configuration, the metrics, the row and every bit of its values.
  using linksim::experiment::row_key;
  const std::vector<std::string> m = {"replies"};
  const std::vector<double> v = {1.0, 2.0};
  CHECK(row_key("aaaa", m, 0, v) == row_key("aaaa", m, 0, v));
  CHECK(row_key("aaaa", m, 0, v) != row_key("aaab", m, 0, v));
  CHECK(row_key("aaaa", m, 0, v) != row_key("aaaa", {"leads"}, 0, v));
  CHECK(row_key("aaaa", m, 0, v) != row_key("aaaa", m, 1, v));
  CHECK(row_key("aaaa", m, 0, v) != row_key("aaaa", m, 0, std::vector<double>{1.0, std::nextafter(2.0, 3.0)}));
  linksim::experiment::RowJournal(dir, 0).remove();
  CHECK(!fs::exists(fs::path(dir) / "checkpoint-rows-3.jsonl"));
  CHECK(fs::exists(fs::path(dir) / "notes.jsonl"));  // only the journal's own files
}

TEST_CASE("an interrupted study resumes from the rows it finished and gives the same matrix; another seed reuses none",
          "[robustness][resume]") {
  const std::string dir = journal_dir("study");
  const auto values = design();
  linksim::experiment::VariantRunner whole(journal_setup(5, dir));
  const auto expected = whole.run_all(values);
  CHECK(whole.rows_resumed() == 0);
  // Keep the first 4 rows' lines, as if the process had been stopped there.
  const fs::path file = fs::path(dir) / "checkpoint-rows-0.jsonl";
  REQUIRE(fs::exists(file));
  std::vector<std::string> lines;
  {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  REQUIRE(lines.size() == values.rows);
  {
    std::ofstream out(file, std::ios::trunc);
    for (std::size_t i = 0; i < 4; ++i) out << lines[i] << '\n';
  }
  linksim::experiment::VariantRunner resumed(journal_setup(5, dir));
  const auto again = resumed.run_all(values);
  CHECK(resumed.rows_resumed() == 4);
  CHECK(again.data == expected.data);

  linksim::experiment::VariantRunner other(journal_setup(6, dir));
  other.run_all(values);
  CHECK(other.rows_resumed() == 0);
  other.discard_checkpoint();
  CHECK(!fs::exists(file));
}
