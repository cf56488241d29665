// One arm's parameters, parsed once: response, platform, cohorts with their strategies, the
// horizon and the population's facts. Built by the same code `linksim validate` runs, shared
// read-only by every replication and shard of the arm; nothing below it reads JSON.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "linksim/graph/params.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/sender_network.hpp"
#include "linksim/model/response_params.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/platform/plan.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::experiment {

/// A cohort's ground truth, for scoring the platform's rules (never seen by the rules).
enum class Label : std::uint8_t { kLegit, kAbusive };

struct CohortPlan {
  std::string name;
  std::size_t count = 0;
  strategy::StrategyParams strategy;
  platform::PlanId plan = platform::PlanId::kFree;
  double profile_strength = 0.6;  ///< in [0, 1]
  bool focal = true;              ///< counts toward the arm's sender metrics
  bool new_account = false;       ///< no network: no mutual connections, 0 connections for the rules
  SenderNetwork network;          ///< the senders' own connections and followers (docs/model.md)
  Label label = Label::kLegit;
};

/// Facts about the whole population (not just one shard's part of it).
struct PopulationFacts {
  std::size_t senders = 0, focal = 0;  ///< focal: every sender when no cohort is focal
  bool any_focal = false, any_abusive = false, any_legit = false;
};

struct ArmPlan {
  std::string name;
  int horizon_days = 0;
  graph::GraphParams world;  ///< the graph (without `response`: members' answers do not change it)
  model::ResponseParams response;
  platform::PlatformParams platform;
  std::vector<CohortPlan> cohorts;  ///< in the scenario's key order (the order senders are numbered)
  PopulationFacts facts;
};

/// The plan of arm `arm`. Throws config::InputError listing every problem of every module.
ArmPlan build_arm_plan(const config::Scenario& scenario, std::size_t arm);
/// Every arm's plan; the issues of all arms are gathered (each reported once) before throwing.
std::vector<ArmPlan> build_arm_plans(const config::Scenario& scenario);

}  // namespace linksim::experiment
