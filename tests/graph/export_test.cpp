#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "linksim/graph/export.hpp"
#include "linksim/graph/graph_command.hpp"
#include "world_fixture.hpp"

using namespace linksim::graph;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("linksim_graph_test_" + name);
  fs::remove_all(dir);
  return dir;
}

std::vector<std::string> lines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("export_csv writes one line per edge and per member, and no temporary files", "[graph]") {
  const World w = generate_world(linksim::graph::testing::default_params(2000), 1, 0);
  const fs::path dir = fresh_dir("export");
  export_csv(w, (dir / "nested").string());
  const auto edges = lines(dir / "nested" / "edges.csv");
  const auto members = lines(dir / "nested" / "members.csv");
  CHECK(edges.front() == "source,target");
  CHECK(edges.size() == w.num_edges() + 1);
  CHECK(members.size() == w.num_members() + 1);
  CHECK(members.front().rfind("id,industry,region,seniority", 0) == 0);
  CHECK(members[1].rfind("0,", 0) == 0);
  for (const auto& entry : fs::directory_iterator(dir / "nested")) CHECK(entry.path().extension() == ".csv");
  fs::remove_all(dir);
}

TEST_CASE("export_csv quotes names that need it", "[graph]") {
  auto world = linksim::graph::testing::default_world(500);
  world["attributes"]["industries"] = {{{"name", "arts, \"culture\""}, {"share", 0.5}}, {{"name", "b"}, {"share", 0.5}}};
  const World w = generate_world(graph_params_from_json(world, "/world"), 1, 0);
  const fs::path dir = fresh_dir("quote");
  export_csv(w, dir.string());
  CHECK(lines(dir / "members.csv")[1].find("\"arts, \"\"culture\"\"\"") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("graph_command prints stats as JSON and exports", "[graph]") {
  const fs::path dir = fresh_dir("command");
  std::ostringstream out;
  CHECK(graph_command(linksim::graph::testing::default_world(3000), "/world", 9, true, true, dir.string(), out) == 0);
  const auto j = nlohmann::json::parse(out.str());
  CHECK(j.at("members") == 3000);
  CHECK(lines(dir / "edges.csv").size() == j.at("edges").get<std::size_t>() + 1);
  std::ostringstream table;
  graph_command(linksim::graph::testing::default_world(3000), "/world", 9, true, false, "", table);
  CHECK(table.str().find("giant component") != std::string::npos);
  nlohmann::json bad = linksim::graph::testing::default_world(3000);
  bad["graph"]["mean_degree"] = 5000;
  CHECK_THROWS_AS(graph_command(bad, "/world", 9, true, true, "", out), InputError);
  fs::remove_all(dir);
}
