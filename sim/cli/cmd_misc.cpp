// `linksim explain`, `linksim scenarios`, and the subcommands later issues complete.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/experiment/ranges.hpp"
#include "linksim/graph/graph_command.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/platform/explain.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::cli {

namespace {

// The schema's $comment for a value: its own, else the nearest enclosing block's (a block such as
// world.attributes.seniority documents its shares together).
std::string schema_source(const std::string& path) {
  for (std::string p = path; !p.empty(); p.resize(p.rfind('/'))) {
    const auto* node = config::JsonSchema::scenario().node_for(p);
    if (node != nullptr && node->contains("$comment")) return (*node)["$comment"].get<std::string>();
  }
  return {};
}

void explain_node(const nlohmann::json& value, const std::string& path, std::ostream& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [k, v] : value.items()) explain_node(v, path + "/" + k, out);
    return;
  }
  const auto* node = config::JsonSchema::scenario().node_for(path);
  std::string note;
  if (node != nullptr) {
    if (node->contains("default") && (*node)["default"] == value) note = "default";
    else note = "set by scenario";
    if (const auto* range = experiment::find_range(path)) note += "; " + experiment::range_text(*range);
    if (const std::string source = schema_source(path); !source.empty()) note += "; " + source;
  }
  std::string dotted = path.substr(1);
  for (auto& c : dotted) if (c == '/') c = '.';
  out << fmt::format("  {:<48} = {:<14} [{}]\n", dotted, value.dump(), note);
}

// Strategy values come from the base preset, the named preset, or the scenario itself.
void explain_strategy(const nlohmann::json& own, const std::string& prefix, std::ostream& out) {
  const nlohmann::json effective = strategy::effective_strategy_json(own);
  const std::string preset = effective.at("preset").get<std::string>();
  const auto& doc = strategy::presets_document();
  const auto& from_preset = doc.at("presets").at(preset).at("strategy");
  out << "  (base preset: " << doc.at("base").at("source").get<std::string>() << ")\n";
  out << fmt::format("  {:<48} = {:<14} [{}]\n", prefix + ".preset", "\"" + preset + "\"",
                     doc.at("presets").at(preset).at("source").get<std::string>());
  for (const auto& [group, values] : effective.items()) {
    if (!values.is_object()) continue;
    for (const auto& [key, value] : values.items()) {
      std::string note = "base preset";
      if (own.contains(group) && own[group].contains(key)) note = "set by scenario";
      else if (from_preset.contains(group) && from_preset[group].contains(key)) note = "preset " + preset;
      out << fmt::format("  {:<48} = {:<14} [{}]\n", prefix + "." + group + "." + key, value.dump(), note);
    }
  }
}

}  // namespace

namespace {
// The arms --arm selects: by name (or index); all of them when none is given.
std::vector<std::size_t> selected_arms(const config::Scenario& s, const std::string& arm) {
  std::vector<std::size_t> out;
  std::vector<std::string> names;
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    names.push_back(s.arms[a].name);
    if (arm.empty() || s.arms[a].name == arm || std::to_string(a) == arm) out.push_back(a);
  }
  if (!out.empty()) return out;
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  const std::string near = config::nearest(arm, names);
  throw config::InputError("--arm", "the name (or index) of an arm: " + list, "\"" + arm + "\"",
                           near.empty() ? "for example --arm " + names.front() : "did you mean \"" + near + "\"?");
}
}  // namespace

void add_explain(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("explain", "Print the effective parameters of every arm, each with its source");
  struct Args {
    std::string path, arm;
    std::vector<std::string> sets;
    bool diff = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("scenario", args->path, "Scenario file or library name (default: the built-in default)");
  cmd->add_option("--set", args->sets, "Override a scenario value: PATH=VALUE");
  cmd->add_option("--arm", args->arm, "Only this arm (its name, or its index)");
  cmd->add_flag("--diff", args->diff,
                "Only what differs: for the baseline arm from the defaults and presets, for every other arm from the baseline");
  cmd->callback([&d, args] {
    d.action = [args] {
      const config::Scenario s = load(args->path, args->sets);
      const std::vector<std::size_t> arms = selected_arms(s, args->arm);
      std::cout << s.name << " (" << s.origin << ")\n" << s.description << "\n\n";
      std::cout << fmt::format("horizon {} days, {} replications, seed {}\n", s.horizon_days, s.replications, s.seed);
      if (args->diff) {
        explain_diff(s, arms, std::cout);
        return 0;
      }
      for (const std::size_t a : arms) {
        std::cout << "\narm " << a << ": " << s.arms[a].name << (a == 0 ? " (baseline)" : "") << '\n';
        explain_node(s.arms[a].config.at("world"), "/world", std::cout);
        platform::explain_platform(platform::platform_params_from_json(s.arms[a].config.at("platform"), s.locate(a, "/platform")), std::cout);
        for (const auto& [name, cohort] : s.arms[a].config.at("senders").items()) {
          nlohmann::json plain = cohort;
          plain.erase("strategy");
          explain_node(plain, "/senders/" + name, std::cout);
          explain_strategy(cohort.at("strategy"), "senders." + name + ".strategy", std::cout);
        }
      }
      return 0;
    };
  });
}

void add_scenarios(CLI::App& app, Dispatch& d) {
  app.add_subcommand("scenarios", "List the scenario library with the question each answers")->callback([&d] {
    d.action = [] {
      for (const auto& dir : library_dirs()) {
        if (!std::filesystem::is_directory(dir)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(dir))
          if (e.path().extension() == ".json" && e.path().filename() != "schema.json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
          try {
            const config::Scenario s = config::load_scenario_file(f.string());
            std::cout << fmt::format("{:<40} {}\n    {}\n", f.string(), s.name, s.description);
          } catch (const config::InputError& e) {
            std::cout << fmt::format("{:<40} (invalid: {})\n", f.string(), e.issues().front().to_string());
          }
        }
        if (!files.empty())
          std::cout << "\nA library scenario runs by name from any directory: linksim run " << files.front().stem().string() << '\n';
        return 0;
      }
      std::cerr << "linksim: no scenarios/ directory found\n";
      return 1;
    };
  });
}

void add_graph(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("graph", "Generate a scenario's network: statistics (--stats [--json]) and CSV export (--export DIR)");
  struct Args {
    std::string scenario, export_dir;
    std::vector<std::string> sets;
    bool stats = false, json = false;
    std::size_t arm = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("scenario", args->scenario, "Scenario file (default: the built-in default)");
  cmd->add_flag("--stats", args->stats, "Print graph statistics");
  cmd->add_flag("--json", args->json, "Print the statistics as one JSON object");
  cmd->add_option("--export", args->export_dir, "Write edges.csv and members.csv into this directory");
  cmd->add_option("--arm", args->arm, "Use this arm's world (index, default 0)");
  cmd->add_option("--set", args->sets, "Override a scenario value: PATH=VALUE");
  cmd->callback([&d, args] {
    d.action = [args] {
      const config::Scenario s = load(args->scenario, args->sets);
      if (args->arm >= s.arms.size())
        throw config::InputError("--arm", fmt::format("an arm index below {}", s.arms.size()), std::to_string(args->arm));
      const bool stats = args->stats || args->json || args->export_dir.empty();
      return graph::graph_command(s.arms[args->arm].config.at("world"), s.locate(args->arm, "/world"), s.seed, stats,
                                  args->json, args->export_dir, std::cout);
    };
  });
}

}  // namespace linksim::cli
