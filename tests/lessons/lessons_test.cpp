// lessons/: each lesson names a library scenario that loads, the test that asserts its answer
// (which must exist), and the sections a class works through in order; every `--set` a lesson
// suggests is valid for its scenario; the glossary is the metric registry, row for row; the
// lessons' index and the README link every lesson.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/metrics/registry.hpp"

namespace fs = std::filesystem;
using namespace linksim;

namespace {

const fs::path kRoot = LINKSIM_SOURCE_DIR;

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> lesson_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kRoot / "lessons")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".md" && std::isdigit(static_cast<unsigned char>(name[0]))) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern, int group = 1) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[group].str());
  return out;
}

std::vector<std::string> glossary_rows() {
  std::vector<std::string> rows;
  for (const auto& m : metrics::kMetrics)
    rows.push_back(fmt::format("| `{}` | {} | {} | {} |", m.name, m.label, m.description, metrics::better_name(m.better)));
  return rows;
}

}  // namespace

TEST_CASE("every lesson names a scenario that loads and the existing test that asserts its answer, in six sections", "[lessons]") {
  const auto files = lesson_files();
  CHECK(files.size() >= 6);
  const std::vector<std::string> sections = {"## Question", "## Predict", "## Run", "## The chart",
                                             "## What the model answers", "## Worksheet"};
  for (const auto& f : files) {
    INFO(f.filename().string());
    const std::string text = read_text(f);
    std::size_t at = 0;
    for (const auto& s : sections) {
      INFO(s);
      const auto found = text.find("\n" + s + "\n", at);
      CHECK(found != std::string::npos);
      if (found != std::string::npos) at = found;
    }
    const auto scenario = all_matches(text, R"(\nScenario: `scenarios/(\w+)\.json`)");
    REQUIRE(scenario.size() == 1);
    const fs::path file = kRoot / "scenarios" / (scenario[0] + ".json");
    REQUIRE(fs::exists(file));
    CHECK_NOTHROW(experiment::check_scenario(config::load_scenario_file(file.string())));
    // The run command runs this lesson's scenario.
    CHECK(text.find("build/linksim run " + scenario[0] + " ") != std::string::npos);
    // The answer's test exists under that exact name.
    const std::smatch m = [&] {
      std::smatch r;
      std::regex_search(text, r, std::regex(R"re(\nAsserted by: `(tests/[\w/]+\.cpp)`, test "([^"]+)")re"));
      return r;
    }();
    REQUIRE(m.size() == 3);
    const std::string test_file = read_text(kRoot / m[1].str());
    INFO("asserted by " << m[1].str() << ": " << m[2].str());
    CHECK(test_file.find("TEST_CASE(\"" + m[2].str() + "\"") != std::string::npos);
  }
}

TEST_CASE("every --set a lesson suggests is valid for its scenario", "[lessons]") {
  std::size_t checked = 0;
  for (const auto& f : lesson_files()) {
    const std::string text = read_text(f);
    const auto scenario = all_matches(text, R"(\nScenario: `scenarios/(\w+)\.json`)");
    REQUIRE(scenario.size() == 1);
    for (const auto& set : all_matches(text, R"(--set ([\w.]+=[^\s`]+))")) {
      INFO(f.filename().string() << ": --set " << set);
      config::Overrides o;
      o.patches.push_back(config::patch_from_assignment(set));
      const std::string path = (kRoot / "scenarios" / (scenario[0] + ".json")).string();
      CHECK_NOTHROW(experiment::check_scenario(config::load_scenario_file(path, o)));
      ++checked;
    }
  }
  CHECK(checked >= 5);
}

TEST_CASE("the glossary is the metric registry, row for row, and the index and README link every lesson", "[lessons]") {
  const std::string glossary = read_text(kRoot / "lessons" / "glossary.md");
  std::vector<std::string> rows;
  std::istringstream in(glossary);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("| `", 0) == 0) rows.push_back(line);
  const auto registry = glossary_rows();
  // LINKSIM_WRITE_GLOSSARY=1 rewrites the table from the registry (after adding a metric), then checks.
  const char* write = std::getenv("LINKSIM_WRITE_GLOSSARY");
  if (write != nullptr && std::string(write) == "1" && rows != registry) {
    const auto head = glossary.find("|---|");
    REQUIRE(head != std::string::npos);
    std::string out = glossary.substr(0, glossary.find('\n', head) + 1);
    for (const auto& r : registry) out += r + "\n";
    std::ofstream(kRoot / "lessons" / "glossary.md") << out;
    rows = registry;
  }
  {
    INFO("run LINKSIM_WRITE_GLOSSARY=1 build/linksim_tests \"[lessons]\" to write the registry's rows");
    CHECK(rows == registry);
  }
  const std::string index = read_text(kRoot / "lessons" / "README.md");
  for (const auto& f : lesson_files()) {
    INFO(f.filename().string());
    // Appended in steps: GCC 12 at -O3 reports a false -Wstringop-overflow for "(" + name + ")".
    std::string link = "(";
    link += f.filename().string();
    link += ')';
    CHECK(index.find(link) != std::string::npos);
  }
  CHECK(index.find("(glossary.md)") != std::string::npos);
  CHECK(read_text(kRoot / "README.md").find("lessons/README.md") != std::string::npos);
}
