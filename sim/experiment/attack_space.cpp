// The attacker's strategy space: parsing (scenarios/presets/attack_space.json or --space) and the
// map from a point of the unit cube to a strategy merge patch.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/experiment/attack.hpp"

namespace linksim::embedded {
extern const std::string_view attack_space_json;
}

namespace linksim::experiment::attack {

using nlohmann::json;

namespace {

// The cell of u among n equal cells of [0, 1].
std::size_t cell(double u, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(std::clamp(u, 0.0, 1.0) * static_cast<double>(n)));
}

double number_of(const json& spec, const std::string& path, const char* key) {
  if (!spec.contains(key)) throw config::InputError(path + "/" + key, "a number", "nothing");
  const json& v = spec[key];
  if (!v.is_number()) throw config::InputError(path + "/" + key, "a number", config::describe(v));
  return v.get<double>();
}

Dimension parse_dimension(const std::string& key, const json& spec, const std::string& path) {
  if (!spec.is_object()) throw config::InputError(path, "an object {type, ...}", config::describe(spec));
  for (const auto& [k, v] : spec.items())
    if (k != "type" && k != "low" && k != "high" && k != "scale" && k != "choices" && k != "why")
      throw config::InputError(path + "/" + k, "one of type, low, high, scale, choices, why", fmt::format("\"{}\"", k));
  Dimension d;
  d.key = key;
  if (key.empty() || key.front() == '.' || key.back() == '.' || key.find("..") != std::string::npos)
    throw config::InputError(path, "a strategy path with dots, such as \"invites.per_day\"", fmt::format("\"{}\"", key));
  const json type = spec.value("type", json());
  if (type == "integer") d.type = DimensionType::kInteger;
  else if (type == "number") d.type = DimensionType::kNumber;
  else if (type == "boolean") d.type = DimensionType::kBoolean;
  else if (type == "choice") d.type = DimensionType::kChoice;
  else throw config::InputError(path + "/type", "\"integer\", \"number\", \"boolean\" or \"choice\"", config::describe(type));
  d.why = spec.value("why", std::string());
  if (d.type == DimensionType::kInteger || d.type == DimensionType::kNumber) {
    d.low = number_of(spec, path, "low");
    d.high = number_of(spec, path, "high");
    if (!(d.low < d.high)) throw config::InputError(path + "/high", fmt::format("a number above low ({})", d.low), config::describe(spec["high"]));
    if (d.type == DimensionType::kInteger && (d.low != std::floor(d.low) || d.high != std::floor(d.high)))
      throw config::InputError(path, "whole numbers for low and high", fmt::format("{} and {}", d.low, d.high));
    const json scale = spec.value("scale", json("linear"));
    if (scale == "log") d.log_scale = true;
    else if (scale != "linear") throw config::InputError(path + "/scale", "\"linear\" or \"log\"", config::describe(scale));
    if (d.log_scale && d.low <= 0) throw config::InputError(path + "/low", "a number above 0 (log scale)", config::describe(spec["low"]));
  } else if (spec.contains("low") || spec.contains("high") || spec.contains("scale")) {
    throw config::InputError(path, "no low, high or scale for a boolean or a choice", config::describe(spec));
  }
  if (d.type == DimensionType::kChoice) {
    const json choices = spec.value("choices", json());
    if (!choices.is_array() || choices.size() < 2)
      throw config::InputError(path + "/choices", "an array of at least two values", config::describe(choices));
    d.choices.assign(choices.begin(), choices.end());
  } else if (spec.contains("choices")) {
    throw config::InputError(path + "/choices", "choices only with type \"choice\"", config::describe(spec["choices"]));
  }
  return d;
}

}  // namespace

json Dimension::value(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  switch (type) {
    case DimensionType::kBoolean:
      return u >= 0.5;
    case DimensionType::kChoice:
      return choices[cell(u, choices.size())];
    case DimensionType::kNumber:
      return log_scale ? std::exp(std::log(low) + u * (std::log(high) - std::log(low))) : low + u * (high - low);
    case DimensionType::kInteger: {
      if (!log_scale) return static_cast<long long>(low) + static_cast<long long>(cell(u, static_cast<std::size_t>(high - low) + 1));
      // Equal cells of log(value) over [log(low), log(high + 1)): every integer is reachable.
      const double v = std::floor(std::exp(std::log(low) + u * (std::log(high + 1) - std::log(low))));
      return static_cast<long long>(std::clamp(v, low, high));
    }
  }
  return nullptr;
}

double Dimension::coordinate(const json& v) const {
  const auto middle = [](std::size_t i, std::size_t n) { return (static_cast<double>(i) + 0.5) / static_cast<double>(n); };
  switch (type) {
    case DimensionType::kBoolean:
      return v.is_boolean() && v.get<bool>() ? 0.75 : 0.25;
    case DimensionType::kChoice: {
      std::size_t best = 0, best_score = 0;
      for (std::size_t i = 0; i < choices.size(); ++i) {
        std::size_t score = 0;
        if (choices[i].is_object() && v.is_object()) {
          for (const auto& [k, c] : choices[i].items()) score += v.contains(k) && v[k] == c ? 1 : 0;
        } else {
          score = choices[i] == v ? 1 : 0;
        }
        if (score > best_score) best = i, best_score = score;
      }
      return middle(best, choices.size());
    }
    case DimensionType::kNumber: {
      const double x = std::clamp(v.is_number() ? v.get<double>() : low, low, high);
      return log_scale ? (std::log(x) - std::log(low)) / (std::log(high) - std::log(low)) : (x - low) / (high - low);
    }
    case DimensionType::kInteger: {
      const double x = std::clamp(v.is_number() ? std::round(v.get<double>()) : low, low, high);
      if (!log_scale) return middle(static_cast<std::size_t>(x - low), static_cast<std::size_t>(high - low) + 1);
      // value(u) floors exp(...): u at x + 0.5 lands inside x's cell.
      return std::clamp((std::log(x + 0.5) - std::log(low)) / (std::log(high + 1) - std::log(low)), 0.0, 1.0);
    }
  }
  return 0.0;
}

std::vector<double> point_of(const Space& space, const json& strategy) {
  std::vector<double> u;
  for (const Dimension& d : space.dimensions) {
    const json* node = &strategy;
    std::size_t from = 0;
    for (std::size_t dot; node != nullptr && (dot = d.key.find('.', from)) != std::string::npos; from = dot + 1) {
      const std::string part = d.key.substr(from, dot - from);
      node = node->is_object() && node->contains(part) ? &(*node)[part] : nullptr;
    }
    const std::string last = d.key.substr(from);
    const bool found = node != nullptr && node->is_object() && node->contains(last);
    u.push_back(d.coordinate(found ? (*node)[last] : json()));
  }
  return u;
}

Space parse_space(const json& doc, const std::string& origin) {
  const std::string root = origin.empty() ? "" : origin + ":";
  if (!doc.is_object() || !doc.contains("dimensions") || !doc["dimensions"].is_object())
    throw config::InputError(root + "/dimensions", "an object of strategy keys", doc.is_object() && doc.contains("dimensions") ? config::describe(doc["dimensions"]) : "nothing");
  for (const auto& [k, v] : doc.items())
    if (k != "about" && k != "dimensions") throw config::InputError(root + "/" + k, "\"about\" or \"dimensions\"", fmt::format("\"{}\"", k));
  Space space;
  for (const auto& [key, spec] : doc["dimensions"].items())
    space.dimensions.push_back(parse_dimension(key, spec, root + "/dimensions/" + key));
  if (space.dimensions.empty()) throw config::InputError(root + "/dimensions", "at least one strategy key", "none");
  // A key inside another key's value: the outer one must be a choice of objects (merged).
  for (const Dimension& outer : space.dimensions)
    for (const Dimension& inner : space.dimensions)
      if (inner.key.starts_with(outer.key + ".") &&
          (outer.type != DimensionType::kChoice ||
           !std::all_of(outer.choices.begin(), outer.choices.end(), [](const json& c) { return c.is_object(); })))
        throw config::InputError(root + "/dimensions/" + outer.key, fmt::format("a choice of objects (\"{}\" sets a key inside it)", inner.key),
                                 config::describe(doc["dimensions"][outer.key]));
  return space;
}

const Space& default_space() {
  static const Space space = parse_space(json::parse(embedded::attack_space_json), "scenarios/presets/attack_space.json");
  return space;
}

json strategy_patch(const Space& space, std::span<const double> u) {
  json patch = json::object();
  for (std::size_t i = 0; i < space.dimensions.size(); ++i) {
    const Dimension& d = space.dimensions[i];
    json* node = &patch;
    std::size_t from = 0;
    for (std::size_t dot; (dot = d.key.find('.', from)) != std::string::npos; from = dot + 1)
      node = &(*node)[d.key.substr(from, dot - from)];
    json& slot = (*node)[d.key.substr(from)];
    const json v = d.value(u[i]);
    if (slot.is_object() && v.is_object()) slot.merge_patch(v);
    else slot = v;
  }
  return patch;
}

}  // namespace linksim::experiment::attack
