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
  std::uint32_t u;
  std::uint32_t v;
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
};

/// The generator registered under `name`; throws std::invalid_argument listing the valid names.
std::unique_ptr<Generator> make_generator(const std::string& name);
bool generator_exists(const std::string& name);
/// Comma-separated list of registered names, for error messages.
std::string generator_names();

}  // namespace linksim::graph
