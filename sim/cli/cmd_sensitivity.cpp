// `linksim sensitivity SCENARIO`: Morris screening of the ranged parameters on common random
// numbers, then (--sobol K) Sobol' indices and a tornado for the screening's top K parameters, or
// (--sobol-only) for every --params parameter; writes sensitivity.json, the CSV files and
// sensitivity.html, and prints the top parameters per output.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/screening.hpp"
#include "linksim/experiment/sobol_study.hpp"
#include "linksim/report/sensitivity_report.hpp"
#include "variant_args.hpp"

namespace linksim::cli {

namespace {
struct SensitivityArgs {
  VariantArgs variant;
  std::size_t trajectories = 10, levels = 4;
  std::size_t sobol = 0;            ///< K: 0 = no Sobol' stage after the screening
  std::size_t sobol_samples = 64;   ///< N
  bool sobol_only = false;
};

// Every option combination that cannot run is an input error before anything runs.
void check_sensitivity_args(const CLI::App& cmd, const SensitivityArgs& a, std::size_t parameters) {
  const bool sobol_given = cmd.count("--sobol") > 0;
  if (a.sobol_only) {
    if (sobol_given)
      throw config::InputError("--sobol", "no --sobol K with --sobol-only (it varies every --params parameter)",
                               std::to_string(a.sobol));
    for (const char* morris : {"--trajectories", "--levels"})
      if (cmd.count(morris) > 0)
        throw config::InputError(morris, "no Morris option with --sobol-only (no screening runs)", "the option given");
  } else {
    if (a.levels % 2 != 0) throw config::InputError("--levels", "an even number of levels", std::to_string(a.levels));
    if (sobol_given && a.sobol == 0) throw config::InputError("--sobol", "at least 1 parameter", "0");
    if (a.sobol > parameters)
      throw config::InputError("--sobol", fmt::format("at most {} (the parameters screened)", parameters), std::to_string(a.sobol));
    if (cmd.count("--sobol-samples") > 0 && !sobol_given)
      throw config::InputError("--sobol-samples", "--sobol K or --sobol-only beside it", "no Sobol' stage");
  }
  if (a.sobol_samples < 2)
    throw config::InputError("--sobol-samples", "at least 2 base samples (a power of two such as 64)",
                             std::to_string(a.sobol_samples));
  const std::size_t k = a.sobol_only ? parameters : a.sobol;
  if (2 * k > experiment::sensitivity::kMaxSobolDimension)
    throw config::InputError(a.sobol_only ? "--params" : "--sobol",
                             fmt::format("at most {} parameters for the Sobol' sequence", experiment::sensitivity::kMaxSobolDimension / 2),
                             std::to_string(k));
}

experiment::SobolStudy run_sobol_stage(experiment::VariantRunner& runner, const SensitivityArgs& a,
                                       std::vector<std::size_t> parameters) {
  experiment::SobolStudyOptions options;
  options.parameters = std::move(parameters);
  options.sobol.base_samples = a.sobol_samples;
  options.analysis.seed = runner.base().seed;
  const std::size_t k = options.parameters.size();
  std::cerr << fmt::format("sobol: {} parameters, N = {}: {} design points + {} tornado points x {} arms x {} replications\n", k,
                           a.sobol_samples, a.sobol_samples * (k + 2), 2 * k + 1, runner.arms().size(),
                           runner.base().replications);
  options.progress = progress_printer("sobol point");
  return experiment::run_sobol_study(runner, options);
}
}  // namespace

void add_sensitivity(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand(
      "sensitivity",
      "Morris screening: which plausible-range parameters move each arm's metrics and the arms' differences; "
      "--sobol K adds Sobol' indices and a tornado for the top K");
  auto args = std::make_shared<SensitivityArgs>();
  add_variant_options(*cmd, args->variant, "out/sensitivity");
  cmd->add_option("--trajectories", args->trajectories, "Morris trajectories r (at least 2)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{10000}))->capture_default_str();
  cmd->add_option("--levels", args->levels, "Morris grid levels p (even, at least 2)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1000}))->capture_default_str();
  cmd->add_option("--sobol", args->sobol,
                  "After the screening: Sobol' first- and total-order indices and a tornado for the K parameters the "
                  "screening ranks highest (largest mu* share over the outputs)");
  cmd->add_option("--sobol-samples", args->sobol_samples,
                  "Sobol' base samples N (at least 2; a power of two): N(K + 2) design points")
      ->capture_default_str();
  cmd->add_flag("--sobol-only", args->sobol_only,
                "No screening: Sobol' indices and the tornado for every --params parameter (default: every ranged one)");
  cmd->callback([&d, args, cmd] {
    d.action = [args, cmd] {
      const auto start = std::chrono::steady_clock::now();
      const experiment::VariantSetup setup = variant_setup(args->variant);
      check_sensitivity_args(*cmd, *args, setup.parameters.size());
      experiment::VariantRunner runner(setup);
      for (const auto& note : runner.pinned()) std::cerr << "note: " << note << '\n';

      std::vector<std::pair<std::string, std::string>> files;
      nlohmann::json doc;
      std::size_t runs = 0;
      if (args->sobol_only) {
        std::vector<std::size_t> all(runner.parameters().size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        const experiment::SobolStudy study = run_sobol_stage(runner, *args, std::move(all));
        std::cout << experiment::sobol_table(study);
        doc = experiment::sobol_document(study);
        files = {{"sobol.csv", experiment::sobol_csv(study)}, {"tornado.csv", experiment::tornado_csv(study)}};
        runs += (study.points + study.tornado_points) * study.arms * study.replications;
      } else {
        experiment::ScreeningOptions options;
        options.morris.trajectories = args->trajectories;
        options.morris.levels = args->levels;
        options.morris.seed = runner.base().seed;
        const std::size_t points = args->trajectories * (runner.parameters().size() + 1);
        std::cerr << fmt::format("sensitivity: {} parameters, {} design points x {} arms x {} replications\n",
                                 runner.parameters().size(), points, runner.arms().size(), runner.base().replications);
        options.progress = progress_printer("point");
        const experiment::ScreeningResult result = experiment::run_screening(runner, options);
        std::cout << experiment::screening_table(result);
        doc = experiment::screening_json(result);
        files = {{"sensitivity.csv", experiment::screening_csv(result)}};
        runs += points * runner.arms().size() * result.replications;
        if (args->sobol > 0) {
          const experiment::SobolStudy study = run_sobol_stage(runner, *args, experiment::top_parameters(result, args->sobol));
          std::cout << experiment::sobol_table(study);
          doc["sobol"] = experiment::sobol_json(study, experiment::selection_json(result, args->sobol));
          files.emplace_back("sobol.csv", experiment::sobol_csv(study));
          files.emplace_back("tornado.csv", experiment::tornado_csv(study));
          runs += (study.points + study.tornado_points) * study.arms * study.replications;
        }
      }
      // Under mpirun every process has every result (the terminal output of the others is muted);
      // rank 0 alone writes the files.
      if (experiment::process_group().rank() != 0) return 0;
      files.insert(files.begin(), std::pair<std::string, std::string>("sensitivity.json", doc.dump(2) + "\n"));
      files.emplace_back("sensitivity.html", report::sensitivity_report_html(doc));
      finish_study(runner, args->variant.out, files);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << fmt::format("{} runs in {:.1f} s; {} worlds generated\n", runs, seconds, runner.worlds_generated());
      return 0;
    };
  });
}

}  // namespace linksim::cli
