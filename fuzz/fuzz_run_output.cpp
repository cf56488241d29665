// Trace and summary writing on tiny scenarios: `--set` assignments (one a line, at most 6) over a
// scenario of a few hundred members, one or two senders and a week; then the run, its summary,
// results.json, daily.csv and the trace file, written as `linksim run --trace` writes them.
// Inputs that make the scenario big (members, senders, days, replications, arms) are skipped so
// that an execution stays in milliseconds.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_common.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/experiment/summary.hpp"
#include "linksim/report/results.hpp"
#include "linksim/report/trace_writer.hpp"

namespace {

constexpr const char* kTiny = R"({
  "name": "tiny", "description": "fuzzing base", "horizon_days": 5, "replications": 2, "seed": 7,
  "world": { "members": 400 },
  "senders": { "focal": { "count": 1, "plan": "free",
                          "network": { "connections": { "median": 40, "max": 200 },
                                       "followers": { "median": 10, "max": 100 } } } },
  "outputs": { "report": false }
})";

/// Numbers under these keys bound the work of a run.
bool too_big(const nlohmann::json& node, const std::string& key) {
  if (node.is_object()) {
    for (const auto& [k, v] : node.items())
      if (too_big(v, k)) return true;
    return false;
  }
  if (node.is_array()) {
    for (const auto& v : node)
      if (too_big(v, key)) return true;
    return false;
  }
  if (!node.is_number()) return false;
  const double v = node.get<double>();
  if (key == "members") return v > 2000;
  if (key == "count" || key == "senders") return v > 3;
  if (key == "median" || key == "max" || key == "min") return v > 1000;
  if (key == "horizon_days") return v > 14;
  return false;
}

const std::string& out_dir() {
  static const std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("linksim-fuzz-run-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linksim;
  const auto lines = fuzz::lines_of(fuzz::text_of(data, size), 6);
  fuzz::expect_handled([&] {
    config::Overrides overrides;
    for (const auto& line : lines) overrides.patches.push_back(config::patch_from_assignment(line));
    const auto s = config::load_scenario_text(kTiny, "tiny.json", overrides);
    experiment::check_scenario(s);
    if (s.arms.size() > 2 || s.replications > 3 || s.horizon_days > 14) return;
    for (const auto& arm : s.arms)
      if (too_big(arm.config, "")) return;
    std::vector<std::string> arm_names;
    for (const auto& arm : s.arms) arm_names.push_back(arm.name);
    report::TraceFileWriter trace(arm_names);
    experiment::RunOptions options;
    options.threads = 1;
    const auto outcome = experiment::run_experiment(s, experiment::make_model(s, &trace, 1), options);
    const auto summary = experiment::summarize(outcome.arms, experiment::summary_options(s));
    const auto results = report::results_json(s, summary, outcome.complete);
    report::write_file_atomic(out_dir() + "/results.json", results.dump(2) + "\n");
    report::write_file_atomic(out_dir() + "/daily.csv", report::daily_csv(outcome));
    trace.save(out_dir() + "/trace.jsonl");
  });
  return 0;
}
