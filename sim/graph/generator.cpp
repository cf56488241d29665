#include "linksim/graph/generator.hpp"

#include <functional>
#include <map>
#include <stdexcept>

#include "linksim/graph/community_bter.hpp"

namespace linksim::graph {
namespace {

using Factory = std::function<std::unique_ptr<Generator>()>;

// The one place where generators are registered: add a line here for a new model.
const std::map<std::string, Factory>& registry() {
  static const std::map<std::string, Factory> r = {
      {"community_bter", [] { return std::make_unique<CommunityBter>(); }},
  };
  return r;
}

}  // namespace

std::vector<Edge> Generator::top_up(const GenerationInput&, const std::vector<std::uint32_t>&, const PlacedEdges&,
                                   unsigned) const {
  return {};
}

bool generator_exists(const std::string& name) { return registry().count(name) != 0; }

std::string generator_names() {
  std::string s;
  for (const auto& [name, f] : registry()) {
    if (!s.empty()) s += ", ";
    s += name;
  }
  return s;
}

std::unique_ptr<Generator> make_generator(const std::string& name) {
  const auto it = registry().find(name);
  if (it == registry().end())
    throw std::invalid_argument("unknown graph model \"" + name + "\"; valid: " + generator_names());
  return it->second();
}

}  // namespace linksim::graph
