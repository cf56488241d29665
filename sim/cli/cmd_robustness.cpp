// `linksim robustness SCENARIO`: over Sobol' samples of the plausible ranges, how often each arm
// beats the first arm, with a Wilson interval and the parameters that decide it; writes
// robustness.json and robustness.csv and prints one line per comparison.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/robustness.hpp"
#include "variant_args.hpp"

namespace linksim::cli {

void add_robustness(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand(
      "robustness", "In how many plausible worlds does each arm beat the first arm, and which parameters decide it");
  struct Args {
    VariantArgs variant;
    std::size_t samples = 64;
  };
  auto args = std::make_shared<Args>();
  add_variant_options(*cmd, args->variant, "out/robustness");
  cmd->add_option("--samples", args->samples, "Sobol' samples of the plausible ranges (powers of two are balanced)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1000000}))->capture_default_str();
  cmd->callback([&d, args] {
    d.action = [args] {
      const auto start = std::chrono::steady_clock::now();
      experiment::VariantRunner runner(variant_setup(args->variant));
      for (const auto& note : runner.pinned()) std::cerr << "note: " << note << '\n';
      if (runner.arms().size() < 2)
        throw config::InputError("/arms", "at least two arms to compare", fmt::format("{} arm", runner.arms().size()));
      std::cerr << fmt::format("robustness: {} parameters, {} samples x {} arms x {} replications\n", runner.parameters().size(),
                               args->samples, runner.arms().size(), runner.base().replications);
      experiment::RobustnessOptions options;
      options.samples = args->samples;
      options.progress = progress_printer("sample");
      const experiment::RobustnessResult result = experiment::run_robustness(runner, options);
      // Under mpirun every process has every result; rank 0 alone writes them.
      if (experiment::process_group().rank() != 0) return 0;
      for (const auto& v : result.verdicts) std::cout << experiment::verdict_line(result, v) << '\n';
      finish_study(runner, args->variant.out, {{"robustness.json", experiment::robustness_json(result).dump(2) + "\n"},
                                               {"robustness.csv", experiment::robustness_csv(result)}});
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << fmt::format("{} runs in {:.1f} s; {} worlds generated\n",
                               args->samples * runner.arms().size() * result.replications, seconds, runner.worlds_generated());
      return 0;
    };
  });
}

}  // namespace linksim::cli
