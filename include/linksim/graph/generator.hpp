// The extension point for edge models: a Generator turns members and their target degrees into
// an undirected edge list. Concrete generators are chosen by name in one factory.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "linksim/graph/members.hpp"
#include "linksim/graph/params.hpp"

namespace linksim::graph {

/// One undirected edge; u != v. Duplicates are allowed (the CSR build removes them).
struct Edge {
  /// Left uninitialised, so that large edge vectors are not zero-filled by one thread: their
  /// pages are first touched by the (parallel) passes that write them.
  Edge() noexcept {}  // NOLINT: deliberately no member initialisers
  constexpr Edge(std::uint32_t from, std::uint32_t to) noexcept : u(from), v(to) {}
  std::uint32_t u;
  std::uint32_t v;
};

/// Edges already in the graph, and how many of them join members of the same industry and of
/// the same region (for generators that aim at overall homophily shares).
struct PlacedEdges {
  double edges = 0;
  double same_industry = 0;
  double same_region = 0;
};

struct GenerationInput {
  const GraphParams& params;
  const Members& members;
  const std::vector<std::uint32_t>& target_degree;
  std::uint64_t seed;
  std::uint32_t replication;
  unsigned threads;
};

class Generator {
 public:
  virtual ~Generator() = default;
  /// Deterministic for (seed, replication) whatever `threads` is.
  virtual std::vector<Edge> generate(const GenerationInput& in) const = 0;
  /// Extra edges for members whose realised degree fell short of the target (duplicate draws
  /// are removed by the CSR build); `deficit[v]` is the shortfall. `round` numbers the calls,
  /// so each uses fresh random streams. The default adds nothing.
  virtual std::vector<Edge> top_up(const GenerationInput& in, const std::vector<std::uint32_t>& deficit,
                                   const PlacedEdges& placed, unsigned round) const;
};

/// The generator registered under `name`; throws std::invalid_argument listing the valid names.
std::unique_ptr<Generator> make_generator(const std::string& name);
bool generator_exists(const std::string& name);
/// Comma-separated list of registered names, for error messages.
std::string generator_names();

}  // namespace linksim::graph
