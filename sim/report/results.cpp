// results.json and daily.csv.
#include "linksim/report/results.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "linksim/config/config_hash.hpp"
#include "linksim/core/version.hpp"
#include "linksim/metrics/registry.hpp"
#include "linksim/report/outreach_notes.hpp"

namespace linksim::report {

using nlohmann::json;

namespace {
json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json numbers(const std::vector<double>& v) {
  json a = json::array();
  for (double x : v) a.push_back(number(x));
  return a;
}
// [lo, hi], or null when there are too few replications for an interval (docs/results-format.md).
json interval(const experiment::Interval& ci, bool reported) {
  return reported ? json{number(ci.lo), number(ci.hi)} : json(nullptr);
}
/// A metric's estimate over replications: {mean, sd, ci95, ci_method, per_replication}.
json estimate(const experiment::MetricSummary& m, bool intervals) {
  return {{"mean", number(m.stats.mean)}, {"sd", number(m.stats.sd)}, {"ci95", interval(m.stats.ci, intervals)},
          {"ci_method", experiment::ci_method_name(m.method)}, {"per_replication", numbers(m.per_replication)}};
}
/// An arm's `breakdown`: each cohort (with its label, and whether it counts in the sender
/// metrics) and each rule, its metrics as estimates. A
/// metric undefined in some replications (a rule's precision) is estimated over the others, with
/// no interval when fewer than kMinReplicationsForInterval remain.
json breakdown(const experiment::BreakdownSummary& b, bool intervals) {
  auto groups = [intervals](const std::vector<experiment::GroupSummary>& list, bool labelled) {
    json out = json::object();
    for (const auto& g : list) {
      json entry = json::object();
      if (labelled) {
        entry["label"] = g.label;
        entry["focal"] = g.focal;
      }
      for (const auto& m : g.metrics)
        entry[m.name] = estimate(m, intervals && m.stats.n >= experiment::kMinReplicationsForInterval);
      out[g.name] = std::move(entry);
    }
    return out;
  };
  return {{"cohorts", groups(b.cohorts, true)}, {"rules", groups(b.rules, false)}};
}
}  // namespace

int arm_horizon(const config::Scenario& scenario, const std::string& arm) {
  for (const auto& a : scenario.arms)
    if (a.name == arm) return a.config.at("horizon_days").get<int>();
  return scenario.horizon_days;
}

std::string horizon_text(const config::Scenario& scenario) {
  int lo = scenario.horizon_days, hi = scenario.horizon_days;
  for (const auto& a : scenario.arms) {
    lo = std::min(lo, a.config.at("horizon_days").get<int>());
    hi = std::max(hi, a.config.at("horizon_days").get<int>());
  }
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi) + " (per arm)";
}

json results_json(const config::Scenario& scenario, const experiment::Summary& summary, bool complete) {
  json out;
  out["linksim_version"] = std::string(core::version());
  // What the results were computed for: `linksim sweep` reuses a point only when this matches.
  out["config_hash"] = config::config_hash(scenario);
  out["scenario"] = {{"name", scenario.name}, {"description", scenario.description}, {"seed", scenario.seed},
                     {"replications", scenario.replications}, {"horizon_days", scenario.horizon_days},
                     {"source", scenario.origin}};
  // What produced the numbers beyond the file: every --set, and the size of the world (the
  // baseline arm's; an arm's patch may change it, as it may the horizon).
  out["scenario"]["overrides"] = scenario.overrides;
  out["scenario"]["members"] = scenario.arms.front().config.at("world").at("members");
  out["statistics"] = scenario.statistics;
  out["complete"] = complete;
  out["replications_completed"] = summary.replications;
  out["metric_names"] = summary.metric_names;
  json arms = json::array();
  for (const auto& arm : summary.arms) {
    json metrics = json::object();
    for (const auto& m : arm.metrics) metrics[m.name] = estimate(m, summary.intervals);
    json daily = json::object();
    for (const auto& d : arm.daily) daily[d.name] = {{"mean", numbers(d.mean)},
                     {"ci95_lo", summary.intervals ? numbers(d.lo) : json(nullptr)},
                     {"ci95_hi", summary.intervals ? numbers(d.hi) : json(nullptr)}};
    // An arm's patch may change the horizon: each arm says its own.
    json entry = {{"name", arm.name}, {"description", arm.description}, {"horizon_days", arm_horizon(scenario, arm.name)}};
    entry["metrics"] = metrics;
    entry["daily"] = daily;
    // Only for arms with abusive senders: other scenarios' results.json are as they were.
    if (!arm.breakdown.empty()) entry["breakdown"] = breakdown(arm.breakdown, summary.intervals);
    arms.push_back(std::move(entry));
  }
  out["arms"] = arms;
  json comparisons = json::array();
  for (const auto& c : summary.comparisons) {
    json metrics = json::object();
    for (std::size_t i = 0; i < c.metrics.size(); ++i) {
      const auto& [name, e] = c.metrics[i];
      metrics[name] = {{"mean_diff", number(e.mean_diff)}, {"sd", number(e.sd)}, {"ci95", interval(e.ci, summary.intervals)},
                       {"ci_method", experiment::ci_method_name(i < c.methods.size() ? c.methods[i] : experiment::CiMethod::kStudentT)}};
    }
    comparisons.push_back({{"arm", c.arm}, {"baseline", c.baseline}, {"metrics", metrics}});
  }
  out["comparisons"] = comparisons;
  out["warnings"] = summary.warnings;
  // Outreach that fell short of plan (a dry prospect pool, the platform's refusals).
  out["outreach_notes"] = outreach_notes_json(outreach_notes(out));
  return out;
}

std::string daily_csv(const experiment::RunOutcome& outcome) {
  std::string csv = "arm,replication,day,metric,value\n";
  auto quote = [](const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  // Series in name order (the run's map), as daily.csv has always had them; the registry must know
  // each one, so a series the recorder adds cannot reach the file undocumented.
  for (const auto& arm : outcome.arms)
    for (std::size_t r = 0; r < arm.runs.size(); ++r)
      for (const auto& [metric, values] : arm.runs[r].daily) {
        if (!metrics::find_daily(metric))
          throw std::logic_error("daily series \"" + metric + "\" is not in metrics/registry.hpp's kDailySeries");
        for (std::size_t d = 0; d < values.size(); ++d)
          csv += fmt::format("{},{},{},{},{}\n", quote(arm.name), r, d + 1, metric, values[d]);
      }
  return csv;
}

void write_file_atomic(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create directory " + target.parent_path().string() + ": " + ec.message());
  // The pid keeps two writers of the same file from sharing a temporary file.
  const fs::path tmp = target.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    f.close();
    if (!f) {
      fs::remove(tmp, ec);
      throw std::runtime_error("cannot write " + tmp.string() + " (disk full?)");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw std::runtime_error("cannot rename " + tmp.string() + " to " + path + ": " + ec.message());
  }
}

}  // namespace linksim::report
