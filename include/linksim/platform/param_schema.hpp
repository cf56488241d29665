// A rule's parameters described as JSON Schema, next to the code that reads them: each rule's
// Params::schema() lists its keys (except "enabled") with type, bounds and a description.
// tools/platform/write_schema.py builds scenarios/schema.json's $defs/platform_rule_* from these
// (through `linksim rules --json`), adding each key's preset default and source as $comment.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

namespace linksim::platform {

/// Keys in the order written (ordered_json keeps insertion order, as the schema file shows them).
using ParamSchema = nlohmann::ordered_json;

/// JSON Schema bounds of a number (unset: none), written Bounds().at_least(1).at_most(100).
struct Bounds {
  std::optional<double> min, exclusive_min, max, exclusive_max;
  Bounds& at_least(double x) { return min = x, *this; }
  Bounds& above(double x) { return exclusive_min = x, *this; }
  Bounds& at_most(double x) { return max = x, *this; }
  Bounds& below(double x) { return exclusive_max = x, *this; }
};

ParamSchema number_param(std::string_view description, Bounds b = {});
ParamSchema integer_param(std::string_view description, Bounds b = {});
ParamSchema boolean_param(std::string_view description);
/// A string with a fixed set of spellings (a Choice).
ParamSchema choice_param(std::span<const std::string_view> spellings, std::string_view description);
/// A non-empty list of action names (ParamReader::get_actions).
ParamSchema actions_param(std::string_view description);
/// A list of plan names.
ParamSchema plans_param(std::string_view description);
/// A non-empty list of numbers within `items`.
ParamSchema number_list_param(std::string_view description, Bounds items);

}  // namespace linksim::platform
