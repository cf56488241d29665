// Views of the metric registry: per-scope lists, lookups by name, enum names.
#include "linksim/metrics/registry.hpp"

#include <algorithm>

namespace linksim::metrics {

std::span<const MetricDef* const> metrics_of(Scope scope) {
  // Built once from kMetrics, so a scope's list cannot drift from the table.
  static const auto lists = [] {
    std::array<std::vector<const MetricDef*>, 2> out;
    for (const MetricDef& m : kMetrics) out[static_cast<std::size_t>(m.scope)].push_back(&m);
    return out;
  }();
  return lists[static_cast<std::size_t>(scope)];
}

namespace {
const std::vector<std::string>& names_of(Scope scope) {
  static const auto lists = [] {
    std::array<std::vector<std::string>, 2> out;
    for (const MetricDef& m : kMetrics) out[static_cast<std::size_t>(m.scope)].emplace_back(m.name);
    return out;
  }();
  return lists[static_cast<std::size_t>(scope)];
}
}  // namespace

const std::vector<std::string>& sender_metric_names() { return names_of(Scope::kSender); }
const std::vector<std::string>& policy_metric_names() { return names_of(Scope::kPolicy); }

Better better_of(std::string_view name) {
  const MetricDef* m = find_metric(name);
  return m ? m->better : Better::kNeutral;
}

std::string label_of(std::string_view name) {
  if (const MetricDef* m = find_metric(name)) return std::string(m->label);
  std::string label(name);
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

std::string tooltip_of(std::string_view name) {
  const MetricDef* m = find_metric(name);
  if (!m) return std::string(name);
  return std::string(m->name) + " (" + std::string(unit_name(m->unit)) + "): " + std::string(m->description);
}

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::kCount: return "count";
    case Unit::kRate: return "rate";
    case Unit::kDays: return "days";
    case Unit::kUsd: return "usd";
    case Unit::kHours: return "hours";
    case Unit::kRatio: return "ratio";
  }
  return "count";
}

std::string_view scope_name(Scope scope) { return scope == Scope::kSender ? "sender" : "policy"; }

std::string_view group_name(Group group) { return group == Group::kCohort ? "cohort" : "rule"; }

std::string_view better_name(Better better) {
  switch (better) {
    case Better::kHigher: return "higher";
    case Better::kLower: return "lower";
    case Better::kNeutral: return "neutral";
  }
  return "neutral";
}

}  // namespace linksim::metrics
