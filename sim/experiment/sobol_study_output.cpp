// Writers of the Sobol' stage: the "sobol" object of sensitivity.json, sobol.csv, tornado.csv and
// the terminal table.
#include <cmath>

#include <fmt/format.h>

#include "linksim/experiment/sobol_study.hpp"

namespace linksim::experiment {

namespace {
std::string sobol_csv_number(double v) { return nlohmann::json(v).dump(); }
nlohmann::json sobol_nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
std::string sobol_short(double v) { return fmt::format("{:.2f}", std::fabs(v) < 0.005 ? 0.0 : v); }
}  // namespace

nlohmann::json selection_json(const ScreeningResult& r, std::size_t k) {
  nlohmann::json scores = nlohmann::json::array();
  for (const auto& s : screening_scores(r))
    scores.push_back({{"parameter", r.parameters[s.parameter].name}, {"max_share", s.max_share}, {"mean_share", s.mean_share}});
  return {{"rule",
           "per output, each parameter's mu* divided by the output's largest mu* (outputs whose largest mu* is below "
           "1e-9 skipped, shares below 1e-9 counted as 0); parameters ranked by their largest share over the outputs, "
           "then by their mean share, then in parameter order; the first k are varied"},
          {"k", k},
          {"scores", scores}};
}

nlohmann::json sobol_json(const SobolStudy& s, const nlohmann::json& selection) {
  nlohmann::json params = nlohmann::json::array();
  for (const std::size_t i : s.parameters) {
    const auto& p = s.all_parameters[i];
    params.push_back({{"name", p.name}, {"pointer", p.pointer}, {"low", p.low}, {"high", p.high}, {"centre", s.centre[i]}});
  }
  nlohmann::json outputs = nlohmann::json::array();
  for (std::size_t o = 0; o < s.outputs.size(); ++o) {
    nlohmann::json indices = nlohmann::json::array();
    nlohmann::json tornado = nlohmann::json::array();
    for (std::size_t j = 0; j < s.parameters.size(); ++j) {
      const auto& c = s.indices.at(o, j);
      const std::string& name = s.all_parameters[s.parameters[j]].name;
      indices.push_back({{"parameter", name},
                         {"S1", c.first},
                         {"S1_ci", {c.first_ci.lo, c.first_ci.hi}},
                         {"ST", c.total},
                         {"ST_ci", {c.total_ci.lo, c.total_ci.hi}}});
      tornado.push_back({{"parameter", name},
                         {"at_low", s.tornado_low(o, j)},
                         {"at_high", s.tornado_high(o, j)},
                         {"swing", std::fabs(s.tornado_high(o, j) - s.tornado_low(o, j))}});
    }
    nlohmann::json ranking = nlohmann::json::array();
    for (const std::size_t j : s.ranking(o)) ranking.push_back(s.all_parameters[s.parameters[j]].name);
    nlohmann::json tornado_ranking = nlohmann::json::array();
    for (const std::size_t j : s.tornado_ranking(o)) tornado_ranking.push_back(s.all_parameters[s.parameters[j]].name);
    outputs.push_back({{"arm", s.outputs[o].arm},
                       {"baseline", sobol_nullable(s.outputs[o].baseline)},
                       {"metric", s.outputs[o].metric},
                       {"variance", s.indices.variance[o]},
                       {"indices", indices},
                       {"ranking", ranking},
                       {"tornado", {{"at_centre", s.tornado_centre[o]}, {"bars", tornado}, {"ranking", tornado_ranking}}}});
  }
  return {{"design",
           {{"sampling", "Saltelli (2010): A, B and A_B^(i) from the unscrambled 2k-dimensional Sobol' sequence"},
            {"base_samples", s.base_samples},
            {"skip", s.skip},
            {"points", s.points},
            {"tornado_points", s.tornado_points},
            {"arms", s.arms},
            {"replications", s.replications},
            {"runs", (s.points + s.tornado_points) * s.arms * s.replications},
            {"scenario_seed", s.seed},
            {"estimators", "S1: Saltelli et al. (2010) Table 2 (b); ST: Jansen (1999)"},
            {"bootstrap_resamples", s.analysis.resamples},
            {"level", s.analysis.level},
            {"bootstrap_seed", s.analysis.seed},
            {"others", "parameters not varied stay at their value in the scenario (centre)"},
            {"tornado", "one at a time: each varied parameter at its low and its high bound, every other at the centre"},
            {"common_random_numbers", "every arm at every point runs replications 0..n-1 of the scenario seed"}}},
          {"selection", selection},
          {"parameters", params},
          {"outputs", outputs}};
}

nlohmann::json sobol_document(const SobolStudy& s) {
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : s.all_parameters)
    params.push_back(ranged_parameter_json(p));
  return {{"method", "sobol"},
          {"scenario", {{"name", s.scenario_name}, {"origin", s.origin}}},
          {"design",
           {{"arms", s.arms},
            {"replications", s.replications},
            {"scenario_seed", s.seed},
            {"common_random_numbers", "every arm at every point runs replications 0..n-1 of the scenario seed"}}},
          {"parameters", params},
          {"sobol", sobol_json(s, nullptr)}};
}

std::string sobol_csv(const SobolStudy& s) {
  std::string csv = "arm,baseline,metric,parameter,pointer,S1,S1_low,S1_high,ST,ST_low,ST_high,variance\n";
  for (std::size_t o = 0; o < s.outputs.size(); ++o)
    for (std::size_t j = 0; j < s.parameters.size(); ++j) {
      const auto& c = s.indices.at(o, j);
      const auto& p = s.all_parameters[s.parameters[j]];
      csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", s.outputs[o].arm, s.outputs[o].baseline, s.outputs[o].metric,
                         p.name, p.pointer, sobol_csv_number(c.first), sobol_csv_number(c.first_ci.lo),
                         sobol_csv_number(c.first_ci.hi), sobol_csv_number(c.total), sobol_csv_number(c.total_ci.lo),
                         sobol_csv_number(c.total_ci.hi), sobol_csv_number(s.indices.variance[o]));
    }
  return csv;
}

std::string tornado_csv(const SobolStudy& s) {
  std::string csv = "arm,baseline,metric,parameter,pointer,low,high,centre,at_centre,at_low,at_high,swing\n";
  for (std::size_t o = 0; o < s.outputs.size(); ++o)
    for (std::size_t j = 0; j < s.parameters.size(); ++j) {
      const std::size_t i = s.parameters[j];
      const auto& p = s.all_parameters[i];
      csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", s.outputs[o].arm, s.outputs[o].baseline, s.outputs[o].metric,
                         p.name, p.pointer, sobol_csv_number(p.low), sobol_csv_number(p.high), sobol_csv_number(s.centre[i]),
                         sobol_csv_number(s.tornado_centre[o]), sobol_csv_number(s.tornado_low(o, j)),
                         sobol_csv_number(s.tornado_high(o, j)),
                         sobol_csv_number(std::fabs(s.tornado_high(o, j) - s.tornado_low(o, j))));
    }
  return csv;
}

std::string sobol_table(const SobolStudy& s, std::size_t top) {
  std::string out = fmt::format(
      "Sobol' indices of {} parameters: N = {} base samples, {} points x {} arms x {} replications (+{} tornado points), "
      "{} bootstrap resamples\n",
      s.parameters.size(), s.base_samples, s.points, s.arms, s.replications, s.tornado_points, s.analysis.resamples);
  out += fmt::format("top parameters by total index ST (share of the output's variance over the plausible box, with "
                     "interactions) [{:g}% bootstrap interval]; S1: alone\n",
                     100 * s.analysis.level);
  for (std::size_t o = 0; o < s.outputs.size(); ++o) {
    std::string line;
    if (s.indices.variance[o] > 0.0) {
      std::size_t shown = 0;
      for (const std::size_t j : s.ranking(o)) {
        if (shown == top) break;
        const auto& c = s.indices.at(o, j);
        line += fmt::format("{}{} ST {} [{}, {}] S1 {} [{}, {}]", shown ? ", " : "", s.all_parameters[s.parameters[j]].name,
                            sobol_short(c.total), sobol_short(c.total_ci.lo), sobol_short(c.total_ci.hi), sobol_short(c.first),
                            sobol_short(c.first_ci.lo), sobol_short(c.first_ci.hi));
        ++shown;
      }
    }
    out += fmt::format("  {:<44} {}\n", s.outputs[o].label(), line.empty() ? "no variance: no parameter moves it" : line);
  }
  return out;
}

}  // namespace linksim::experiment
