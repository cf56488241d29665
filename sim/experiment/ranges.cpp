// Plausible ranges: parsing and checking scenarios/presets/ranges.json, selection, patches.
#include "linksim/experiment/ranges.hpp"

#include <cmath>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/config/json_schema.hpp"

namespace linksim::embedded {
extern const std::string_view ranges_json;
}

namespace linksim::experiment {

namespace {

using nlohmann::json;
using config::Issue;

std::string short_name(const std::string& pointer) {
  std::string rest = pointer;
  for (const std::string_view prefix : {"/world/response/", "/world/attributes/", "/world/"}) {
    if (rest.starts_with(prefix)) {
      rest = rest.substr(prefix.size());
      break;
    }
  }
  if (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
  for (auto& c : rest) if (c == '/') c = '.';
  return rest;
}

// The schema node of a numeric parameter, or null (with an issue) when the pointer names none.
const json* numeric_node(const std::string& pointer, const std::string& at, std::vector<Issue>& issues) {
  const json* node = pointer.starts_with("/") ? config::JsonSchema::scenario().node_for(pointer) : nullptr;
  if (node == nullptr) {
    issues.push_back({at, "a JSON Pointer to a scenario parameter (scenarios/schema.json)", config::describe(pointer), {}});
    return nullptr;
  }
  const std::string type = node->value("type", json()).is_string() ? (*node)["type"].get<std::string>() : "";
  if ((type != "number" && type != "integer") || !node->contains("default") || !(*node)["default"].is_number()) {
    issues.push_back({at, "a numeric parameter with a default", fmt::format("a schema node of type {}", type.empty() ? "?" : type), {}});
    return nullptr;
  }
  return node;
}

// Bounds outside the schema's limits would make every design point touching them invalid.
void check_schema_limits(const json& node, double v, const std::string& at, std::vector<Issue>& issues) {
  auto num = [&](const char* k) { return node.contains(k) && node[k].is_number() ? node[k].get<double>() : NAN; };
  const double min = num("minimum"), max = num("maximum"), xmin = num("exclusiveMinimum"), xmax = num("exclusiveMaximum");
  std::string expected;
  if (!std::isnan(min) && v < min) expected = fmt::format(">= {}", config::human_number(min));
  if (!std::isnan(max) && v > max) expected = fmt::format("<= {}", config::human_number(max));
  if (!std::isnan(xmin) && v <= xmin) expected = fmt::format("> {}", config::human_number(xmin));
  if (!std::isnan(xmax) && v >= xmax) expected = fmt::format("< {}", config::human_number(xmax));
  if (!expected.empty()) issues.push_back({at, fmt::format("a value the schema allows ({})", expected), config::human_number(v), {}});
}

}  // namespace

PlausibleRanges parse_ranges(const json& doc) {
  std::vector<Issue> issues;
  PlausibleRanges out;
  if (!doc.is_object() || !doc.contains("ranges") || !doc["ranges"].is_object())
    throw config::InputError("/ranges", "an object of ranges by JSON Pointer", doc.is_object() && doc.contains("ranges") ? config::describe(doc["ranges"]) : "nothing");
  std::set<std::string> names;
  for (const auto& [pointer, entry] : doc["ranges"].items()) {
    const std::string at = config::join_path("/ranges", pointer);
    const json* node = numeric_node(pointer, at, issues);
    if (!entry.is_object() || !entry.contains("low") || !entry["low"].is_number() || !entry.contains("high") ||
        !entry["high"].is_number() || !entry.contains("source") || !entry["source"].is_string() ||
        entry["source"].get<std::string>().empty()) {
      issues.push_back({at, "{\"low\": number, \"high\": number, \"distribution\": \"uniform\" | \"log_uniform\", \"source\": text}", config::describe(entry), {}});
      continue;
    }
    RangedParameter p;
    p.pointer = pointer;
    p.name = short_name(pointer);
    p.low = entry["low"].get<double>();
    p.high = entry["high"].get<double>();
    p.source = entry["source"].get<std::string>();
    const std::string dist = entry.value("distribution", std::string("uniform"));
    if (dist == "log_uniform") p.distribution = sensitivity::Distribution::kLogUniform;
    else if (dist != "uniform")
      issues.push_back({at + "/distribution", "\"uniform\" or \"log_uniform\"", config::describe(entry["distribution"]), {}});
    if (!(p.low < p.high))
      issues.push_back({at, "low < high", fmt::format("{} >= {}", config::human_number(p.low), config::human_number(p.high)), {}});
    if (p.distribution == sensitivity::Distribution::kLogUniform && !(p.low > 0))
      issues.push_back({at + "/low", "> 0 for a log_uniform range", config::human_number(p.low), {}});
    if (!names.insert(p.name).second) issues.push_back({at, "a parameter named once", fmt::format("a repeated name {}", p.name), {}});
    if (node != nullptr) {
      p.integer = (*node)["type"] == "integer";
      p.default_value = (*node)["default"].get<double>();
      if (p.default_value < p.low || p.default_value > p.high)
        issues.push_back({at, fmt::format("a range holding the default {}", config::human_number(p.default_value)),
                          fmt::format("[{}, {}]", config::human_number(p.low), config::human_number(p.high)), {}});
      check_schema_limits(*node, p.low, at + "/low", issues);
      check_schema_limits(*node, p.high, at + "/high", issues);
    }
    out.ranged.push_back(std::move(p));
  }
  if (doc.contains("point")) {
    if (!doc["point"].is_array()) {
      issues.push_back({"/point", "an array of {\"pointer\", \"reason\"}", config::describe(doc["point"]), {}});
    } else {
      for (std::size_t i = 0; i < doc["point"].size(); ++i) {
        const json& e = doc["point"][i];
        const std::string at = config::join_path("/point", i);
        if (!e.is_object() || !e.contains("pointer") || !e["pointer"].is_string() || !e.contains("reason") ||
            !e["reason"].is_string() || e["reason"].get<std::string>().empty()) {
          issues.push_back({at, "{\"pointer\": text, \"reason\": text}", config::describe(e), {}});
          continue;
        }
        const std::string pointer = e["pointer"].get<std::string>();
        numeric_node(pointer, at + "/pointer", issues);
        if (doc["ranges"].contains(pointer)) issues.push_back({at + "/pointer", "a parameter without a range", "one ranged in /ranges", {}});
        out.point.push_back({pointer, e["reason"].get<std::string>()});
      }
    }
  }
  if (!issues.empty()) throw config::InputError(std::move(issues));
  return out;
}

const PlausibleRanges& plausible_ranges() {
  static const PlausibleRanges ranges = parse_ranges(json::parse(embedded::ranges_json));
  return ranges;
}

const RangedParameter* find_range(const std::string& pointer) {
  for (const auto& p : plausible_ranges().ranged)
    if (p.pointer == pointer) return &p;
  return nullptr;
}

std::vector<RangedParameter> select_ranged(const std::vector<std::string>& names) {
  const auto& all = plausible_ranges().ranged;
  if (names.empty()) return all;
  std::vector<RangedParameter> out;
  std::vector<std::string> known;
  for (const auto& p : all) known.push_back(p.name);
  for (const std::string& raw : names) {
    const RangedParameter* hit = nullptr;
    for (const auto& p : all) {
      std::string dotted = p.pointer.substr(1);
      for (auto& c : dotted) if (c == '/') c = '.';
      if (raw == p.pointer || raw == p.name || raw == dotted) hit = &p;
    }
    if (hit == nullptr) {
      const std::string near = config::nearest(raw, known);
      throw config::InputError("--params", "a parameter with a plausible range (scenarios/presets/ranges.json)",
                               fmt::format("\"{}\"", raw),
                               near.empty() ? std::string("linksim explain shows which parameters have a range") : fmt::format("did you mean \"{}\"?", near));
    }
    for (const auto& p : out)
      if (p.pointer == hit->pointer) throw config::InputError("--params", "each parameter once", fmt::format("\"{}\" twice", raw));
    out.push_back(*hit);
  }
  return out;
}

std::vector<sensitivity::Parameter> engine_parameters(std::span<const RangedParameter> parameters) {
  std::vector<sensitivity::Parameter> out;
  for (const auto& p : parameters) out.push_back({p.name, p.low, p.high, p.distribution});
  return out;
}

json values_patch(std::span<const RangedParameter> parameters, std::span<const double> values) {
  json patch = json::object();
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const json::json_pointer at(parameters[i].pointer);
    if (parameters[i].integer) patch[at] = static_cast<long long>(std::llround(values[i]));
    else patch[at] = values[i];
  }
  return patch;
}

std::string range_text(const RangedParameter& p) {
  return fmt::format("plausible {} to {}{}", config::human_number(p.low), config::human_number(p.high),
                     p.distribution == sensitivity::Distribution::kLogUniform ? ", log-uniform" : "");
}

nlohmann::json ranged_parameter_json(const RangedParameter& p) {
  return {{"name", p.name},
          {"pointer", p.pointer},
          {"low", p.low},
          {"high", p.high},
          {"distribution", p.distribution == sensitivity::Distribution::kLogUniform ? "log_uniform" : "uniform"},
          {"default", p.default_value},
          {"integer", p.integer},
          {"source", p.source}};
}

}  // namespace linksim::experiment
