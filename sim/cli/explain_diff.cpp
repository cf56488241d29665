// `linksim explain --diff`: only the values that differ, from the defaults and presets for the
// baseline arm, from the baseline for every other arm.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::cli {

namespace {

using nlohmann::json;

struct Entry {
  json value;
  bool from_scenario = false;  ///< the scenario set it (not a schema default or a preset's value)
};
using Entries = std::map<std::string, Entry>;  // dotted path → entry, in path order

std::string dotted(const std::string& pointer) {
  std::string d = pointer.substr(1);
  for (auto& c : d)
    if (c == '/') c = '.';
  return d;
}

// Leaves of a schema-described section; a value equal to the schema's default is not the scenario's.
void schema_leaves(const json& value, const std::string& pointer, Entries& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [k, v] : value.items()) schema_leaves(v, pointer + "/" + k, out);
    return;
  }
  const auto* node = config::JsonSchema::scenario().node_for(pointer);
  const bool is_default = node != nullptr && node->contains("default") && (*node)["default"] == value;
  out[dotted(pointer)] = {value, !is_default};
}

void platform_leaves(const platform::PlatformParams& p, const json& value, const std::string& rel, Entries& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [k, v] : value.items()) platform_leaves(p, v, rel + "/" + k, out);
    return;
  }
  out[dotted("/platform" + rel)] = {value, p.source_of(rel).rfind("scenario (", 0) == 0};
}

Entries entries_of(const config::Scenario& s, std::size_t a) {
  Entries out;
  const json& c = s.arms[a].config;
  schema_leaves(c.at("horizon_days"), "/horizon_days", out);
  schema_leaves(c.at("world"), "/world", out);
  const auto p = platform::platform_params_from_json(c.at("platform"), s.locate(a, "/platform"));
  json effective = p.effective;
  effective.erase("preset");
  platform_leaves(p, effective, "", out);
  const auto* preset_node = config::JsonSchema::scenario().node_for("/platform/preset");
  const bool default_preset = preset_node != nullptr && preset_node->contains("default") && (*preset_node)["default"] == p.preset;
  out["platform.preset"] = {json(p.preset), !default_preset};
  for (const auto& [name, cohort] : c.at("senders").items()) {
    json plain = cohort;
    plain.erase("strategy");
    schema_leaves(plain, "/senders/" + name, out);
    const json& own = cohort.at("strategy");
    const std::string prefix = "senders." + name + ".strategy.";
    const json effective_strategy = strategy::effective_strategy_json(own);
    out[prefix + "preset"] = {effective_strategy.at("preset"), own.contains("preset")};
    for (const auto& [group, values] : effective_strategy.items()) {
      if (!values.is_object()) continue;
      for (const auto& [key, value] : values.items())
        out[prefix + group + "." + key] = {value, own.contains(group) && own[group].contains(key)};
    }
  }
  return out;
}

}  // namespace

void explain_diff(const config::Scenario& s, const std::vector<std::size_t>& arms, std::ostream& out) {
  const Entries baseline = entries_of(s, 0);
  for (const std::size_t a : arms) {
    out << "\narm " << a << ": " << s.arms[a].name;
    std::size_t shown = 0;
    if (a == 0) {
      out << " (baseline): values the scenario sets that differ from the defaults and presets\n";
      for (const auto& [key, e] : baseline)
        if (e.from_scenario) {
          out << fmt::format("  {:<48} = {}\n", key, e.value.dump());
          ++shown;
        }
    } else {
      out << ": values that differ from the baseline (" << s.arms[0].name << ")\n";
      for (const auto& [key, e] : entries_of(s, a)) {
        const auto it = baseline.find(key);
        if (it != baseline.end() && it->second.value == e.value) continue;
        out << fmt::format("  {:<48} = {:<14} (baseline: {})\n", key, e.value.dump(),
                           it == baseline.end() ? std::string("not set") : it->second.value.dump());
        ++shown;
      }
    }
    if (shown == 0) out << "  (none)\n";
  }
}

}  // namespace linksim::cli
