#include <catch2/catch.hpp>

#include "linksim/graph/params.hpp"
#include "world_fixture.hpp"

using linksim::graph::graph_params_from_json;
using linksim::graph::InputError;
using linksim::graph::testing::default_world;

namespace {

// The JSON paths named by the InputError that parsing `world` throws ("" when none).
std::vector<std::string> issue_paths(const nlohmann::json& world) {
  try {
    graph_params_from_json(world, "/world");
  } catch (const InputError& e) {
    std::vector<std::string> paths;
    for (const auto& i : e.issues()) paths.push_back(i.path);
    return paths;
  }
  return {};
}

}  // namespace

TEST_CASE("default world parameters parse and match the schema defaults", "[graph]") {
  const auto p = linksim::graph::testing::default_params(20000);
  CHECK(p.members == 20000);
  CHECK(p.edges.model == "community_bter");
  CHECK(p.edges.max_degree == 30000);
  CHECK(p.effective_cap() == 19999);
  CHECK(p.industries.size() >= 2);
  CHECK(p.regions.size() >= 2);
  CHECK(p.traits.email[0] + p.traits.email[1] + p.traits.email[2] == Approx(1.0));
}

TEST_CASE("invalid graph parameters are rejected with the JSON path of the parameter", "[graph]") {
  using nlohmann::json;
  struct Case {
    const char* what;
    json patch;  // merged into the default world
    const char* path;
  };
  const Case cases[] = {
      {"mean degree >= members", {{"members", 50}, {"graph", {{"mean_degree", 50}}}}, "/world/graph/mean_degree"},
      {"mean degree zero", {{"graph", {{"mean_degree", 0}}}}, "/world/graph/mean_degree"},
      {"negative mean degree", {{"graph", {{"mean_degree", -3}}}}, "/world/graph/mean_degree"},
      {"cap below mean degree", {{"graph", {{"max_degree", 50}}}}, "/world/graph/max_degree"},
      {"zero cap", {{"graph", {{"max_degree", 0}}}}, "/world/graph/max_degree"},
      {"min degree zero", {{"graph", {{"min_degree", 0}}}}, "/world/graph/min_degree"},
      {"min degree above mean", {{"graph", {{"min_degree", 500}}}}, "/world/graph/min_degree"},
      {"one member", {{"members", 1}}, "/world/members"},
      {"unknown model", {{"graph", {{"model", "small_world"}}}}, "/world/graph/model"},
      {"unknown distribution", {{"graph", {{"degree_distribution", "poisson"}}}}, "/world/graph/degree_distribution"},
      {"sigma zero", {{"graph", {{"degree_sigma", 0}}}}, "/world/graph/degree_sigma"},
      {"power law exponent <= 2", {{"graph", {{"power_law_exponent", 2}}}}, "/world/graph/power_law_exponent"},
      {"homophily above 1", {{"graph", {{"industry_homophily", 1.5}}}}, "/world/graph/industry_homophily"},
      {"region homophily negative", {{"graph", {{"region_homophily", -0.1}}}}, "/world/graph/region_homophily"},
      {"block density zero", {{"graph", {{"block_density", 0}}}}, "/world/graph/block_density"},
      {"block share above 1", {{"graph", {{"block_degree_share", 1.2}}}}, "/world/graph/block_degree_share"},
      {"industry shares not summing to 1",
       {{"attributes", {{"industries", json::array({{{"name", "a"}, {"share", 0.5}}, {{"name", "b"}, {"share", 0.4}}})}}}},
       "/world/attributes/industries"},
      {"duplicate region names",
       {{"attributes", {{"regions", json::array({{{"name", "x"}, {"share", 0.5}}, {{"name", "x"}, {"share", 0.5}}})}}}},
       "/world/attributes/regions/1/name"},
      {"empty company sizes", {{"attributes", {{"company_sizes", json::array()}}}}, "/world/attributes/company_sizes"},
      {"seniority shares not summing to 1", {{"attributes", {{"seniority", {{"ic", 0.9}}}}}}, "/world/attributes/seniority"},
      {"email shares not summing to 1", {{"attributes", {{"email_findability", {{"found", 0.9}}}}}}, "/world/attributes/email_findability"},
      {"dormant share above 1", {{"attributes", {{"activity", {{"dormant_share", 1.5}}}}}}, "/world/attributes/activity/dormant_share"},
      {"active median zero", {{"attributes", {{"activity", {{"active_median", 0}}}}}}, "/world/attributes/activity/active_median"},
      {"correlation above 1", {{"attributes", {{"traits", {{"accept_report_correlation", 1.5}}}}}}, "/world/attributes/traits/accept_report_correlation"},
      {"creator share negative", {{"attributes", {{"traits", {{"creator_share", -0.5}}}}}}, "/world/attributes/traits/creator_share"},
      {"content median 1", {{"attributes", {{"traits", {{"content_affinity_median", 1}}}}}}, "/world/attributes/traits/content_affinity_median"},
      {"wrong type", {{"graph", {{"mean_degree", "many"}}}}, "/world/graph/mean_degree"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      json world = default_world(20000);
      world.merge_patch(c.patch);
      const auto paths = issue_paths(world);
      INFO(world.dump());
      CHECK_THAT(paths, Catch::Matchers::VectorContains(std::string(c.path)));
    }
  }
}

TEST_CASE("every issue is reported, not just the first", "[graph]") {
  nlohmann::json world = default_world(20000);
  world["graph"]["mean_degree"] = 0;
  world["graph"]["block_density"] = 2;
  world["attributes"]["email_findability"]["found"] = 0.0;
  CHECK(issue_paths(world).size() >= 3);
}

TEST_CASE("single-category attributes require full homophily", "[graph]") {
  nlohmann::json world = default_world(1000);
  world["attributes"]["industries"] = {{{"name", "all"}, {"share", 1.0}}};
  CHECK_THAT(issue_paths(world), Catch::Matchers::VectorContains(std::string("/world/graph/industry_homophily")));
  world["graph"]["industry_homophily"] = 1.0;
  CHECK(issue_paths(world).empty());
}

TEST_CASE("generate_world rejects parameters built in code", "[graph]") {
  auto p = linksim::graph::testing::default_params(1000);
  p.edges.mean_degree = 5000;
  CHECK_THROWS_AS(linksim::graph::generate_world(p, 1, 0), InputError);
}
