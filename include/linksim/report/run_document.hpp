// The typed model of one run's results document (docs/results-format.md): what results.json holds
// and report.html shows. run_document builds it from a run, to_json writes it as results.json, and
// run_document_from_json reads any results.json (or part of one) back, never throwing.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/scenario.hpp"
#include "linksim/experiment/summary.hpp"

namespace linksim::report {

/// A number of the document: absent when it is not finite (results.json's null) or missing.
using DocNumber = std::optional<double>;

/// A 95% interval as written: either end may be absent (not finite, or not a number).
struct DocInterval {
  DocNumber lo, hi;
  bool numeric() const { return lo.has_value() && hi.has_value(); }
};

/// A metric over replications: {mean, sd, ci95, ci_method, per_replication}. No ci95: too few
/// replications for an interval.
struct MetricEstimate {
  DocNumber mean, sd;
  std::optional<DocInterval> ci95;
  std::string ci_method;
  std::vector<DocNumber> per_replication;
};

/// A paired difference arm − baseline: {mean_diff, sd, ci95, ci_method}.
struct PairedEstimate {
  DocNumber mean_diff, sd;
  std::optional<DocInterval> ci95;
  std::string ci_method;
};

/// Metrics by name, in name order (the order of a JSON object).
using MetricEstimates = std::map<std::string, MetricEstimate, std::less<>>;
using PairedEstimates = std::map<std::string, PairedEstimate, std::less<>>;

/// One daily series of an arm: a mean per day, and the 95% band when intervals are reported.
struct DailyBand {
  std::vector<DocNumber> mean;
  std::optional<std::vector<DocNumber>> lo, hi;  ///< ci95_lo, ci95_hi
};

/// A cohort (label "legit" or "abusive", focal when it counts in the sender metrics) or a rule
/// (no label) of an arm's breakdown, with its metrics.
struct BreakdownGroup {
  std::string name, label;
  bool focal = false;
  MetricEstimates metrics;
};
struct ArmBreakdown {
  std::vector<BreakdownGroup> cohorts, rules;
};

struct ArmResults {
  std::optional<std::string> name;
  std::string description;
  std::optional<std::int64_t> horizon_days;  ///< the arm's own (its patch may change the scenario's)
  MetricEstimates metrics;
  std::map<std::string, DailyBand, std::less<>> daily;
  std::optional<ArmBreakdown> breakdown;  ///< only when a cohort is labelled abusive

  /// The metric when it has a mean, else nullptr.
  const MetricEstimate* estimate(std::string_view metric) const;
  /// The daily series when it has at least one day, else nullptr.
  const DailyBand* series(std::string_view series_name) const;
};

struct ArmComparison {
  std::optional<std::string> arm, baseline;
  PairedEstimates metrics;
};

/// What the results were computed for.
struct ScenarioFacts {
  std::optional<std::string> name;
  std::string description;
  std::string question;  ///< not written by linksim; shown when a document has one
  std::string source;    ///< the scenario file
  std::optional<std::uint64_t> seed;
  std::optional<std::int64_t> replications, horizon_days;
  std::optional<std::int64_t> members;      ///< the baseline arm's world size
  std::vector<nlohmann::json> overrides;    ///< each --set, as a merge patch, in order
};

struct RunDocument {
  std::string linksim_version, config_hash;
  ScenarioFacts scenario;
  nlohmann::json statistics;  ///< the scenario's `statistics` block, as run
  bool complete = true;
  std::optional<std::int64_t> replications_completed;
  std::vector<std::string> metric_names;
  std::vector<ArmResults> arms;
  std::vector<ArmComparison> comparisons;
  std::vector<std::string> warnings;
};

/// The document of a run of `scenario` summarised as `summary`.
RunDocument run_document(const config::Scenario& scenario, const experiment::Summary& summary, bool complete);

/// results.json (docs/results-format.md): the document, and its outreach notes computed from it.
nlohmann::json to_json(const RunDocument& doc);

/// A results document read back. Tolerant: a missing or mistyped part is absent or empty, never
/// an error; the outreach notes are not read (to_json computes them from the metrics).
RunDocument run_document_from_json(const nlohmann::json& results);

}  // namespace linksim::report
