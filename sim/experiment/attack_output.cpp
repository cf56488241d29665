// What `linksim attack` writes: attack.json, attack.csv and the terminal summary.
#include <algorithm>

#include <fmt/format.h>

#include "linksim/experiment/attack.hpp"

namespace linksim::experiment::attack {

using nlohmann::json;

namespace {

json interval_json(const std::vector<double>& xs) {
  const Interval ci = t_interval(xs);
  return {{"mean", mean(xs)}, {"ci95", {ci.lo, ci.hi}}};
}

json measured_json(const Measured& m) {
  json j = {{"name", m.name},
            {"spam_per_account_week", interval_json(m.spam)},
            {"detection_rate", interval_json(m.detection)},
            {"median_days_to_restrict", mean(m.days)}};
  if (!m.strategy.is_null()) j["strategy"] = m.strategy;
  return j;
}

const char* type_name(DimensionType t) {
  switch (t) {
    case DimensionType::kInteger: return "integer";
    case DimensionType::kNumber: return "number";
    case DimensionType::kBoolean: return "boolean";
    case DimensionType::kChoice: return "choice";
  }
  return "";
}

/// The strongest fixed archetype (most spam on the validation replications).
const Measured& strongest(const ArmResult& arm) {
  return *std::max_element(arm.archetypes.begin(), arm.archetypes.end(),
                           [](const Measured& a, const Measured& b) { return a.spam_mean() < b.spam_mean(); });
}

/// "per_day 48, working_hours true, ..." from a nested strategy patch.
void flatten(const json& node, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& [k, v] : node.items()) {
    if (v.is_object()) flatten(v, prefix + k + ".", out);
    else out.push_back(fmt::format("{}{} {}", prefix, k, v.is_number_float() ? fmt::format("{:.2f}", v.get<double>()) : v.dump()));
  }
}

}  // namespace

json result_json(const Result& r) {
  json space = json::array();
  for (const Dimension& d : r.space.dimensions) {
    json j = {{"key", d.key}, {"type", type_name(d.type)}};
    if (d.type == DimensionType::kInteger || d.type == DimensionType::kNumber) {
      j["low"] = d.low;
      j["high"] = d.high;
      j["scale"] = d.log_scale ? "log" : "linear";
    }
    if (d.type == DimensionType::kChoice) j["choices"] = d.choices;
    space.push_back(std::move(j));
  }
  json arms = json::array();
  for (const ArmResult& a : r.arms) {
    json archetypes = json::array();
    for (const Measured& m : a.archetypes) archetypes.push_back(measured_json(m));
    arms.push_back({{"arm", a.arm},
                    {"best_response", measured_json(a.best)},
                    {"best_response_search_mean", a.best_search_spam},
                    {"strongest_archetype", strongest(a).name},
                    {"archetypes", std::move(archetypes)}});
  }
  json candidates = json::array();
  for (const Candidate& c : r.candidates)
    candidates.push_back({{"arm", r.arms[c.arm].arm}, {"index", c.index}, {"phase", c.phase},
                          {"spam_per_account_week", c.spam}, {"detection_rate", c.detection}, {"u", c.u}});
  return {{"scenario", r.scenario},
          {"attacker", r.attacker},
          {"accounts", r.accounts},
          {"horizon_days", r.horizon_days},
          {"seed", r.seed},
          {"objective", "spam invitations delivered per account-week: invitations from the attacker's accounts the platform let through, over accounts x weeks"},
          {"search", {{"candidates_per_arm", r.options.candidates},
                      {"replications", r.options.replications},
                      {"validation_replications", r.options.validation},
                      {"finalists", r.options.finalists},
                      {"runs", r.runs},
                      {"method", "the attacker's own strategy and a Sobol' design with a random shift, shared by every arm (half the candidates), then a (1+10) local search per arm from the best so far; the finalists and every fixed abusive archetype re-measured on fresh replications"}}},
          {"notes", r.notes},
          {"space", std::move(space)},
          {"arms", std::move(arms)},
          {"candidates", std::move(candidates)}};
}

std::string candidates_csv(const Result& r) {
  std::string out = "arm,index,phase,spam_per_account_week,detection_rate";
  for (const Dimension& d : r.space.dimensions) out += "," + d.key;
  out += "\n";
  for (const Candidate& c : r.candidates) {
    out += fmt::format("{},{},{},{:.6g},{:.6g}", r.arms[c.arm].arm, c.index, c.phase, c.spam, c.detection);
    for (std::size_t d = 0; d < r.space.dimensions.size(); ++d) {
      const json v = r.space.dimensions[d].value(c.u[d]);
      std::string cell = v.is_number_float() ? fmt::format("{:.4g}", v.get<double>()) : v.dump();
      if (cell.find(',') != std::string::npos || cell.find('"') != std::string::npos) {
        std::string quoted;
        for (const char ch : cell) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        cell = "\"" + quoted + "\"";
      }
      out += "," + cell;
    }
    out += "\n";
  }
  return out;
}

std::string summary_text(const Result& r) {
  std::string out = fmt::format(
      "Worst case per policy: {} accounts of {} over {} days; spam invitations delivered per account-week "
      "(mean over {} fresh replications, 95% CI)\n",
      r.accounts, r.attacker, r.horizon_days, r.options.validation);
  for (const std::string& note : r.notes) out += "note: " + note + "\n";
  for (const ArmResult& a : r.arms) {
    const Interval ci = t_interval(a.best.spam);
    const Measured& top = strongest(a);
    out += fmt::format("\n{}\n  best response     {:8.1f} [{:.1f}, {:.1f}]  detected {:5.1f}%  (search estimate {:.1f})\n", a.arm,
                       a.best.spam_mean(), ci.lo, ci.hi, 100.0 * a.best.detection_mean(), a.best_search_spam);
    for (const Measured& m : a.archetypes) {
      const Interval mi = t_interval(m.spam);
      out += fmt::format("  {:<17} {:8.1f} [{:.1f}, {:.1f}]  detected {:5.1f}%\n", m.name, m.spam_mean(), mi.lo, mi.hi,
                         100.0 * m.detection_mean());
    }
    const double ratio = top.spam_mean() > 0 ? a.best.spam_mean() / top.spam_mean() : 0.0;
    out += fmt::format("  best response / strongest archetype ({}): {:.2f}x\n", top.name, ratio);
    std::vector<std::string> parts;
    flatten(a.best.strategy, "", parts);
    std::string line = "  strategy:";
    for (const std::string& p : parts) {
      if (line.size() + p.size() > 100) {
        out += line + "\n";
        line = "   ";
      }
      line += " " + p + ";";
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace linksim::experiment::attack
