// Helpers for the integration tests of the whole model: scenarios from JSON through the public
// io API, runs through experiment::run_experiment + make_model, summaries, and a trace sink that
// keeps every record in memory.
#pragma once
#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/experiment/replication.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/experiment/world_cache.hpp"
#include "linksim/experiment/summary.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/platform/rule_factory.hpp"

namespace linksim::testing {

/// Debug + sanitizer builds set LINKSIM_SLOW_TESTS=0: smaller worlds, fewer replications.
inline bool fast_mode() {
  const char* v = std::getenv("LINKSIM_SLOW_TESTS");
  return v != nullptr && std::string(v) == "0";
}

/// A scenario from a JSON document (validated, defaults applied) with optional patches on top.
inline config::Scenario scenario(const nlohmann::json& doc, const std::vector<nlohmann::json>& patches = {}) {
  config::Overrides o;
  o.patches = patches;
  return config::load_scenario_text(doc.dump(), "<integration test>", o);
}

/// Every rule of the platform switched off (the ladder then never moves): the registry's names,
/// so a newly registered rule is off here too.
inline nlohmann::json all_rules_off() {
  nlohmann::json rules = nlohmann::json::object();
  for (const std::string_view r : platform::rule_names()) rules[std::string(r)] = {{"enabled", false}};
  return rules;
}

/// Keeps every trace record, per arm (arms run on several threads).
class MemoryTrace final : public experiment::TraceSink {
 public:
  struct Line {
    std::uint32_t replication;
    experiment::TraceRecord record;
  };
  void write(const std::string& arm, std::uint32_t replication, const experiment::TraceRecord& r) override {
    std::lock_guard lock(mutex_);
    by_arm_[arm].push_back({replication, r});
  }
  const std::vector<Line>& arm(const std::string& name) const {
    static const std::vector<Line> none;
    auto it = by_arm_.find(name);
    return it == by_arm_.end() ? none : it->second;
  }

 private:
  std::map<std::string, std::vector<Line>> by_arm_;
  std::mutex mutex_;
};

struct Outcome {
  experiment::RunOutcome runs;
  experiment::Summary summary;

  const experiment::ArmSummary& arm(const std::string& name) const {
    for (const auto& a : summary.arms)
      if (a.name == name) return a;
    throw std::out_of_range("no arm named " + name);
  }
  const experiment::MetricSummary& metric(const std::string& arm_name, const std::string& metric) const {
    for (const auto& m : arm(arm_name).metrics)
      if (m.name == metric) return m;
    throw std::out_of_range("no metric named " + metric);
  }
  /// Paired differences arm − baseline of one metric over the replications.
  experiment::PairedStats diff(const std::string& arm_name, const std::string& baseline, const std::string& m) const {
    return experiment::paired_stats(metric(arm_name, m).per_replication, metric(baseline, m).per_replication);
  }
  const std::vector<double>& daily(const std::string& arm_name, std::size_t replication, const std::string& series) const {
    for (std::size_t a = 0; a < runs.arms.size(); ++a)
      if (runs.arms[a].name == arm_name) return runs.arms[a].runs.at(replication).daily.at(series);
    throw std::out_of_range("no arm named " + arm_name);
  }
};

/// Replication 0 of arm 0 on its world, split into `shards` event loops run by `threads` workers.
inline metrics::RunResult run_with(const config::Scenario& s, unsigned shards, unsigned threads = 1) {
  experiment::WorldCache cache(s);
  const auto world = cache.acquire(0, 0);
  auto result = experiment::run_replication(experiment::ReplicationInput{s, 0, 0, *world, nullptr, shards, threads});
  cache.release(0, 0);
  return result;
}

/// Runs every arm and replication (two threads: the CI machine has two cores).
inline Outcome run(const config::Scenario& s, experiment::TraceSink* trace = nullptr) {
  Outcome out;
  experiment::RunOptions options;
  options.threads = 2;
  out.runs = experiment::run_experiment(s, experiment::make_model(s, trace), options);
  out.summary = experiment::summarize(out.runs.arms, experiment::summary_options(s));
  return out;
}

/// A library scenario (scenarios/NAME) as it stands, with `replications` replications.
inline Outcome run_library(const std::string& file, int replications) {
  config::Overrides o;
  o.patches = {{{"replications", replications}}};
  return run(config::load_scenario_file(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/" + file, o));
}

}  // namespace linksim::testing
