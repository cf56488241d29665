// `linksim explain` names a source for every default, and every source is one a reader of the
// repository can follow: no bare "judgement", no file outside the repository (../shared).
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/scenario.hpp"
#include "linksim/platform/params.hpp"

namespace {

using nlohmann::json;


std::string explain(const std::string& scenario) {
  const auto r = linksim::testing::run_cli("explain " + scenario);
  INFO(r.out);
  REQUIRE(r.code == 0);
  return r.out;
}

// Empty if the source is acceptable, else what is wrong with it.
std::string source_problem(const std::string& source) {
  static const std::regex judgement(R"(^\s*(source:\s*)?judgement\b)", std::regex::icase);
  static const std::regex outside(R"(CALIBRATION\.md|DESIGN\.md|\bthe guide\b|\.\./shared|\bseed\b)", std::regex::icase);
  if (source.find_first_not_of(" ;,.") == std::string::npos) return "no source";
  if (std::regex_search(source, judgement)) return "a bare judgement (say 'assumption: ...; range a-b')";
  if (std::regex_search(source, outside)) return "cites a file outside the repository";
  return {};
}

// Every world, sender and strategy line of `explain`'s text; the platform block is checked below
// through the same PlatformParams::source_of that prints it, which knows each value's pointer.
std::vector<std::string> text_problems(const std::string& text) {
  static const std::regex value_line(R"(^  ((?:world|senders)\.\S+)\s+= (.*?)\s+\[(.*)\]$)");
  static const std::regex base_preset(R"(^  \(base preset: (.*)\)$)");
  std::vector<std::string> problems;
  std::istringstream in(text);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    std::string source;
    if (std::regex_match(line, m, base_preset)) {
      source = m[1];
    } else if (std::regex_match(line, m, value_line)) {
      const std::string key = m[1], note = m[3];
      if (key.find(".strategy.") != std::string::npos) {
        // Strategy values name their layer; the layers' sources are the preset lines.
        if (key.size() < 7 || key.compare(key.size() - 7, 7, ".preset") != 0) continue;
        source = note;
      } else {
        const auto semi = note.find("; ");
        if (semi == std::string::npos) {
          if (note == "default") problems.push_back(key + ": a default without a source");
          continue;
        }
        source = note.substr(semi + 2);
      }
    } else {
      continue;
    }
    if (const std::string why = source_problem(source); !why.empty()) problems.push_back(line + "  <- " + why);
  }
  return problems;
}

void platform_leaves(const json& node, const std::string& pointer, std::vector<std::string>& out) {
  if (node.is_object() && !node.empty()) {
    for (const auto& [k, v] : node.items()) platform_leaves(v, pointer + "/" + k, out);
  } else if (node.is_array() && !node.empty() && node.front().is_object()) {
    for (std::size_t i = 0; i < node.size(); ++i) platform_leaves(node[i], pointer + "/" + std::to_string(i), out);
  } else {
    out.push_back(pointer);
  }
}

std::vector<std::string> platform_problems(const linksim::config::Scenario& s) {
  std::vector<std::string> problems;
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    const auto p = linksim::platform::platform_params_from_json(s.arms[a].config.at("platform"), s.locate(a, "/platform"));
    std::vector<std::string> pointers{"/preset"};
    platform_leaves(p.effective, "", pointers);
    for (const auto& ptr : pointers) {
      const std::string source = p.source_of(ptr);
      std::string why = source == "no source recorded" ? "no source" : source_problem(source);
      if (why.empty()) continue;
      problems.push_back("arm " + std::to_string(a) + " /platform" + ptr + ": " + source + "  <- " + why);
    }
  }
  return problems;
}

std::vector<std::string> library() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(LINKSIM_SOURCE_DIR) + "/scenarios"))
    if (e.path().extension() == ".json" && e.path().filename() != "schema.json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// The first problems, and how many there are in all.
void report(const std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) UNSCOPED_INFO(problems[i]);
  if (problems.size() > 20) UNSCOPED_INFO("... " << problems.size() << " problems in all");
}

}  // namespace

TEST_CASE("source checks catch what they should", "[cli][explain]") {
  CHECK(source_problem("source: judgement, ").size() > 0);
  CHECK(source_problem("source: judgement, senior people answer less").size() > 0);
  CHECK(source_problem("source: CALIBRATION.md graph table").size() > 0);
  CHECK(source_problem("linkedin_2025: seed: 8,000 characters per message").size() > 0);
  CHECK(source_problem("see ../shared/DESIGN.md").size() > 0);
  CHECK(source_problem("").size() > 0);
  CHECK(source_problem("source: assumption: homophily; range 0-0.6").empty());
  CHECK(source_problem("source: LinkedIn Help a551012 (30,000 first-degree connections)").empty());
  const auto found = text_problems(
      "  world.a.b = 1 [default]\n  world.a.c = 2 [default; source: judgement, ]\n"
      "  world.a.d = 3 [default; source: practitioners: 25-35%]\n  senders.x.plan = \"free\" [set by scenario]\n");
  CHECK(found.size() == 2);
}

TEST_CASE("explain gives every default a source a reader can follow, for the default and every library scenario",
          "[cli][explain]") {
  std::vector<std::string> scenarios{""};
  for (const auto& f : library()) scenarios.push_back(f);
  REQUIRE(scenarios.size() > 5);
  for (const auto& file : scenarios) {
    INFO((file.empty() ? std::string("<built-in default>") : file));
    const std::string text = explain(file);
    CHECK_THAT(text, Catch::Contains("[default; source: "));  // the format the checks below read
    const auto problems = text_problems(text);
    report(problems);
    CHECK(problems.empty());
    const auto s = file.empty() ? linksim::config::default_scenario() : linksim::config::load_scenario_file(file);
    const auto platform = platform_problems(s);
    report(platform);
    CHECK(platform.empty());
  }
}
