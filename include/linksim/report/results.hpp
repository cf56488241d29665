// Writers for results.json and daily.csv (format: docs/results-format.md), always atomic.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "linksim/experiment/runner.hpp"
#include "linksim/config/scenario.hpp"

namespace linksim::report {

/// The horizon of arm `arm` (its patch may change it; the base scenario's for an unknown name).
int arm_horizon(const config::Scenario& scenario, const std::string& arm);
/// "84", or "28–84 (per arm)" when arms' patches change the horizon.
std::string horizon_text(const config::Scenario& scenario);

/// results.json: to_json(run_document(scenario, summary, complete)) (report/run_document.hpp).
nlohmann::json results_json(const config::Scenario& scenario, const experiment::Summary& summary, bool complete);
/// Tidy CSV: arm,replication,day,metric,value.
std::string daily_csv(const experiment::RunOutcome& outcome);
/// Writes `content` to a temporary file beside `path`, then renames it over `path`, so readers
/// never see a half-written file. Creates the parent directory. Throws std::runtime_error.
void write_file_atomic(const std::string& path, const std::string& content);

}  // namespace linksim::report
