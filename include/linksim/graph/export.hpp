// CSV export that networkx and igraph load directly:
//   edges.csv   source,target           (each undirected edge once, source < target)
//   members.csv id,industry,region,...  (one row per member, names not indices)
#pragma once
#include <string>

#include "linksim/graph/world.hpp"

namespace linksim::graph {

/// Writes dir/edges.csv and dir/members.csv, creating dir if needed. Each file is written to a
/// temporary name and renamed, so a reader never sees half a file. Throws std::runtime_error
/// on I/O failure (nothing is left under the final names then).
void export_csv(const World& world, const std::string& dir);

}  // namespace linksim::graph
