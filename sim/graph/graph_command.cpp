#include "linksim/graph/graph_command.hpp"

#include <chrono>

#include <fmt/format.h>

#include "linksim/graph/export.hpp"
#include "linksim/graph/stats.hpp"

namespace linksim::graph {
namespace {

void print_table(const GraphStats& s, double seconds, std::ostream& out) {
  out << fmt::format("members                 {}\n", s.members)
      << fmt::format("edges                   {}   (generated in {:.2f} s)\n", s.edges, seconds)
      << fmt::format("degree min/median/mean  {} / {:.0f} / {:.1f}\n", s.degree_min, s.degree_median, s.degree_mean)
      << fmt::format("degree p99/max          {:.0f} / {}\n", s.degree_p99, s.degree_max)
      << fmt::format("clustering avg/median   {:.4f} / {:.4f}   (exact)\n", s.average_clustering, s.median_clustering)
      << fmt::format("transitivity            {:.4f}\n", s.transitivity)
      << fmt::format("assortativity           {:+.4f}\n", s.assortativity)
      << fmt::format("intra-industry share    {:.4f}\n", s.intra_industry_share)
      << fmt::format("intra-region share      {:.4f}\n", s.intra_region_share)
      << fmt::format("giant component         {:.4f} of members ({} components)\n", s.giant_component_share, s.components)
      << "degree histogram (log2 bins)\n";
  for (const auto& b : s.degree_histogram)
    if (b.count > 0) out << fmt::format("  [{:>6}, {:>6})  {}\n", b.lo, b.hi, b.count);
}

}  // namespace

int graph_command(const nlohmann::json& world, const std::string& world_path, std::uint64_t seed,
                  bool stats, bool json, const std::string& export_dir, std::ostream& out) {
  const GraphParams params = graph_params_from_json(world, world_path);
  const auto t0 = std::chrono::steady_clock::now();
  const World w = generate_world(params, seed, 0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (stats) {
    const GraphStats s = compute_stats(w);
    if (json) out << to_json(s).dump(2) << "\n";
    else print_table(s, seconds, out);
  }
  if (!export_dir.empty()) {
    export_csv(w, export_dir);
    if (!json) out << "wrote " << export_dir << "/edges.csv and " << export_dir << "/members.csv\n";
  }
  return 0;
}

}  // namespace linksim::graph
