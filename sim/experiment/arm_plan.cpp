// Arm plans: every module parses its section of the arm's configuration once, and every problem
// of every module (and every arm) is reported together.
#include "linksim/experiment/arm_plan.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace linksim::experiment {

namespace {

/// Gathers the issues of several parsers, each reported once (an error in the base scenario
/// shows up in every arm, at the same path).
class Issues {
 public:
  /// Runs a parser given the document path of its section: each issue is then
  /// reported where its value was set, in the arm's patch or in the base (Scenario::locate), so
  /// an error in the base shows once, not once per arm whose patch touches a sibling value.
  template <class Parse>
  void collect_in(const config::Scenario& s, std::size_t arm, Parse&& parse) {
    try {
      parse();
    } catch (const config::InputError& e) {
      for (auto i : e.issues()) {
        if (i.path.rfind('/', 0) == 0) i.path = s.locate(arm, i.path);
        add(std::move(i));
      }
    }
  }
  void add(config::Issue i) {
    if (seen_.insert(i.to_string()).second) list_.push_back(std::move(i));
  }
  bool empty() const { return list_.empty(); }
  [[noreturn]] void raise() { throw config::InputError(std::move(list_)); }

 private:
  std::set<std::string> seen_;
  std::vector<config::Issue> list_;
};

PopulationFacts facts_of(const std::vector<CohortPlan>& cohorts) {
  PopulationFacts f;
  for (const auto& c : cohorts) {
    if (c.count == 0) continue;
    f.senders += c.count;
    if (c.focal) {
      f.any_focal = true;
      f.focal += c.count;
    }
    if (c.label == Label::kAbusive) f.any_abusive = true;
    else f.any_legit = true;
  }
  if (!f.any_focal) f.focal = f.senders;  // a pure population: every sender is reported on
  return f;
}

ArmPlan plan_of(const config::Scenario& s, std::size_t a, Issues& issues) {
  const auto& c = s.arms.at(a).config;
  ArmPlan p;
  p.name = s.arms[a].name;
  p.horizon_days = c.at("horizon_days").get<int>();
  issues.collect_in(s, a, [&] { p.world = graph::graph_params_from_json(c.at("world"), "/world"); });
  issues.collect_in(s, a, [&] { p.response = model::response_params_from_json(c.at("world").at("response"), "/world/response"); });
  issues.collect_in(s, a, [&] { p.platform = platform::platform_params_from_json(c.at("platform"), "/platform"); });
  for (const auto& [name, cohort] : c.at("senders").items()) {
    CohortPlan& k = p.cohorts.emplace_back();
    k.name = name;
    k.count = static_cast<std::size_t>(std::max(0, cohort.at("count").get<int>()));
    issues.collect_in(s, a, [&] { k.strategy = strategy::resolve_strategy(cohort.at("strategy"), config::join_path("/senders", name) + "/strategy"); });
    issues.collect_in(s, a, [&] { k.plan = platform::plan_from_name(cohort.at("plan").get<std::string>(), config::join_path("/senders", name) + "/plan"); });
    k.profile_strength = cohort.at("profile_strength").get<double>();
    k.focal = cohort.at("focal").get<bool>();
    k.new_account = cohort.at("new_account").get<bool>();
    std::vector<config::Issue> network_issues;
    k.network = sender_network_from_json(cohort.at("network"), config::join_path("/senders", name) + "/network", network_issues);
    for (auto& i : network_issues) {
      if (i.path.rfind('/', 0) == 0) i.path = s.locate(a, i.path);
      issues.add(std::move(i));
    }
    // The schema admits "legit" and "abusive" only.
    k.label = cohort.at("label").get<std::string>() == "abusive" ? Label::kAbusive : Label::kLegit;
  }
  p.facts = facts_of(p.cohorts);
  // Each sender is a distinct member (experiment/sender_network.hpp).
  if (p.world.members != 0 && p.facts.senders > p.world.members)
    issues.add({s.locate(a, "/world/members"), fmt::format("at least as many members as senders ({})", p.facts.senders),
                std::to_string(p.world.members), ""});
  return p;
}

}  // namespace

ArmPlan build_arm_plan(const config::Scenario& scenario, std::size_t arm) {
  Issues issues;
  ArmPlan p = plan_of(scenario, arm, issues);
  if (!issues.empty()) issues.raise();
  return p;
}

std::vector<ArmPlan> build_arm_plans(const config::Scenario& scenario) {
  Issues issues;
  std::vector<ArmPlan> plans;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) plans.push_back(plan_of(scenario, a, issues));
  if (!issues.empty()) issues.raise();
  return plans;
}

}  // namespace linksim::experiment
