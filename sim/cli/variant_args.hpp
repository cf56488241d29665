// Options shared by `linksim sensitivity` and `linksim robustness`: the scenario, the parameters
// and metrics, replications, seed, threads and the output directory; and writing the results.
#pragma once
#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "linksim/experiment/variant_runner.hpp"

namespace linksim::cli {

struct VariantArgs {
  std::string scenario;
  std::vector<std::string> sets, params, metrics;
  int reps = 2;
  long long seed = -1;
  unsigned threads = 0;
  std::string out;
};

/// Adds scenario, --params, --metrics, --reps, --seed, --threads, --set and --out (default `out`).
void add_variant_options(CLI::App& cmd, VariantArgs& args, const std::string& out);

/// The text and origin of a scenario argument (a file, a library name, or "" for the built-in
/// default). Throws config::InputError for a name found nowhere or an unreadable file.
std::pair<std::string, std::string> scenario_text(const std::string& arg);

/// The runner's setup, parsed once: the scenario text (a file, a library name or the built-in
/// default), --set, --reps and --seed as merge patches, the selected parameters and metrics.
/// Throws config::InputError on a bad scenario, parameter or metric.
experiment::VariantSetup variant_setup(const VariantArgs& args);

/// A progress callback printing "<what> i/n" to stderr about every 10% of the points.
std::function<void(std::size_t, std::size_t)> progress_printer(std::string what);

/// Writes each (file name, content) into `dir` (created if needed); prints one "wrote" line each.
void write_files(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files);

/// The end of a study (sensitivity, robustness): writes its files into `dir`, removes the journal
/// of finished design points (the outputs now hold them) and says how many were resumed from it.
void finish_study(const experiment::VariantRunner& runner, const std::string& dir,
                  const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace linksim::cli
