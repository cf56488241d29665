// `linksim graph SCENARIO [--stats] [--json] [--export DIR]`: the body of the command, called
// by the CLI with the scenario's `world` block (defaults applied).
#pragma once
#include <cstdint>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace linksim::graph {

/// Generates the world for (seed, replication 0); with `stats` prints its statistics (a table,
/// or one JSON object with `json`); with a non-empty `export_dir` writes edges.csv and
/// members.csv there. Returns the exit code (0). Throws InputError for bad parameters (the
/// caller prints it and exits 2) and std::runtime_error for I/O failures (exit 1).
int graph_command(const nlohmann::json& world, const std::string& world_path, std::uint64_t seed,
                  bool stats, bool json, const std::string& export_dir, std::ostream& out);

}  // namespace linksim::graph
