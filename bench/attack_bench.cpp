// `linksim attack` throughput: the best-response search on limiter_stress (the attacker's 50
// accounts of its 1,000 senders, 12 weeks, the default 100,000-member world) against one policy
// arm. The baseline row runs as many replications of the attacker's own strategy with no search:
// the ratio of the two rates is the search's overhead (a scenario and plans per candidate)
// together with its candidates' own cost (most send more than the archetype's 30 a day).
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/attack.hpp"
#include "linksim/experiment/run_jobs.hpp"

namespace {

using nlohmann::json;

std::string limiter_stress() {
  std::ifstream in(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/limiter_stress.json");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void BM_AttackSearch(benchmark::State& state) {
  linksim::experiment::attack::Options o;
  o.arms = {"linkedin_2025"};
  o.candidates = static_cast<std::size_t>(state.range(0));
  o.replications = static_cast<std::uint32_t>(state.range(1));
  o.validation = 20;
  o.threads = 2;
  const std::string text = limiter_stress();
  double runs = 0, best = 0;
  for (auto _ : state) {
    const auto r = linksim::experiment::attack::run_attack(text, "limiter_stress", {}, linksim::experiment::attack::default_space(), o);
    runs += static_cast<double>(r.runs);
    best = r.arms[0].best.spam_mean();
  }
  state.counters["runs"] = benchmark::Counter(runs / static_cast<double>(state.iterations()));
  state.counters["runs/s"] = benchmark::Counter(runs, benchmark::Counter::kIsRate);
  state.counters["best_spam_per_account_week"] = benchmark::Counter(best);
}

void BM_AttackBaseline(benchmark::State& state) {
  // The same number of runs as the search row (candidates x replications + 7 strategies x 20
  // validation replications), all of the attacker's own strategy on replications 0..24.
  const auto runs_wanted = static_cast<std::size_t>(state.range(0) * state.range(1) + 7 * 20);
  linksim::config::Overrides o;
  o.patches.push_back(json::parse(R"({"arms": [{"name": "linkedin_2025", "patch": {}}], "senders": {},
      "population": {"senders": 50, "mix": {"casual_user": null, "recruiter": null, "growth_hacker": null, "spammer": null,
      "fake_account": null, "fake_ring": null, "adaptive_spammer": 1.0}}})"));
  const linksim::config::Scenario s = linksim::config::load_scenario_text(limiter_stress(), "limiter_stress", o);
  const std::vector<linksim::config::Scenario> scenarios{s};
  const std::vector<std::vector<linksim::experiment::ArmPlan>> plans{linksim::experiment::build_arm_plans(s)};
  std::vector<linksim::experiment::RunJob> jobs;
  for (std::size_t j = 0; j < runs_wanted; ++j) jobs.push_back({0, 0, static_cast<std::uint32_t>(j % 25)});
  const std::vector<std::string> metrics{"spam_invites_delivered"};
  double runs = 0;
  for (auto _ : state) {
    linksim::experiment::WorldStore store;
    benchmark::DoNotOptimize(linksim::experiment::run_jobs(scenarios, plans, jobs, metrics, store, 2));
    runs += static_cast<double>(jobs.size());
  }
  state.counters["runs"] = benchmark::Counter(runs / static_cast<double>(state.iterations()));
  state.counters["runs/s"] = benchmark::Counter(runs, benchmark::Counter::kIsRate);
}

}  // namespace

// 200 candidates x 5 replications on one arm: issue 16's target is <= 10 minutes.
BENCHMARK(BM_AttackBaseline)->ArgNames({"candidates", "reps"})->Args({200, 5})->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_AttackSearch)->ArgNames({"candidates", "reps"})->Args({200, 5})->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
