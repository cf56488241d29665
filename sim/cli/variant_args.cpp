// The options and output files of the commands that run a scenario at many parameter values.
#include "variant_args.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/experiment/ranges.hpp"

namespace linksim::cli {

void add_variant_options(CLI::App& cmd, VariantArgs& args, const std::string& out) {
  args.out = out;
  cmd.add_option("scenario", args.scenario, "Scenario file or library name (default: the built-in default)");
  cmd.add_option("--params", args.params,
                 "Only these ranged parameters (comma-separated; pointer, short name such as invite.accept.intercept, or dotted path); default: every parameter of scenarios/presets/ranges.json")
      ->delimiter(',');
  cmd.add_option("--metrics", args.metrics, "Metrics of the registry, sender or policy (comma-separated; default: the headline policy metrics for a scenario whose population has abusive senders, else the headline sender metrics)")->delimiter(',');
  cmd.add_option("--reps", args.reps, "Replications per arm and design point")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd.add_option("--seed", args.seed, "Master seed: the scenario's seed at every point, and the design's (default: the scenario's)")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--threads", args.threads, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  cmd.add_option("--set", args.sets, "Override a scenario value: PATH=VALUE");
  cmd.add_option("--out", args.out, "Output directory")->capture_default_str();
}

std::pair<std::string, std::string> scenario_text(const std::string& arg) {
  const std::string path = resolve_scenario(arg);
  if (path.empty()) return {config::default_scenario_text(), "<built-in default>"};
  std::ifstream in(path);
  if (!in) throw config::InputError(path, "a readable scenario file", "a file that cannot be opened");
  std::ostringstream buf;
  buf << in.rdbuf();
  return {buf.str(), path};
}

experiment::VariantSetup variant_setup(const VariantArgs& args) {
  experiment::VariantSetup setup;
  std::tie(setup.text, setup.origin) = scenario_text(args.scenario);
  for (const auto& s : args.sets) setup.overrides.push_back(config::patch_from_assignment(s));
  setup.overrides.push_back({{"replications", args.reps}});
  if (args.seed >= 0) setup.overrides.push_back({{"seed", args.seed}});
  setup.parameters = experiment::select_ranged(args.params);
  // Empty: the runner picks the headline metrics for the scenario (policy ones when it has abusive senders).
  if (!args.metrics.empty()) setup.metrics = experiment::select_metrics(args.metrics);
  setup.threads = args.threads;
  setup.checkpoint_dir = args.out;
  return setup;
}

std::function<void(std::size_t, std::size_t)> progress_printer(std::string what) {
  return [what = std::move(what)](std::size_t done, std::size_t total) {
    const std::size_t step = std::max<std::size_t>(1, total / 10);
    if (done % step == 0 || done == total) std::cerr << fmt::format("{} {}/{}\n", what, done, total);
  };
}

void write_files(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  std::filesystem::create_directories(dir);
  for (const auto& [name, content] : files) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", path));
    std::cout << "wrote " << path << '\n';
  }
}

void finish_study(const experiment::VariantRunner& runner, const std::string& dir,
                  const std::vector<std::pair<std::string, std::string>>& files) {
  write_files(dir, files);
  runner.discard_checkpoint();
  if (runner.rows_resumed() > 0)
    std::cerr << fmt::format("resumed {} design points from the checkpoint of an interrupted run\n", runner.rows_resumed());
}

}  // namespace linksim::cli
