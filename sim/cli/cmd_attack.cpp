// `linksim attack SCENARIO`: the worst case of each policy arm. Searches the attacker's strategy
// space for the strategy that gets the most spam invitations delivered per account-week, reports
// it beside every fixed abusive archetype, and writes attack.json and attack.csv.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/config/json_input.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/experiment/attack.hpp"
#include "variant_args.hpp"

namespace linksim::cli {

void add_attack(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand(
      "attack", "The worst case of each policy: search an abuser's strategies for the most spam delivered per account-week");
  struct Args {
    std::string scenario, space, out = "out/attack";
    std::vector<std::string> sets, arms;
    experiment::attack::Options options;
    long long seed = -1;
  };
  auto args = std::make_shared<Args>();
  auto& o = args->options;
  cmd->add_option("scenario", args->scenario, "Scenario with a population (file or library name), e.g. limiter_stress")->required();
  cmd->add_option("--attacker", o.attacker, "Archetype whose strategy is searched (an abusive one of scenarios/presets/archetypes.json)")
      ->capture_default_str();
  cmd->add_option("--accounts", o.accounts, "Attacker accounts (default: the attacker's senders in the scenario's population)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  cmd->add_option("--arms", args->arms, "Only these arms (comma-separated; default: every arm)")->delimiter(',');
  cmd->add_option("--candidates", o.candidates, "Strategies tried per arm")->check(CLI::Range(std::size_t{1}, std::size_t{100000}))->capture_default_str();
  cmd->add_option("--reps", o.replications, "Replications per candidate (the same for every candidate)")
      ->check(CLI::Range(1u, 10000u))->capture_default_str();
  cmd->add_option("--validation", o.validation, "Fresh replications for the finalists and the fixed archetypes")
      ->check(CLI::Range(2u, 10000u))->capture_default_str();
  cmd->add_option("--finalists", o.finalists, "Best candidates per arm re-measured on the fresh replications")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100}))->capture_default_str();
  cmd->add_option("--space", args->space, "Strategy space JSON (default: scenarios/presets/attack_space.json, built in)");
  cmd->add_option("--seed", args->seed, "Master seed (default: the scenario's)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", o.threads, "Worker threads (default: all cores; changes no value)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--set", args->sets, "Override a scenario value: PATH=VALUE");
  cmd->add_option("--out", args->out, "Output directory")->capture_default_str();
  cmd->callback([&d, args] {
    d.action = [args] {
      const auto start = std::chrono::steady_clock::now();
      const auto [text, origin] = scenario_text(args->scenario);
      std::vector<nlohmann::json> overrides;
      for (const auto& s : args->sets) overrides.push_back(config::patch_from_assignment(s));
      if (args->seed >= 0) overrides.push_back({{"seed", args->seed}});
      experiment::attack::Space space = experiment::attack::default_space();
      if (!args->space.empty()) {
        std::ifstream in(args->space);
        if (!in) throw config::InputError(args->space, "a readable strategy space file", "a file that cannot be opened");
        std::ostringstream buf;
        buf << in.rdbuf();
        space = experiment::attack::parse_space(config::parse_json(buf.str(), args->space), args->space);
      }
      experiment::attack::Options options = args->options;
      options.arms = args->arms;
      // About every 5% of the planned runs.
      options.progress = [last = std::size_t{0}](std::size_t done, std::size_t planned) mutable {
        if (done == planned || (done - last) * 20 >= planned) {
          std::cerr << fmt::format("runs {}/{}\n", done, planned);
          last = done;
        }
      };
      const experiment::attack::Result result = experiment::attack::run_attack(text, origin, overrides, space, options);
      std::cout << experiment::attack::summary_text(result);
      write_files(args->out, {{"attack.json", experiment::attack::result_json(result).dump(2) + "\n"},
                              {"attack.csv", experiment::attack::candidates_csv(result)}});
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << fmt::format("{} runs in {:.1f} s\n", result.runs, seconds);
      return 0;
    };
  });
}

}  // namespace linksim::cli
