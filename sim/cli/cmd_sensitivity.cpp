// `linksim sensitivity SCENARIO`: Morris screening of the ranged parameters on common random
// numbers; writes sensitivity.json and sensitivity.csv and prints the top parameters per output.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/screening.hpp"
#include "variant_args.hpp"

namespace linksim::cli {

void add_sensitivity(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand(
      "sensitivity", "Morris screening: which plausible-range parameters move each arm's metrics and the arms' differences");
  struct Args {
    VariantArgs variant;
    std::size_t trajectories = 10, levels = 4;
  };
  auto args = std::make_shared<Args>();
  add_variant_options(*cmd, args->variant, "out/sensitivity");
  cmd->add_option("--trajectories", args->trajectories, "Morris trajectories r (at least 2)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{10000}))->capture_default_str();
  cmd->add_option("--levels", args->levels, "Morris grid levels p (even, at least 2)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1000}))->capture_default_str();
  cmd->callback([&d, args] {
    d.action = [args] {
      if (args->levels % 2 != 0)
        throw config::InputError("--levels", "an even number of levels", std::to_string(args->levels));
      const auto start = std::chrono::steady_clock::now();
      experiment::VariantRunner runner(variant_setup(args->variant));
      for (const auto& note : runner.pinned()) std::cerr << "note: " << note << '\n';
      experiment::ScreeningOptions options;
      options.morris.trajectories = args->trajectories;
      options.morris.levels = args->levels;
      options.morris.seed = runner.base().seed;
      const std::size_t points = args->trajectories * (runner.parameters().size() + 1);
      std::cerr << fmt::format("sensitivity: {} parameters, {} design points x {} arms x {} replications\n",
                               runner.parameters().size(), points, runner.arms().size(), runner.base().replications);
      options.progress = progress_printer("point");
      const experiment::ScreeningResult result = experiment::run_screening(runner, options);
      // Under mpirun every process has every result; rank 0 alone writes them.
      if (experiment::process_group().rank() != 0) return 0;
      std::cout << experiment::screening_table(result);
      write_files(args->variant.out, {{"sensitivity.json", experiment::screening_json(result).dump(2) + "\n"},
                                      {"sensitivity.csv", experiment::screening_csv(result)}});
      runner.discard_checkpoint();
      if (runner.rows_resumed() > 0)
        std::cerr << fmt::format("resumed {} design points from the checkpoint of an interrupted run\n", runner.rows_resumed());
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << fmt::format("{} runs in {:.1f} s; {} worlds generated\n", points * runner.arms().size() * result.replications,
                               seconds, runner.worlds_generated());
      return 0;
    };
  });
}

}  // namespace linksim::cli
