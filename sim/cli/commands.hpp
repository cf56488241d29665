// Subcommand registration for the linksim CLI; each add_* defines options and the action.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "linksim/experiment/summary.hpp"
#include "linksim/config/scenario.hpp"

namespace linksim::cli {

/// The action of the subcommand that was chosen; returns the exit code.
struct Dispatch {
  std::function<int()> action;
};

void add_run(CLI::App& app, Dispatch& d);
void add_validate(CLI::App& app, Dispatch& d);
void add_sweep(CLI::App& app, Dispatch& d);
void add_graph(CLI::App& app, Dispatch& d);
void add_explain(CLI::App& app, Dispatch& d);
void add_scenarios(CLI::App& app, Dispatch& d);

/// Loads a scenario file, or the built-in default when `path` is empty, with --set overrides.
config::Scenario load(const std::string& path, const std::vector<std::string>& sets);

}  // namespace linksim::cli

namespace linksim::cli {

struct RunReport {
  int code = 0;  ///< 0 ok, 130 interrupted (partial results written)
  experiment::Summary summary;
  nlohmann::json results;
};
/// Runs every arm × replication and writes results.json (+ daily.csv) into `dir`. `extra` keys
/// are added to results.json; when non-empty the run is part of a sweep and prints no table.
RunReport run_and_write(const config::Scenario& scenario, const std::string& dir, unsigned threads,
                        const nlohmann::json& extra, const std::string& trace_path = {});
/// True once SIGINT was received during a run.
bool interrupted();

}  // namespace linksim::cli
