// Two figures of issue 17 (robust answers), both on scenarios/default.json:
//
// - BM_MorrisScreening20: `linksim sensitivity default --params <20> --trajectories 10` as a
//   library call (default 2 replications, every core): seconds and runs per second. Target:
//   20+ parameters × 10 trajectories in 5 minutes or less on 2 cores.
// - BM_ShardAndMerge/N: the same run whole, then as N shards one after another in this process,
//   each shard's partial serialized and read back, then merged and summarized; the ratio of the
//   two wall times, measured in the same iteration. Target: ratio ≤ 1.05.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "linksim/config/scenario.hpp"
#include "linksim/experiment/partial.hpp"
#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/experiment/screening.hpp"
#include "linksim/experiment/summary.hpp"

namespace {

namespace ex = linksim::experiment;
using RobustClock = std::chrono::steady_clock;

const std::string kRobustDefaultPath = std::string(LINKSIM_SOURCE_DIR) + "/scenarios/default.json";

/// The 20 parameters: the 15 named by the 108-parameter screening of the default scenario in
/// docs/sensitivity.md (its top-three table and its "most often in a top three" list, in order of
/// first mention), then the first 5 other entries of scenarios/presets/ranges.json in file order.
/// Four are world-level (activity.*): points that move them generate a world.
const std::vector<std::string>& morris_twenty() {
  static const std::vector<std::string> names{
      "activity.dormant_probability", "activity.dormant_share", "invite.accept.same_industry", "reply.window_days",
      "activity.active_median", "funnel.lead_rate", "funnel.meeting_rate", "content.profile_view_rate",
      "activity.degree_correlation", "content.fatigue_days", "email.reply.window_days", "costs.usd.finder_lookup",
      "email.finder.find_probability", "invite.report.intercept", "invite.attention", "invite.accept.intercept",
      "invite.accept.mutual", "invite.accept.same_region", "invite.accept.note_template", "invite.accept.note_personalized"};
  return names;
}

std::string robust_read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

double robust_seconds(RobustClock::time_point from, RobustClock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

double robust_median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0.0 : (n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]));
}

void BM_MorrisScreening20(benchmark::State& state) {
  const std::string text = robust_read(kRobustDefaultPath);
  double runs = 0, worlds = 0;
  for (auto _ : state) {
    ex::VariantSetup setup;
    setup.text = text;
    setup.origin = kRobustDefaultPath;
    setup.overrides.push_back({{"replications", 2}});  // the CLI's default --reps
    setup.parameters = ex::select_ranged(morris_twenty());
    ex::VariantRunner runner(std::move(setup));
    ex::ScreeningOptions options;
    options.morris.trajectories = 10;
    options.morris.seed = runner.base().seed;  // as `linksim sensitivity` without --seed
    const ex::ScreeningResult result = ex::run_screening(runner, options);
    runs += static_cast<double>(result.points * result.arms * result.replications);
    worlds += static_cast<double>(runner.worlds_generated());
    benchmark::DoNotOptimize(result.indices);
  }
  state.counters["params"] = static_cast<double>(morris_twenty().size());
  state.counters["runs"] = benchmark::Counter(runs, benchmark::Counter::kAvgIterations);
  state.counters["worlds"] = benchmark::Counter(worlds, benchmark::Counter::kAvgIterations);
  state.counters["runs/s"] = benchmark::Counter(runs, benchmark::Counter::kIsRate);
}

ex::RunOutcome robust_run(const linksim::config::Scenario& scenario, unsigned threads, ex::Shard shard) {
  ex::RunOptions options;
  options.threads = threads;
  options.shard = shard;
  const auto model = ex::make_model(scenario, nullptr, ex::threads_per_replication(scenario, threads), shard);
  return ex::run_experiment(scenario, model, options);
}

void BM_ShardAndMerge(benchmark::State& state) {
  const auto count = static_cast<std::uint32_t>(state.range(0));
  linksim::config::Overrides o;
  // 20,000 members and 8 replications, as BM_DefaultScenario (bench/experiment_bench.cpp).
  o.patches.push_back(nlohmann::json{{"replications", 8}, {"world", {{"members", 20000}}}});
  const auto scenario = linksim::config::load_scenario_file(kRobustDefaultPath, o);
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  const auto summary_options = ex::summary_options(scenario);
  std::vector<double> whole, sharded, ratio;
  for (auto _ : state) {
    const auto t0 = RobustClock::now();
    {
      const ex::RunOutcome outcome = robust_run(scenario, threads, {});
      const ex::Summary s = ex::summarize(outcome.arms, summary_options);
      benchmark::DoNotOptimize(s.arms.data());
    }
    const auto t1 = RobustClock::now();
    {
      std::vector<ex::Partial> partials;
      for (std::uint32_t i = 0; i < count; ++i) {
        const ex::Shard shard{i, count};
        const std::string text = ex::partial_json(scenario, robust_run(scenario, threads, shard), shard).dump();
        partials.push_back(ex::partial_from_json(linksim::config::parse_json(text, "partial"), "partial"));
      }
      const ex::RunOutcome merged = ex::merge_partials(partials);
      const ex::Summary s = ex::summarize(merged.arms, summary_options);
      benchmark::DoNotOptimize(s.arms.data());
    }
    const auto t2 = RobustClock::now();
    whole.push_back(robust_seconds(t0, t1));
    sharded.push_back(robust_seconds(t1, t2));
    ratio.push_back(sharded.back() / whole.back());
  }
  state.counters["whole_s"] = robust_median(whole);
  state.counters["shards+merge_s"] = robust_median(sharded);
  state.counters["ratio"] = robust_median(ratio);
}

}  // namespace

BENCHMARK(BM_MorrisScreening20)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_ShardAndMerge)->Arg(2)->Arg(4)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();
