// Inputs found by fuzzing (fuzz/, `make fuzz`) or reported in issue 18: each ends in an InputError
// that names the JSON path or the line and column — exit 2 from the CLI — never a crash, a
// library message or exit 1. Every tests/data/bad/fuzz-*.json is replayed through `linksim validate`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../cli/cli_runner.hpp"
#include "linksim/config/json_input.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/sweep.hpp"

using namespace linksim::config;

namespace {
const std::string kData = LINKSIM_TEST_DATA;

std::vector<Issue> issues_of_text(const std::string& text) {
  try {
    load_scenario_text(text, "t.json");
  } catch (const InputError& e) {
    return e.issues();
  }
  return {};
}

std::vector<Issue> issues_of_set(const std::string& assignment) {
  try {
    Overrides o;
    o.patches.push_back(patch_from_assignment(assignment));
    default_scenario(o);
  } catch (const InputError& e) {
    return e.issues();
  }
  return {};
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

TEST_CASE("every fuzz-found bad file: validate exits 2 with one path-naming line per error", "[io][fuzz]") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kData + "/bad")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("fuzz-", 0) != 0) continue;
    ++files;
    const auto r = linksim::testing::run_cli("validate " + entry.path().string());
    INFO(name << ":\n" << r.out);
    CHECK(r.code == 2);
    std::istringstream lines(r.out);
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n)
      CHECK(line.rfind(entry.path().string() + ": error: /", 0) == 0);
    CHECK(n >= 1);
  }
  CHECK(files >= 2);
}

TEST_CASE("a number beyond a double is an input error at its path", "[io][fuzz]") {
  const auto issues = issues_of_text(R"({"name": "n", "description": "d",
    "replications": 1e400})");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "/replications");
  CHECK(issues[0].found.find("1e400 at t.json:2:21") != std::string::npos);
  // Inside arrays and arms too.
  const auto in_arm = issues_of_text(R"({"name": "n", "description": "d", "arms": [{"name": "a", "patch": {"horizon_days": -2e999}}]})");
  REQUIRE(in_arm.size() == 1);
  CHECK(in_arm[0].path == "/arms/0/patch/horizon_days");

  const auto r = linksim::testing::run_cli("validate " + kData + "/bad/fuzz-number-overflow.json");
  CHECK(r.code == 2);
  CHECK(r.out.find("error: /replications: expected a number within the range of a double") != std::string::npos);

  const auto set = issues_of_set("replications=1e400");
  REQUIRE(set.size() == 1);
  CHECK(set[0].path == "/replications");
}

TEST_CASE("nesting deeper than the limit is an input error with line and column, at any depth", "[io][fuzz]") {
  const auto ok = issues_of_text(R"({"name": "n", "description": "d", "x": )" + nested(kMaxJsonDepth - 1) + "}");
  REQUIRE(ok.size() == 1);  // within the limit: reaches the schema, which rejects the unknown key
  CHECK(ok[0].path == "/x");

  const auto deep = issues_of_text("{\"name\": \"n\",\n \"world\": " + nested(kMaxJsonDepth) + "}");
  REQUIRE(deep.size() == 1);
  CHECK(deep[0].expected == "JSON nested at most 64 levels deep");
  CHECK(deep[0].found.find("t.json:2:74") != std::string::npos);  // the 64th '[', the 65th level
  CHECK(deep[0].path == "/world/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0");

  // Half a million levels crashed `linksim validate` (exit 139, stack overflow in recursive code).
  const auto file = std::filesystem::temp_directory_path() / "linksim_fuzz_deep.json";
  {
    std::ofstream out(file);
    out << "{\"name\": \"deep\", \"description\": \"d\", \"world\": {\"members\": " << nested(500000) << "}}";
  }
  const auto r = linksim::testing::run_cli("validate " + file.string());
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("error: /world/members/0/0/0") != std::string::npos);
  CHECK(r.out.find("linksim_fuzz_deep.json:1:") != std::string::npos);
  std::filesystem::remove(file);
}

TEST_CASE("deep values, long paths, bad UTF-8 and huge grids in --set and --vary are input errors", "[io][fuzz]") {
  const auto deep_value = issues_of_set("world.members=" + nested(100000));
  REQUIRE(deep_value.size() == 1);
  CHECK(deep_value[0].path == "/world/members");

  std::string long_path = "a";
  for (int i = 0; i < 100000; ++i) long_path += ".a";
  const auto long_set = issues_of_set(long_path + "=1");
  REQUIRE(long_set.size() == 1);
  CHECK(long_set[0].path == "--set");

  const auto bad_utf8 = issues_of_set("name=\xff\xfe");
  REQUIRE(bad_utf8.size() == 1);
  CHECK(bad_utf8[0].path == "--set");

  CHECK_THROWS_AS(linksim::experiment::parse_axis("seed=" + nested(1000)), InputError);
  CHECK_THROWS_AS(linksim::experiment::parse_axis("seed=1e400"), InputError);
  std::vector<linksim::experiment::SweepAxis> axes;
  for (int i = 0; i < 8; ++i) axes.push_back(linksim::experiment::parse_axis("seed=1,2,3,4,5,6,7,8,9,10"));
  try {
    linksim::experiment::grid(axes);  // 10^8 points
    FAIL("a 10^8-point grid was built");
  } catch (const InputError& e) {
    CHECK(e.issues().at(0).path == "--vary");
    CHECK(e.issues().at(0).expected == "a grid of at most 10000 points");
  }
}

TEST_CASE("integers a C++ integer cannot hold are input errors, not undefined conversions", "[io][fuzz]") {
  // 1e20 is an integer by JSON Schema's rules, but converting it to std::uint64_t is undefined.
  const auto seed = issues_of_text(R"({"name": "n", "description": "d", "seed": 1e20})");
  REQUIRE(seed.size() == 1);
  CHECK(seed[0].path == "/seed");
  CHECK(seed[0].expected == "integer");
  CHECK(issues_of_text(R"({"name": "n", "description": "d", "seed": 18446744073709551615})").empty());
  CHECK(issues_of_text(R"({"name": "n", "description": "d", "seed": 18446744073709551616})").size() == 1);
  // An integer without a maximum in the schema is read as int.
  const auto cap = issues_of_text(
      R"({"name": "n", "description": "d", "platform": {"plans": {"free": {"daily_message_cap": 1e15}}}})");
  REQUIRE(cap.size() == 1);
  CHECK(cap[0].path == "/platform/plans/free/daily_message_cap");
  CHECK(cap[0].expected == "integer <= 2147483647");
}
