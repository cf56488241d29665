// Subcommand registration for the linksim CLI; each add_* defines options and the action.
#pragma once
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "linksim/experiment/runner.hpp"
#include "linksim/experiment/summary.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/report/trace_writer.hpp"

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
void add_sensitivity(CLI::App& app, Dispatch& d);
void add_robustness(CLI::App& app, Dispatch& d);
void add_attack(CLI::App& app, Dispatch& d);
void add_merge(CLI::App& app, Dispatch& d);
void add_rules(CLI::App& app, Dispatch& d);

/// The directories `linksim scenarios` lists: ./scenarios, then the source tree's.
std::vector<std::filesystem::path> library_dirs();
/// A scenario argument as a path: an existing file as given; a bare name (ramp_up, ramp_up.json)
/// from the library; "" stays "" (the built-in default). Throws config::InputError for a
/// directory or a name found nowhere (with the nearest library name as a hint).
std::string resolve_scenario(const std::string& arg);

/// `explain --diff`: for arm 0, the values the scenario sets that differ from the defaults and
/// presets; for any other arm, the values that differ from arm 0's.
void explain_diff(const config::Scenario& s, const std::vector<std::size_t>& arms, std::ostream& out);

/// Loads a scenario file (or library name, see resolve_scenario), or the built-in default when
/// `path` is empty, with --set overrides.
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
/// With a shard of several, writes only DIR/partial-I-of-N.json (results stay empty).
RunReport run_and_write(const config::Scenario& scenario, const std::string& dir, unsigned threads,
                        const nlohmann::json& extra, const std::string& trace_path = {},
                        const report::TraceFilter& trace_filter = {}, experiment::Shard shard = {});
/// What a run writes from its outcome: results.json, daily.csv, report.html, and the summary
/// table when `extra` is empty (`linksim run` and `linksim merge`).
RunReport write_outputs(const config::Scenario& scenario, const experiment::RunOutcome& outcome, const std::string& dir,
                        const nlohmann::json& extra, bool created_out);
/// True once SIGINT was received during a run.
bool interrupted();

}  // namespace linksim::cli
