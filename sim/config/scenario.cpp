// Scenario loading: parse → overrides → schema validation → arms → defaults, in one place.
#include "linksim/config/scenario.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "linksim/config/json_input.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/population.hpp"
#include "linksim/metrics/run_result.hpp"

namespace linksim::embedded {
extern const std::string_view default_scenario_json;
}

namespace linksim::config {

using nlohmann::json;

namespace {

// Keys an arm may change. The rest (replications, seed, outputs, names) belong to the experiment.
const std::vector<std::string> kPatchableKeys = {"world", "platform", "senders", "population", "horizon_days"};

/// A population that asks for senders (when it expanded to none, its own issue says why).
bool population_has_senders(const json& doc) {
  if (!doc.contains("population") || !doc["population"].is_object()) return false;
  const json& n = doc["population"].value("senders", json(0));
  return n.is_number_integer() && n.get<long long>() > 0;
}

}  // namespace

std::string Scenario::locate(std::size_t arm, const std::string& path) const {
  if (arm < arms.size() && !arms[arm].patch.empty() && patch_touches(arms[arm].patch, path))
    return fmt::format("/arms/{}/patch{}", arm, path);
  return path;
}

namespace {
/// An arm patch that names a cohort the base lacks would silently create it with every default
/// (a typo, or `me` for `focal`): an error unless the arm says "add_cohorts": true.
void check_patch_cohorts(const json& doc, const json& arm, const std::string& arm_path, std::vector<Issue>& issues) {
  const json& patch = arm["patch"];
  if (!patch.contains("senders") || !patch["senders"].is_object()) return;
  if (arm.value("add_cohorts", false)) return;
  std::vector<std::string> cohorts;
  if (doc.contains("senders") && doc["senders"].is_object()) {
    for (const auto& [name, _] : doc["senders"].items()) cohorts.push_back(name);
  } else if (doc.contains("population")) {
    return;  // the population's generated cohorts are checked when it is expanded
  } else {
    cohorts.emplace_back("focal");  // the schema's default cohort
  }
  std::string listed;
  for (const auto& c : cohorts) listed += (listed.empty() ? "" : ", ") + c;
  for (const auto& [name, value] : patch["senders"].items()) {
    if (value.is_null() || std::find(cohorts.begin(), cohorts.end(), name) != cohorts.end()) continue;
    const std::string near = nearest(name, cohorts);
    issues.push_back({join_path(arm_path + "/patch/senders", name),
                      "a cohort of the base scenario (" + listed + "), or \"add_cohorts\": true on the arm to add one",
                      "\"" + name + "\"", near.empty() ? "" : "did you mean \"" + near + "\"?"});
  }
}
}  // namespace

Scenario load_scenario_text(const std::string& text, const std::string& origin, const Overrides& overrides) {
  json doc = parse_json(text, origin);
  for (const auto& patch : overrides.patches) doc.merge_patch(patch);

  const JsonSchema& schema = JsonSchema::scenario();
  std::vector<Issue> issues;
  // Arms patch the scenario as written; a population is expanded after each merge.
  json raw_base = doc.is_object() ? doc : json::object();
  raw_base.erase("arms");
  const auto generated = expand_population(doc, issues);
  schema.validate(doc, "", issues);
  if (doc.is_object() && doc.contains("senders") && doc["senders"].is_object() && doc["senders"].empty() &&
      !population_has_senders(doc))
    issues.push_back({"/senders", "at least 1 cohort, or a population with senders > 0", "none", ""});
  for (auto& issue : issues) issue.path = population_issue_path(issue.path, generated);
  if (!doc.is_object()) throw InputError(std::move(issues));

  json base = doc;
  base.erase("arms");
  json arms_doc = doc.contains("arms") && doc["arms"].is_array() ? doc["arms"] : json::array();

  Scenario s;
  s.origin = origin;
  s.overrides = json(overrides.patches);  // an array, empty without --set
  std::set<std::string> names;
  for (std::size_t i = 0; i < arms_doc.size(); ++i) {
    const json& arm = arms_doc[i];
    if (!arm.is_object() || !arm.contains("patch") || !arm["patch"].is_object() || !arm.contains("name") || !arm["name"].is_string())
      continue;  // shape errors were reported by the schema
    const std::string arm_path = fmt::format("/arms/{}", i);
    const std::string name = arm["name"].get<std::string>();
    if (!names.insert(name).second)
      issues.push_back({arm_path + "/name", "a name not used by another arm", "\"" + name + "\" again", {}});
    json patch = arm["patch"];
    for (const auto& [key, _] : arm["patch"].items()) {
      if (std::find(kPatchableKeys.begin(), kPatchableKeys.end(), key) == kPatchableKeys.end()) {
        const std::string near = nearest(key, kPatchableKeys);
        issues.push_back({join_path(arm_path + "/patch", key), "one of the keys world, platform, senders, population, horizon_days",
                          "\"" + key + "\"", near.empty() ? "" : "did you mean \"" + near + "\"?"});
        patch.erase(key);  // keep checking the rest of the patch
      }
    }
    check_patch_cohorts(doc, arm, arm_path, issues);
    json merged = raw_base;
    merged.merge_patch(patch);
    std::vector<Issue> arm_issues;
    const auto arm_generated = expand_population(merged, arm_issues);
    schema.validate(merged, "", arm_issues);
    if (merged.contains("senders") && merged["senders"].is_object() && merged["senders"].empty() &&
        !population_has_senders(merged))
      arm_issues.push_back({"/senders", "at least 1 cohort, or a population with senders > 0", "none", ""});
    for (auto& issue : arm_issues) {
      issue.path = population_issue_path(issue.path, arm_generated);
      // Errors the base already has were reported once; only the patch's own are new.
      if (!patch_touches(patch, issue.path)) continue;
      issue.path = arm_path + "/patch" + issue.path;
      issues.push_back(std::move(issue));
    }
    schema.apply_defaults(merged);
    s.arms.push_back(Arm{name, arm.value("description", ""), arm["patch"], std::move(merged)});
  }
  if (!issues.empty()) throw InputError(std::move(issues));

  schema.apply_defaults(base);
  if (s.arms.empty()) s.arms.push_back(Arm{"base", "the scenario as written", json::object(), base});
  s.name = base.at("name").get<std::string>();
  s.description = base.at("description").get<std::string>();
  s.horizon_days = base.at("horizon_days").get<int>();
  s.replications = base.at("replications").get<int>();
  s.seed = base.at("seed").get<std::uint64_t>();
  s.outputs = base.at("outputs");
  s.statistics = base.at("statistics");
  {
    // Bootstrap metrics must be metrics linksim reports: a typo would silently fall back to t.
    std::vector<std::string> known = metrics::sender_metric_names();
    for (const auto& m : metrics::policy_metric_names()) known.push_back(m);
    std::vector<Issue> bad;
    const auto& list = s.statistics.at("bootstrap_metrics");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto name = list[i].get<std::string>();
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      Issue issue{"/statistics/bootstrap_metrics/" + std::to_string(i), "a metric name (results-format.md)", "\"" + name + "\"", ""};
      if (auto hint = nearest(name, known); !hint.empty()) issue.hint = "did you mean \"" + hint + "\"?";
      bad.push_back(std::move(issue));
    }
    if (!bad.empty()) throw InputError(std::move(bad));
  }
  return s;
}

Scenario load_scenario_file(const std::string& path, const Overrides& overrides) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("", "a readable scenario file", "\"" + path + "\" (cannot open)");
  std::ostringstream buf;
  buf << in.rdbuf();
  return load_scenario_text(buf.str(), path, overrides);
}

std::string default_scenario_text() { return std::string(embedded::default_scenario_json); }

Scenario default_scenario(const Overrides& overrides) {
  return load_scenario_text(default_scenario_text(), "<built-in default>", overrides);
}

}  // namespace linksim::config
