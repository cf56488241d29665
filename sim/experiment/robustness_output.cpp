// Writers of a robustness analysis: the one-line verdicts, robustness.json and robustness.csv.
#include <cmath>

#include <fmt/format.h>

#include "linksim/experiment/robustness.hpp"

namespace linksim::experiment {

namespace {
long percent(double share) { return std::lround(100.0 * share); }
}  // namespace

std::string verdict_line(const RobustnessResult& r, const Verdict& v) {
  if (v.ties == v.samples)
    return fmt::format("{} vs {} \u2014 {}: equal in all {} plausible worlds", v.arm, v.baseline, v.metric, v.samples);
  const char* direction = v.better == metrics::Better::kLower ? "lower" : "higher";
  std::string line = fmt::format("{} vs {} \u2014 {}: {} {} in {}% [{}, {}] of {} plausible worlds", v.arm, v.baseline,
                                 v.metric, v.arm, direction, percent(v.share), percent(v.interval.lo),
                                 percent(v.interval.hi), v.samples);
  if (v.better == metrics::Better::kNeutral) line += " (neutral metric)";
  std::string names;
  for (const auto& d : v.drivers) {
    if (!d.significant) continue;
    names += fmt::format("{}{} (rho {:+.2f})", names.empty() ? "" : ", ", r.parameters[d.parameter].name, d.rho);
    if (d.aliases.empty()) continue;
    std::string aliases;
    for (const auto& a : d.aliases)
      aliases += fmt::format("{}{} (rho {:+.2f})", aliases.empty() ? "" : ", ", r.parameters[a.parameter].name, a.rho);
    names += fmt::format(" [or its alias{} in these samples, {}]", d.aliases.size() == 1 ? "" : "es", aliases);
  }
  const bool flips = v.wins != 0 && v.wins + v.ties != v.samples;
  if (names.empty() && r.driver_threshold >= 1.0)
    return fmt::format("{}; {}too few samples to tell a deciding parameter from chance", line, flips ? "" : "never flips; ");
  if (names.empty())
    return fmt::format("{}; {}no parameter stands out from chance (|rho| <= {:.2f} at {} samples)", line,
                       flips ? "" : "never flips; ", r.driver_threshold, v.samples);
  return fmt::format("{}; {}{}", line, flips ? "decided mostly by " : "never flips; the gap depends mostly on ", names);
}

nlohmann::json robustness_json(const RobustnessResult& r) {
  nlohmann::json doc = {{"method", "robustness"},
                        {"scenario", {{"name", r.scenario_name}, {"origin", r.origin}}},
                        {"design",
                         {{"sampler", "sobol"},
                          {"samples", r.values.rows},
                          {"skip", r.skip},
                          {"driver_threshold", r.driver_threshold},
                          {"arms", r.arms.size()},
                          {"replications", r.replications},
                          {"runs", r.values.rows * r.arms.size() * r.replications},
                          {"scenario_seed", r.seed},
                          {"common_random_numbers", "every arm at every sample runs replications 0..n-1 of the scenario seed"}}},
                        {"parameters", nlohmann::json::array()},
                        {"comparisons", nlohmann::json::array()},
                        {"samples", nlohmann::json::array()}};
  for (const auto& p : r.parameters)
    doc["parameters"].push_back(ranged_parameter_json(p));
  for (const auto& v : r.verdicts) {
    nlohmann::json drivers = nlohmann::json::array();
    for (const auto& d : v.drivers) {
      nlohmann::json aliases = nlohmann::json::array();
      for (const auto& a : d.aliases)
        aliases.push_back({{"parameter", r.parameters[a.parameter].name}, {"spearman", a.rho}, {"design_spearman", a.design_rho}});
      drivers.push_back({{"parameter", r.parameters[d.parameter].name}, {"spearman", d.rho}, {"significant", d.significant},
                         {"aliases", aliases}});
    }
    doc["comparisons"].push_back({{"arm", v.arm},
                                  {"baseline", v.baseline},
                                  {"metric", v.metric},
                                  {"better", metrics::better_name(v.better)},
                                  {"wins", v.wins},
                                  {"ties", v.ties},
                                  {"samples", v.samples},
                                  {"share", v.share},
                                  {"wilson95", {v.interval.lo, v.interval.hi}},
                                  {"mean_difference", v.mean_difference},
                                  {"drivers", drivers},
                                  {"line", verdict_line(r, v)}});
  }
  for (std::size_t s = 0; s < r.values.rows; ++s) {
    nlohmann::json values = nlohmann::json::object(), outputs = nlohmann::json::object();
    for (std::size_t p = 0; p < r.parameters.size(); ++p) values[r.parameters[p].name] = r.values(s, p);
    for (std::size_t c = 0; c < r.columns.size(); ++c) outputs[r.columns[c].label()] = r.outputs(s, c);
    doc["samples"].push_back({{"values", values}, {"outputs", outputs}});
  }
  return doc;
}

std::string robustness_csv(const RobustnessResult& r) {
  std::string csv = "sample";
  for (const auto& p : r.parameters) csv += fmt::format(",{}", p.name);
  for (const auto& c : r.columns) csv += fmt::format(",\"{}\"", c.label());
  csv += '\n';
  for (std::size_t s = 0; s < r.values.rows; ++s) {
    csv += std::to_string(s);
    for (std::size_t p = 0; p < r.parameters.size(); ++p) csv += fmt::format(",{}", nlohmann::json(r.values(s, p)).dump());
    for (std::size_t c = 0; c < r.columns.size(); ++c) csv += fmt::format(",{}", nlohmann::json(r.outputs(s, c)).dump());
    csv += '\n';
  }
  return csv;
}

}  // namespace linksim::experiment
