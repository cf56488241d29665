// A results document (results.json, or any part of one) read into the typed model: what is
// missing or of the wrong type is absent or empty, never an error.
#include "linksim/report/run_document.hpp"

#include <cmath>
#include <limits>

namespace linksim::report {

using nlohmann::json;

namespace {

const json* member_in(const json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

DocNumber number_value(const json& v) { return v.is_number() ? DocNumber(v.get<double>()) : std::nullopt; }

DocNumber number_in(const json& j, std::string_view key) {
  const json* v = member_in(j, key);
  return v ? number_value(*v) : std::nullopt;
}

std::optional<std::string> text_in(const json& j, std::string_view key) {
  const json* v = member_in(j, key);
  return v && v->is_string() ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
}

// A count or a day: a whole number as written, a fractional one truncated; absent when out of range.
std::optional<std::int64_t> whole_in(const json& j, std::string_view key) {
  const json* v = member_in(j, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_number_integer() && !v->is_number_unsigned()) return v->get<std::int64_t>();
  if (v->is_number_unsigned() && v->get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return static_cast<std::int64_t>(v->get<std::uint64_t>());
  if (v->is_number_float()) {
    const double x = v->get<double>();
    if (std::isfinite(x) && std::abs(x) < 9.2e18) return static_cast<std::int64_t>(x);
  }
  return std::nullopt;
}

std::optional<std::uint64_t> seed_in(const json& j) {
  const json* v = member_in(j, "seed");
  if (v == nullptr) return std::nullopt;
  if (v->is_number_unsigned()) return v->get<std::uint64_t>();
  if (v->is_number_integer() && v->get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v->get<std::int64_t>());
  if (v->is_number_float()) {
    const double x = v->get<double>();
    if (std::isfinite(x) && x >= 0 && x < 1.8e19) return static_cast<std::uint64_t>(x);
  }
  return std::nullopt;
}

std::vector<DocNumber> numbers_value(const json& v) {
  std::vector<DocNumber> out;
  if (v.is_array())
    for (const json& x : v) out.push_back(number_value(x));
  return out;
}

std::vector<std::string> strings_in(const json& j, std::string_view key) {
  std::vector<std::string> out;
  const json* v = member_in(j, key);
  if (v && v->is_array())
    for (const json& x : *v)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// ci95: none when null, missing or an empty array; an array of any other length than two is an
// interval without numbers.
std::optional<DocInterval> interval_in(const json& j) {
  const json* v = member_in(j, "ci95");
  if (v == nullptr || !v->is_array() || v->empty()) return std::nullopt;
  if (v->size() != 2) return DocInterval{};
  return DocInterval{number_value((*v)[0]), number_value((*v)[1])};
}

MetricEstimate estimate_value(const json& v) {
  const json* per_replication = member_in(v, "per_replication");
  return {number_in(v, "mean"), number_in(v, "sd"), interval_in(v), text_in(v, "ci_method").value_or(""),
          per_replication ? numbers_value(*per_replication) : std::vector<DocNumber>{}};
}

// Every key of `metrics` is a metric, whatever its value holds (the report lists it).
MetricEstimates estimates_in(const json& j, std::string_view key, bool skip_label_focal = false) {
  MetricEstimates out;
  const json* metrics = key.empty() ? &j : member_in(j, key);
  if (metrics == nullptr || !metrics->is_object()) return out;
  for (const auto& [name, value] : metrics->items())
    if (!skip_label_focal || (name != "label" && name != "focal")) out.emplace(name, estimate_value(value));
  return out;
}

std::vector<BreakdownGroup> groups_in(const json& breakdown, std::string_view key, bool labelled) {
  std::vector<BreakdownGroup> out;
  const json* groups = member_in(breakdown, key);
  if (groups == nullptr || !groups->is_object()) return out;
  for (const auto& [name, g] : groups->items()) {
    if (!g.is_object()) continue;
    BreakdownGroup group{name, "", false, estimates_in(g, "", labelled)};
    if (labelled) {
      group.label = text_in(g, "label").value_or("");
      const json* focal = member_in(g, "focal");
      group.focal = focal && focal->is_boolean() && focal->get<bool>();
    }
    out.push_back(std::move(group));
  }
  return out;
}

ArmResults arm_value(const json& a) {
  ArmResults arm;
  arm.name = text_in(a, "name");
  arm.description = text_in(a, "description").value_or("");
  arm.horizon_days = whole_in(a, "horizon_days");
  arm.metrics = estimates_in(a, "metrics");
  if (const json* daily = member_in(a, "daily"); daily && daily->is_object()) {
    for (const auto& [name, s] : daily->items()) {
      if (!s.is_object()) continue;
      DailyBand band;
      if (const json* mean = member_in(s, "mean")) band.mean = numbers_value(*mean);
      if (const json* lo = member_in(s, "ci95_lo"); lo && lo->is_array()) band.lo = numbers_value(*lo);
      if (const json* hi = member_in(s, "ci95_hi"); hi && hi->is_array()) band.hi = numbers_value(*hi);
      arm.daily.emplace(name, std::move(band));
    }
  }
  if (const json* b = member_in(a, "breakdown"); b && b->is_object())
    arm.breakdown = ArmBreakdown{groups_in(*b, "cohorts", true), groups_in(*b, "rules", false)};
  return arm;
}

ArmComparison comparison_value(const json& c) {
  ArmComparison out{text_in(c, "arm"), text_in(c, "baseline"), {}};
  if (const json* metrics = member_in(c, "metrics"); metrics && metrics->is_object())
    for (const auto& [name, e] : metrics->items())
      out.metrics.emplace(name, PairedEstimate{number_in(e, "mean_diff"), number_in(e, "sd"), interval_in(e),
                                               text_in(e, "ci_method").value_or("")});
  return out;
}

ScenarioFacts scenario_value(const json& s) {
  ScenarioFacts facts;
  facts.name = text_in(s, "name");
  facts.description = text_in(s, "description").value_or("");
  facts.question = text_in(s, "question").value_or("");
  facts.source = text_in(s, "source").value_or("");
  facts.seed = seed_in(s);
  facts.replications = whole_in(s, "replications");
  facts.horizon_days = whole_in(s, "horizon_days");
  facts.members = whole_in(s, "members");
  if (const json* o = member_in(s, "overrides"); o && o->is_array())
    for (const json& patch : *o) facts.overrides.push_back(patch);
  return facts;
}

}  // namespace

RunDocument run_document_from_json(const json& results) {
  RunDocument doc;
  doc.linksim_version = text_in(results, "linksim_version").value_or("");
  doc.config_hash = text_in(results, "config_hash").value_or("");
  if (const json* s = member_in(results, "scenario")) doc.scenario = scenario_value(*s);
  if (const json* st = member_in(results, "statistics")) doc.statistics = *st;
  const json* complete = member_in(results, "complete");
  doc.complete = !(complete && complete->is_boolean() && !complete->get<bool>());
  doc.replications_completed = whole_in(results, "replications_completed");
  doc.metric_names = strings_in(results, "metric_names");
  if (const json* arms = member_in(results, "arms"); arms && arms->is_array())
    for (const json& a : *arms) doc.arms.push_back(arm_value(a));
  if (const json* comparisons = member_in(results, "comparisons"); comparisons && comparisons->is_array())
    for (const json& c : *comparisons) doc.comparisons.push_back(comparison_value(c));
  doc.warnings = strings_in(results, "warnings");
  return doc;
}

}  // namespace linksim::report
