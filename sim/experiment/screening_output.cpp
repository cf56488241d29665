// Writers of a Morris screening: sensitivity.json, sensitivity.csv and the terminal table.
#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/experiment/screening.hpp"

namespace linksim::experiment {

namespace {
nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
}  // namespace

nlohmann::json screening_json(const ScreeningResult& r) {
  nlohmann::json doc = {
      {"method", "morris"},
      {"scenario", {{"name", r.scenario_name}, {"origin", r.origin}}},
      {"design",
       {{"trajectories", r.options.trajectories},
        {"levels", r.options.levels},
        {"delta", r.delta},
        {"design_seed", r.options.seed},
        {"points", r.points},
        {"arms", r.arms},
        {"replications", r.replications},
        {"runs", r.points * r.arms * r.replications},
        {"scenario_seed", r.seed},
        {"common_random_numbers", "every arm at every point runs replications 0..n-1 of the scenario seed"}}},
      {"parameters", nlohmann::json::array()},
      {"outputs", nlohmann::json::array()}};
  for (const auto& p : r.parameters) doc["parameters"].push_back(ranged_parameter_json(p));
  for (std::size_t o = 0; o < r.outputs.size(); ++o) {
    nlohmann::json indices = nlohmann::json::array();
    for (std::size_t p = 0; p < r.parameters.size(); ++p) {
      const auto& c = r.indices.at(o, p);
      indices.push_back({{"parameter", r.parameters[p].name}, {"mu_star", c.mu_star}, {"mu", c.mu}, {"sigma", c.sigma}});
    }
    nlohmann::json ranking = nlohmann::json::array();
    for (const std::size_t p : r.ranking(o)) ranking.push_back(r.parameters[p].name);
    doc["outputs"].push_back({{"arm", r.outputs[o].arm},
                              {"baseline", nullable(r.outputs[o].baseline)},
                              {"metric", r.outputs[o].metric},
                              {"indices", indices},
                              {"ranking", ranking}});
  }
  return doc;
}

std::string screening_csv(const ScreeningResult& r) {
  std::string csv = "arm,baseline,metric,parameter,pointer,mu_star,mu,sigma\n";
  for (std::size_t o = 0; o < r.outputs.size(); ++o)
    for (std::size_t p = 0; p < r.parameters.size(); ++p) {
      const auto& c = r.indices.at(o, p);
      csv += fmt::format("{},{},{},{},{},{},{},{}\n", r.outputs[o].arm, r.outputs[o].baseline, r.outputs[o].metric,
                         r.parameters[p].name, r.parameters[p].pointer, nlohmann::json(c.mu_star).dump(),
                         nlohmann::json(c.mu).dump(), nlohmann::json(c.sigma).dump());
    }
  return csv;
}

std::string screening_table(const ScreeningResult& r, std::size_t top) {
  std::string out = fmt::format("Morris screening of {} parameters: {} trajectories, {} levels, {} points x {} arms x {} replications\n",
                                r.parameters.size(), r.options.trajectories, r.options.levels, r.points, r.arms, r.replications);
  out += "top parameters by mu* (mean absolute effect of moving the parameter over its plausible range, in the metric's units; sigma: interaction / nonlinearity)\n";
  for (std::size_t o = 0; o < r.outputs.size(); ++o) {
    std::string line;
    std::size_t shown = 0;
    const auto ranking = r.ranking(o);
    // Effects that are rounding in a difference of equal changes are not shown.
    const double floor = kRoundingShare * r.indices.at(o, ranking.front()).mu_star;
    for (const std::size_t p : ranking) {
      if (shown == top) break;
      const auto& c = r.indices.at(o, p);
      if (c.mu_star == 0.0 || c.mu_star < floor) break;
      line += fmt::format("{}{} {} (sigma {})", shown ? ", " : "", r.parameters[p].name, fmt::format("{:.3g}", c.mu_star),
                          fmt::format("{:.3g}", c.sigma));
      ++shown;
    }
    out += fmt::format("  {:<44} {}\n", r.outputs[o].label(), line.empty() ? "no parameter moves it" : line);
  }
  return out;
}

}  // namespace linksim::experiment
