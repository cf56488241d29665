#include "linksim/platform/params.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "linksim/platform/rule_factory.hpp"

namespace linksim::embedded {
extern const std::string_view platform_preset_linkedin_2025;
extern const std::string_view platform_preset_linkedin_pre_2021;
}  // namespace linksim::embedded

namespace linksim::platform {

using nlohmann::json;

namespace {

// A preset with "extends" holds only what differs from its base: its `platform` is a JSON Merge
// Patch over the base's, and its `sources` replace the base's sources of the values it changes
// (the others keep the base's). So a rule's defaults and sources are written once, in the base.
json resolve_preset(const std::map<std::string, json>& files, const std::string& name, int depth = 0) {
  json preset = files.at(name);
  const auto base = preset.find("extends");
  if (base == preset.end()) return preset;
  if (depth > 8 || !base->is_string() || !files.count(base->get<std::string>()))
    throw std::logic_error("platform preset " + name + ": \"extends\" names no embedded preset");
  json out = resolve_preset(files, base->get<std::string>(), depth + 1);
  out["platform"].merge_patch(preset.at("platform"));
  const auto sources = preset.find("sources");
  if (sources != preset.end())
    for (const auto& [k, v] : sources->items()) out["sources"][k] = v;
  out["name"] = preset.at("name");
  out["description"] = preset.at("description");
  return out;
}

const std::map<std::string, json>& presets() {
  static const std::map<std::string, json> all = [] {
    const std::map<std::string, json> files = {
        {"linkedin_2025", json::parse(embedded::platform_preset_linkedin_2025)},
        {"linkedin_pre_2021", json::parse(embedded::platform_preset_linkedin_pre_2021)},
    };
    std::map<std::string, json> resolved;
    for (const auto& [name, _] : files) resolved[name] = resolve_preset(files, name);
    return resolved;
  }();
  return all;
}

std::string list(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// Records the scenario as the source of every value it sets.
void mark_overrides(const json& patch, const std::string& rel, const std::string& path,
                    std::map<std::string, std::string>& sources) {
  if (patch.is_object() && !patch.empty()) {
    for (const auto& [k, v] : patch.items()) mark_overrides(v, config::join_path(rel, k), config::join_path(path, k), sources);
    return;
  }
  sources[rel] = "scenario (" + path + ")";
}

void read_plans(const json& plans, const std::string& path, PlatformParams& out, Issues& issues) {
  if (!plans.is_object()) {
    issues.push_back({path, "an object keyed by plan name", config::describe(plans), {}});
    return;
  }
  for (const auto& [name, body] : plans.items()) {
    const std::string at = config::join_path(path, name);
    try {
      const PlanId id = plan_from_name(name, at);
      const std::size_t before = issues.size();
      PlanParams p = PlanParams::from_json(body, at, issues);
      if (issues.size() == before) p.validate(at, issues);
      out.plans[static_cast<std::size_t>(id)] = std::move(p);
    } catch (const config::InputError& e) {
      issues.insert(issues.end(), e.issues().begin(), e.issues().end());
    }
  }
}

void read_rules(const json& rules, const std::string& path, PlatformParams& out, Issues& issues) {
  if (!rules.is_object()) {
    issues.push_back({path, "an object keyed by rule name", config::describe(rules), {}});
    return;
  }
  for (const auto& [name, body] : rules.items()) {
    const std::string at = config::join_path(path, name);
    std::optional<RuleSpec> spec = read_rule(name, body, at, issues);
    if (!spec) continue;
    if (!body.contains("enabled") || !body.at("enabled").is_boolean()) {
      issues.push_back({at + "/enabled", "a boolean",
                        body.contains("enabled") ? config::describe(body.at("enabled")) : "nothing", {}});
      continue;
    }
    if (body.at("enabled").get<bool>()) out.rules.push_back(std::move(*spec));
  }
  // Consult rules in the factory's order, whatever the order of the keys.
  std::vector<RuleSpec> ordered;
  for (auto n : rule_names())
    for (auto& r : out.rules)
      if (r.name == n) ordered.push_back(std::move(r));
  out.rules = std::move(ordered);
}

void read_limiters(const json& limiters, const std::string& path, PlatformParams& out, Issues& issues) {
  if (!limiters.is_array()) {
    issues.push_back({path, "a list of limiters", config::describe(limiters), {}});
    return;
  }
  for (std::size_t i = 0; i < limiters.size(); ++i) {
    const std::string at = config::join_path(path, i);
    const std::size_t before = issues.size();
    LimiterParams p = LimiterParams::from_json(limiters[i], at, issues);
    // A missing key or a wrong type leaves the default in place; range checks would report the
    // default ("found 0") a second time (param_reader.hpp: a failed from_json skips validate).
    if (issues.size() == before) p.validate(at, issues);
    if (issues.size() == before) out.limiters.push_back(std::move(p));
  }
}

}  // namespace

std::vector<std::string> platform_preset_names() {
  std::vector<std::string> names;
  for (const auto& [n, _] : presets()) names.push_back(n);
  return names;
}

const json& platform_preset(std::string_view name) { return presets().at(std::string(name)); }

bool PlatformParams::needs_member_view() const {
  return std::any_of(rules.begin(), rules.end(), [](const RuleSpec& r) { return r.member_view; });
}

std::string PlatformParams::source_of(const std::string& pointer) const {
  for (std::string p = pointer;; p = p.substr(0, p.rfind('/'))) {
    const auto it = sources.find(p);
    if (it != sources.end()) return it->second;
    if (p.empty()) return "no source recorded";
  }
}

PlatformParams platform_params_from_json(const json& platform, const std::string& path) {
  Issues issues;
  PlatformParams out;
  if (!platform.is_object()) throw config::InputError(path, "an object", config::describe(platform));
  const std::vector<std::string> keys = {"preset", "plans", "rules", "limiters", "ladder"};
  for (const auto& [k, v] : platform.items())
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      const std::string near = config::nearest(k, keys);
      issues.push_back({config::join_path(path, k), "one of the keys " + list(keys), "unknown key \"" + k + "\"",
                        near.empty() ? std::string() : "did you mean \"" + near + "\"?"});
    }
  out.preset = "linkedin_2025";
  if (platform.contains("preset")) {
    const json& p = platform.at("preset");
    if (p.is_string() && presets().count(p.get<std::string>())) out.preset = p.get<std::string>();
    else issues.push_back({path + "/preset", "one of the presets " + list(platform_preset_names()), config::describe(p), {}});
  }
  const json& preset = presets().at(out.preset);
  out.effective = preset.at("platform");
  json patch = platform;
  patch.erase("preset");
  for (const auto& k : keys)
    if (k != "preset" && patch.contains(k)) out.effective[k].merge_patch(patch.at(k));
  for (const auto& [k, v] : preset.at("sources").items()) out.sources[k] = out.preset + ": " + v.get<std::string>();
  mark_overrides(patch, "", path, out.sources);
  out.sources["/preset"] = path + "/preset (default linkedin_2025: LinkedIn's limits as documented in 2025, each value's source in the preset)";
  out.effective["preset"] = out.preset;

  read_plans(out.effective.value("plans", json::object()), path + "/plans", out, issues);
  for (std::size_t i = 0; i < kPlanCount; ++i)
    if (!out.effective["plans"].contains(std::string(kPlanNames[i])))
      issues.push_back({path + "/plans/" + std::string(kPlanNames[i]), "the plan's parameters", "nothing", {}});
  read_rules(out.effective.value("rules", json::object()), path + "/rules", out, issues);
  read_limiters(out.effective.value("limiters", json::array()), path + "/limiters", out, issues);
  const std::size_t before = issues.size();
  out.ladder = LadderParams::from_json(out.effective.value("ladder", json::object()), path + "/ladder", issues);
  if (issues.size() == before) out.ladder.validate(path + "/ladder", issues);
  if (!issues.empty()) throw config::InputError(std::move(issues));
  return out;
}

}  // namespace linksim::platform
