// A run's results document written as results.json (docs/results-format.md).
#include "linksim/report/run_document.hpp"

#include "linksim/report/outreach_notes.hpp"

namespace linksim::report {

using nlohmann::json;

namespace {

json doc_number_json(const DocNumber& v) { return v ? json(*v) : json(nullptr); }

json doc_numbers_json(const std::vector<DocNumber>& v) {
  json a = json::array();
  for (const DocNumber& x : v) a.push_back(doc_number_json(x));
  return a;
}

// [lo, hi], or null when there are too few replications for an interval.
json doc_interval_json(const std::optional<DocInterval>& ci) {
  return ci ? json{doc_number_json(ci->lo), doc_number_json(ci->hi)} : json(nullptr);
}

json estimate_json(const MetricEstimate& m) {
  return {{"mean", doc_number_json(m.mean)}, {"sd", doc_number_json(m.sd)}, {"ci95", doc_interval_json(m.ci95)},
          {"ci_method", m.ci_method}, {"per_replication", doc_numbers_json(m.per_replication)}};
}

json estimates_json(const MetricEstimates& metrics) {
  json out = json::object();
  for (const auto& [name, m] : metrics) out[name] = estimate_json(m);
  return out;
}

// Each cohort (with its label, and whether it counts in the sender metrics) and each rule, its
// metrics as estimates.
json groups_json(const std::vector<BreakdownGroup>& list, bool labelled) {
  json out = json::object();
  for (const auto& g : list) {
    json entry = json::object();
    if (labelled) {
      entry["label"] = g.label;
      entry["focal"] = g.focal;
    }
    for (const auto& [name, m] : g.metrics) entry[name] = estimate_json(m);
    out[g.name] = std::move(entry);
  }
  return out;
}

json scenario_json(const ScenarioFacts& s) {
  json out = json::object();
  if (s.name) out["name"] = *s.name;
  out["description"] = s.description;
  if (!s.question.empty()) out["question"] = s.question;
  if (s.seed) out["seed"] = *s.seed;
  if (s.replications) out["replications"] = *s.replications;
  if (s.horizon_days) out["horizon_days"] = *s.horizon_days;
  out["source"] = s.source;
  out["overrides"] = s.overrides;
  if (s.members) out["members"] = *s.members;
  return out;
}

json arm_json(const ArmResults& arm) {
  json entry = json::object();
  if (arm.name) entry["name"] = *arm.name;
  entry["description"] = arm.description;
  if (arm.horizon_days) entry["horizon_days"] = *arm.horizon_days;
  entry["metrics"] = estimates_json(arm.metrics);
  json daily = json::object();
  for (const auto& [name, d] : arm.daily)
    daily[name] = {{"mean", doc_numbers_json(d.mean)},
                   {"ci95_lo", d.lo ? doc_numbers_json(*d.lo) : json(nullptr)},
                   {"ci95_hi", d.hi ? doc_numbers_json(*d.hi) : json(nullptr)}};
  entry["daily"] = daily;
  if (arm.breakdown)
    entry["breakdown"] = {{"cohorts", groups_json(arm.breakdown->cohorts, true)}, {"rules", groups_json(arm.breakdown->rules, false)}};
  return entry;
}

json comparison_json(const ArmComparison& c) {
  json metrics = json::object();
  for (const auto& [name, e] : c.metrics)
    metrics[name] = {{"mean_diff", doc_number_json(e.mean_diff)}, {"sd", doc_number_json(e.sd)},
                     {"ci95", doc_interval_json(e.ci95)}, {"ci_method", e.ci_method}};
  json out = {{"metrics", metrics}};
  if (c.arm) out["arm"] = *c.arm;
  if (c.baseline) out["baseline"] = *c.baseline;
  return out;
}

}  // namespace

json to_json(const RunDocument& doc) {
  json out;
  out["linksim_version"] = doc.linksim_version;
  out["config_hash"] = doc.config_hash;
  out["scenario"] = scenario_json(doc.scenario);
  out["statistics"] = doc.statistics;
  out["complete"] = doc.complete;
  if (doc.replications_completed) out["replications_completed"] = *doc.replications_completed;
  out["metric_names"] = doc.metric_names;
  json arms = json::array();
  for (const auto& arm : doc.arms) arms.push_back(arm_json(arm));
  out["arms"] = arms;
  json comparisons = json::array();
  for (const auto& c : doc.comparisons) comparisons.push_back(comparison_json(c));
  out["comparisons"] = comparisons;
  out["warnings"] = doc.warnings;
  // Outreach that fell short of plan (a dry prospect pool, the platform's refusals).
  out["outreach_notes"] = outreach_notes_json(outreach_notes(doc));
  return out;
}

}  // namespace linksim::report
