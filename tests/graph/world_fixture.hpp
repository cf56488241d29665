// Test helpers: the scenario schema's default `world`, and cached default worlds (generating a
// 100k-member world once per test binary run, not once per TEST_CASE).
#pragma once
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "linksim/graph/params.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/graph/world.hpp"

namespace linksim::graph::testing {

/// The default `world` block with `members` members (and any overrides already in `world`).
inline nlohmann::json default_world(std::uint32_t members, nlohmann::json world = nlohmann::json::object()) {
  world["members"] = members;
  nlohmann::json scenario = {{"name", "test"}, {"description", "graph test"}, {"world", world}};
  config::JsonSchema::scenario().apply_defaults(scenario);
  return scenario.at("world");
}

inline GraphParams default_params(std::uint32_t members) {
  return graph_params_from_json(default_world(members), "/world");
}

/// 100k members, or 20k when LINKSIM_SLOW_TESTS=0 (Debug + sanitizers).
inline std::uint32_t big_size() {
  const char* slow = std::getenv("LINKSIM_SLOW_TESTS");
  return slow && std::string(slow) == "0" ? 20000u : 100000u;
}

/// The default world of big_size() members for (seed 1, replication 0), generated once.
inline const World& big_world() {
  static const World w = generate_world(default_params(big_size()), 1, 0);
  return w;
}

}  // namespace linksim::graph::testing

namespace linksim::graph::testing {

/// FNV-1a over the CSR and every attribute: equal hashes = identical worlds.
inline std::uint64_t world_hash(const World& w) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const auto& vec) {
    const auto* p = reinterpret_cast<const unsigned char*>(vec.data());
    for (std::size_t i = 0; i < vec.size() * sizeof(vec[0]); ++i) h = (h ^ p[i]) * 1099511628211ull;
  };
  mix(w.row_offsets());
  mix(w.targets());
  const auto& m = w.members();
  mix(m.industry), mix(m.region), mix(m.seniority), mix(m.company_size), mix(m.activity);
  mix(m.accept_propensity), mix(m.report_propensity), mix(m.content_affinity), mix(m.profile_strength);
  mix(m.creator), mix(m.email);
  return h;
}

}  // namespace linksim::graph::testing

namespace linksim::graph::testing {

/// A hand-built world: `n` members in one industry/region, the given edges.
inline World small_world(std::uint32_t n, std::vector<Edge> edges, std::uint32_t cap = 1000) {
  Members m;
  m.industry.assign(n, 0);
  m.region.assign(n, 0);
  m.seniority.assign(n, Seniority::kIc);
  m.company_size.assign(n, 0);
  m.activity.assign(n, 0.5f);
  m.accept_propensity.assign(n, 0.f);
  m.report_propensity.assign(n, 0.f);
  m.content_affinity.assign(n, 0.f);
  m.profile_strength.assign(n, 0.5f);
  m.creator.assign(n, 0);
  m.email.assign(n, EmailClass::kFound);
  m.sociability.assign(n, 0.f);
  m.industry_names = {"all"};
  m.region_names = {"all"};
  m.company_size_names = {"any"};
  return World(std::move(m), build_csr(std::move(edges), n, cap, 1));
}

}  // namespace linksim::graph::testing
