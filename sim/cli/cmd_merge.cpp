// `linksim merge PARTIAL... [--out DIR]`: the partial results of `linksim run --shard I/N`,
// combined into the results.json, daily.csv and report.html one process would have written.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "linksim/config/json_input.hpp"
#include "linksim/experiment/partial.hpp"

namespace linksim::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> partials;
  std::string out = "out";
};

experiment::Partial read_partial(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw config::InputError(path, "a partial file (partial-I-of-N.json)", "a directory",
                             "for example linksim merge " + (fs::path(path) / "partial-*-of-4.json").string());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw config::InputError(path, "a readable partial file", "no such file (or unreadable)");
  std::ostringstream text;
  text << in.rdbuf();
  return experiment::partial_from_json(config::parse_json(text.str(), path), path);
}

}  // namespace

void add_merge(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("merge", "Combine the partial results of `linksim run --shard I/N` into one run's outputs");
  auto args = std::make_shared<MergeArgs>();
  cmd->add_option("partials", args->partials, "The partial files, one per shard (partial-I-of-N.json), in any order")->required();
  cmd->add_option("--out", args->out, "Output directory (created when missing)")->capture_default_str();
  cmd->callback([&d, args] {
    d.action = [args] {
      namespace fs = std::filesystem;
      std::error_code ec;
      if (fs::exists(args->out, ec) && !fs::is_directory(args->out, ec))
        throw config::InputError("--out", "a directory (created when missing)", "\"" + args->out + "\" (a file)",
                                 "for example --out out/merged");
      std::vector<experiment::Partial> partials;
      for (const auto& path : args->partials) partials.push_back(read_partial(path));
      const experiment::RunOutcome outcome = experiment::merge_partials(partials);
      const bool created_out = !fs::exists(args->out, ec);
      return write_outputs(partials.front().scenario, outcome, args->out, nlohmann::json(), created_out).code;
    };
  });
}

}  // namespace linksim::cli
