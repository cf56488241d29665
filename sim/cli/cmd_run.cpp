// `linksim run [SCENARIO]`: arms × replications, then results.json, daily.csv and a summary table.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/checkpoint.hpp"
#include "linksim/experiment/partial.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/report/channel_summary.hpp"
#include "linksim/report/metric_table.hpp"
#include "linksim/report/outreach_notes.hpp"
#include "linksim/report/policy_summary.hpp"
#include "linksim/report/report_page.hpp"
#include "linksim/report/report_html.hpp"
#include "linksim/report/run_document.hpp"
#include "linksim/report/results.hpp"
#include "linksim/report/trace_writer.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::cli {

namespace {
std::atomic<bool> g_stop{false};
extern "C" void on_sigint(int) { g_stop.store(true); }

struct RunArgs {
  std::string scenario;
  int reps = 0;
  long long seed = -1;
  unsigned threads = 0;
  std::string out = "out";
  std::vector<std::string> sets;
  std::string trace;
  std::vector<std::string> trace_senders, trace_events;
  std::string ci;
  std::string shard;
};

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void update(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double eta = done ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0.0;
    const int width = 30;
    const auto filled = static_cast<int>(width * static_cast<double>(done) / static_cast<double>(total));
    std::cerr << fmt::format("\r[{}{}] {}/{} runs, {:.1f}s elapsed, ETA {:.1f}s ", std::string(filled, '#'),
                             std::string(width - filled, '.'), done, total, elapsed, eta)
              << std::flush;
    if (done == total) std::cerr << '\n';
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
};

void print_sender_table(const experiment::Summary& s) {
  for (const auto& line : report::metric_table(s, metrics::Scope::kSender, "metric (per sender)")) std::cout << line << '\n';
  if (!s.intervals)
    std::cout << fmt::format("(means of {} replication{}: no 95% CI below {} replications; run with --reps {} or more{})\n",
                             s.replications, s.replications == 1 ? "" : "s", experiment::kMinReplicationsForInterval,
                             experiment::kMinReplicationsForInterval, s.arms.size() > 1 ? "; * best arm for the metric" : "");
  else if (s.arms.size() > 1)
    std::cout << "(* best arm for the metric; [95% CI] over " << s.replications << " replications)\n";
  for (const auto& line : report::channel_lines(s)) std::cout << line << '\n';
}

/// A scenario with abusive senders leads with the platform; its per-sender table (and the
/// channels) only when the focal senders are all legitimate, so that no abusive sender's success
/// is starred as good.
void print_table(const experiment::Summary& s) {
  if (!report::policy_summary_applies(s)) return print_sender_table(s);
  for (const auto& line : report::policy_lines(s)) std::cout << line << '\n';
  if (!report::sender_table_applies(s)) return;
  std::cout << '\n';
  print_sender_table(s);
}

// Checked before anything runs, so a bad path costs nothing and writes nothing.
void check_output_paths(const std::string& out, const std::string& trace) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec))
    throw config::InputError("--out", "a directory (created when missing)", "\"" + out + "\" (a file)",
                             "for example --out out/run1");
  if (trace.empty()) return;
  if (fs::is_directory(trace, ec))
    throw config::InputError("--trace", "a file to write", "\"" + trace + "\" (a directory)",
                             "for example --trace " + (fs::path(trace) / "trace.jsonl").string());
  const fs::path parent = fs::path(trace).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw config::InputError("--trace", "a file in an existing directory", "\"" + trace + "\" (no directory " + parent.string() + ")",
                             "create it first: mkdir -p " + parent.string());
}
}  // namespace

namespace {
// Runs `shard`'s replications of every arm; the trace (when asked) is saved once the run ends.
// Resumes from DIR's checkpoint of the same configuration and shard; on Ctrl-C or SIGTERM writes
// the finished replications there, and removes it once the shard is complete.
experiment::RunOutcome run_outcome(const config::Scenario& scenario, const std::string& dir, unsigned threads,
                                   const std::string& trace_path, const report::TraceFilter& trace_filter, experiment::Shard shard) {
  const std::string checkpoint = experiment::checkpoint_path(dir, shard);
  experiment::Resumed resumed = experiment::read_checkpoint(checkpoint, scenario, shard);
  // The trace records replication 0: it runs again when a trace is asked for.
  if (!trace_path.empty() && !resumed.done.replications.empty() && resumed.done.replications.front() == 0) {
    for (auto& arm : resumed.done.arms) arm.runs.erase(arm.runs.begin());
    resumed.done.replications.erase(resumed.done.replications.begin());
    --resumed.done.replications_completed;
  }
  if (!resumed.note.empty()) std::cerr << "note: " << resumed.note << '\n';
  ProgressBar bar(isatty(STDERR_FILENO) != 0);
  experiment::RunOptions options;
  options.threads = threads;
  options.shard = shard;
  options.skip = resumed.done.replications;
  options.stop = &g_stop;
  options.progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total); };
  std::signal(SIGINT, on_sigint);
  std::signal(SIGTERM, on_sigint);
  std::vector<std::string> arm_names;
  for (const auto& arm : scenario.arms) arm_names.push_back(arm.name);
  report::TraceFileWriter trace(arm_names, trace_filter);
  const auto model = experiment::make_model(scenario, trace_path.empty() ? nullptr : &trace,
                                            experiment::threads_per_replication(scenario, threads), shard);
  auto outcome = experiment::combine_outcomes(std::move(resumed.done), experiment::run_experiment(scenario, model, options),
                                              shard.size(static_cast<std::uint32_t>(scenario.replications)));
  if (!trace_path.empty()) trace.save(trace_path);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  std::error_code ec;
  if (outcome.complete) {
    std::filesystem::remove(checkpoint, ec);
  } else if (outcome.replications_completed > 0) {
    report::write_file_atomic(checkpoint, experiment::checkpoint_text(scenario, outcome, shard));
    std::cerr << fmt::format("checkpoint: {} of {} replications finished are kept in {}; the same command resumes from them\n",
                             outcome.replications_completed, shard.size(static_cast<std::uint32_t>(scenario.replications)),
                             checkpoint);
  }
  return outcome;
}

// `linksim run` under mpirun: process I of N runs shard I/N, every process sends its partial
// result to the others, and rank 0 merges them and writes what one process would have written
// (the merge of `linksim merge`, so the bytes are the same).
int run_on_ranks(const config::Scenario& scenario, const std::string& dir, unsigned threads, const std::string& trace_path,
                 const report::TraceFilter& trace_filter) {
  experiment::ProcessGroup& group = experiment::process_group();
  const experiment::Shard shard{static_cast<std::uint32_t>(group.rank()), static_cast<std::uint32_t>(group.size())};
  const bool created_out = !std::filesystem::exists(dir);
  group.start_work();
  const auto outcome = run_outcome(scenario, dir, threads, shard.owns(0) ? trace_path : std::string(), trace_filter, shard);
  const std::vector<std::string> texts = group.all_gather(experiment::partial_json(scenario, outcome, shard).dump());
  if (group.rank() != 0) return outcome.complete ? 0 : 130;
  std::vector<experiment::Partial> partials;
  for (std::size_t r = 0; r < texts.size(); ++r) {
    partials.push_back(experiment::partial_from_json(nlohmann::json::parse(texts[r]), fmt::format("rank {}", r)));
    if (!partials.back().outcome.complete) {
      std::cerr << "interrupted: rank " << r << " stopped before its replications finished; nothing written "
                   "(each rank kept what it finished in " << dir << "/checkpoint-I-of-N.json: the same command resumes)\n";
      return 130;
    }
  }
  return write_outputs(scenario, experiment::merge_partials(partials), dir, nlohmann::json(), created_out).code;
}
}  // namespace

RunReport run_and_write(const config::Scenario& scenario, const std::string& dir, unsigned threads,
                        const nlohmann::json& extra, const std::string& trace_path, const report::TraceFilter& trace_filter,
                        experiment::Shard shard) {
  // --out is created when missing, as documented; the run says so (a typo in it is visible).
  const bool created_out = !std::filesystem::exists(dir);
  const auto outcome = run_outcome(scenario, dir, threads, trace_path, trace_filter, shard);
  RunReport report;
  if (outcome.replications_completed == 0 && shard.size(static_cast<std::uint32_t>(scenario.replications)) > 0) {
    std::cerr << "linksim: interrupted before any replication finished; nothing written\n";
    report.code = 130;
    return report;
  }
  if (shard.count > 1) {
    const std::string path = fmt::format("{}/partial-{}-of-{}.json", dir, shard.index, shard.count);
    std::filesystem::create_directories(dir);
    report::write_file_atomic(path, experiment::partial_json(scenario, outcome, shard).dump() + "\n");
    std::cout << fmt::format("wrote {} (shard {}/{}: {} of {} replications{}); combine the {} partials with: linksim merge {}/partial-*-of-{}.json --out {}\n",
                             path, shard.index, shard.count, outcome.replications_completed, scenario.replications,
                             outcome.complete ? "" : ", interrupted", shard.count, dir, shard.count, dir);
    report.code = outcome.complete ? 0 : 130;
    return report;
  }
  return write_outputs(scenario, outcome, dir, extra, created_out);
}

RunReport write_outputs(const config::Scenario& scenario, const experiment::RunOutcome& outcome, const std::string& dir,
                        const nlohmann::json& extra, bool created_out) {
  RunReport report;
  std::filesystem::create_directories(dir);
  report.summary = experiment::summarize(outcome.arms, experiment::summary_options(scenario));
  const report::RunDocument doc = report::run_document(scenario, report.summary, outcome.complete);
  nlohmann::json results = report::to_json(doc);
  for (const auto& [k, v] : extra.items()) results[k] = v;
  report::write_file_atomic(dir + "/results.json", results.dump(2) + "\n");
  if (scenario.outputs.at("csv").get<bool>()) report::write_file_atomic(dir + "/daily.csv", report::daily_csv(outcome));
  if (scenario.outputs.at("report").get<bool>()) report::write_report_html(doc, dir + "/report.html");
  report.results = std::move(results);
  if (extra.empty()) {
    std::cout << scenario.name << " — " << scenario.arms.size() << " arm(s) × " << outcome.replications_completed
              << " replication(s), " << report::horizon_text(scenario) << " days\n";
    print_table(report.summary);
    for (const auto& note : report::outreach_notes(doc))
      std::cerr << "warning: " << note.text << '\n';
    // One line, whatever the number of estimates: the list is in results.json.
    const std::size_t wide = report.summary.warnings.size() - (report.summary.intervals ? 0 : 1);
    if (!report.summary.intervals)
      std::cerr << "note: " << report.summary.warnings.front() << '\n';
    else if (wide > 0)
      std::cerr << "note: " << wide
                << " estimates have a 95% CI wider than ±10% of their mean (listed under \"warnings\" in " << dir
                << "/results.json); more replications (--reps) narrow them\n";
  }
  if (!outcome.complete) {
    std::cerr << "interrupted: wrote " << outcome.replications_completed << " of " << scenario.replications
              << " replications to " << dir << "/results.json (marked incomplete)\n";
    report.code = 130;
    return report;
  }
  if (extra.empty())
    std::cout << "wrote " << dir << "/results.json" << (created_out ? " (created the directory " + dir + ")" : std::string()) << '\n';
  return report;
}

bool interrupted() { return g_stop.load(); }

void add_run(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("run", "Run a scenario (the built-in default when none is given)");
  auto args = std::make_shared<RunArgs>();
  cmd->add_option("scenario", args->scenario,
                  "Scenario file, or a library scenario by name (ramp_up; `linksim scenarios` lists them); default: the built-in default");
  cmd->add_option("--reps", args->reps, "Replications per arm (overrides the scenario)")->check(CLI::Range(1, 100000));
  cmd->add_option("--seed", args->seed, "Master seed (overrides the scenario)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--out", args->out, "Output directory (created when missing)")->capture_default_str();
  cmd->add_option("--set", args->sets, "Override a scenario value: PATH=VALUE (dotted path; VALUE is JSON or a string)");
  cmd->add_option("--ci", args->ci, "Interval method for every metric (overrides statistics.ci)")
      ->check(CLI::IsMember({"t", "bootstrap_t", "bootstrap_percentile"}));
  cmd->add_option("--shard", args->shard,
                  "Run only replications r with r mod N = I and write DIR/partial-I-of-N.json; `linksim merge` combines the N partials "
                  "into exactly what one process writes (docs/scaling.md)");
  cmd->add_option("--trace", args->trace,
                  "Write an event trace (JSON lines, replication 0 of every arm) to FILE; its directory must exist");
  cmd->add_option("--trace-sender", args->trace_senders,
                  "Trace only these senders: indices in the population or cohort names such as adaptive_spammer (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--trace-events", args->trace_events,
                  "Trace only these events, e.g. invite_denied,ladder (comma-separated; docs/trace-format.md)")
      ->delimiter(',');
  cmd->callback([&d, args] {
    d.action = [args] {
      std::vector<std::string> sets = args->sets;
      if (args->reps > 0) sets.push_back(fmt::format("replications={}", args->reps));
      if (args->seed >= 0) sets.push_back(fmt::format("seed={}", args->seed));
      if (!args->ci.empty()) sets.push_back("statistics.ci=" + args->ci);
      const config::Scenario scenario = load(args->scenario, sets);
      check_output_paths(args->out, args->trace);
      const experiment::Shard shard = args->shard.empty() ? experiment::Shard{} : experiment::parse_shard(args->shard);
      if (!args->trace.empty() && !shard.owns(0))
        throw config::InputError("--trace", "--shard 0/N (replication 0, the one traced, is in shard 0)",
                                 "--shard " + args->shard, "trace from shard 0 only");
      report::TraceFilter filter;
      if (!args->trace_senders.empty() || !args->trace_events.empty()) {
        if (args->trace.empty())
          throw config::InputError(args->trace_senders.empty() ? "--trace-events" : "--trace-sender", "--trace FILE as well",
                                   "no --trace");
        const experiment::ArmPlan plan = experiment::build_arm_plan(scenario, 0);
        std::vector<std::string> cohorts;
        for (const auto& c : plan.cohorts) cohorts.push_back(c.name);
        filter = report::parse_trace_filter(args->trace_senders, args->trace_events, cohorts, plan.facts.senders);
      }
      if (experiment::process_group().size() > 1) {
        if (!args->shard.empty())
          throw config::InputError("--shard", "no --shard under mpirun (each MPI process runs one shard of the replications)",
                                   "--shard " + args->shard, "use either mpirun or --shard and linksim merge");
        return run_on_ranks(scenario, args->out, args->threads, args->trace, filter);
      }
      const RunReport report = run_and_write(scenario, args->out, args->threads, nlohmann::json(), args->trace, filter, shard);
      return report.code;
    };
  });
}

}  // namespace linksim::cli
