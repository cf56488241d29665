#include "linksim/graph/world.hpp"

#include <algorithm>
#include <stdexcept>

#include "linksim/graph/connectivity.hpp"
#include "linksim/graph/degrees.hpp"
#include "linksim/graph/generator.hpp"

namespace linksim::graph {

World::World(Members members, Csr graph) : members_(std::move(members)), graph_(std::move(graph)) {
  if (boost::num_vertices(graph_) != members_.size())
    throw std::invalid_argument("World: graph has " + std::to_string(boost::num_vertices(graph_)) +
                                " vertices but there are " + std::to_string(members_.size()) + " members");
}

bool World::connected(std::uint32_t u, std::uint32_t v) const {
  if (degree(u) > degree(v)) std::swap(u, v);
  const auto row = neighbours(u);
  return std::binary_search(row.begin(), row.end(), v);
}

std::size_t World::memory_bytes() const {
  const auto& m = members_;
  auto bytes = [](const auto& vec) { return vec.capacity() * sizeof(vec[0]); };
  return bytes(graph_.m_forward.m_rowstart) + bytes(graph_.m_forward.m_column) + bytes(m.industry) +
         bytes(m.region) + bytes(m.seniority) + bytes(m.company_size) + bytes(m.activity) +
         bytes(m.accept_propensity) + bytes(m.report_propensity) + bytes(m.content_affinity) +
         bytes(m.profile_strength) + bytes(m.creator) + bytes(m.email) + bytes(m.sociability);
}

World generate_world(const GraphParams& params, std::uint64_t seed, std::uint32_t replication,
                     unsigned threads) {
  std::vector<Issue> issues;
  check_graph_params(params, "/world", issues);
  if (!issues.empty()) throw InputError(std::move(issues));

  Members members = generate_members(params, seed, replication, threads);
  const auto target = target_degrees(params.edges, params.effective_cap(), members.sociability);
  const auto generator = make_generator(params.edges.model);
  std::vector<Edge> edges = generator->generate({params, members, target, seed, replication, threads});
  connect_components(edges, params.members, seed, replication);
  Csr graph = build_csr(std::move(edges), params.members, params.effective_cap(), threads);
  return World(std::move(members), std::move(graph));
}

}  // namespace linksim::graph
