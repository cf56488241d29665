#include "linksim/platform/param_schema.hpp"

#include <cmath>
#include <cstdint>

#include "linksim/platform/action.hpp"
#include "linksim/platform/plan.hpp"

namespace linksim::platform {

namespace {

// A bound as the schema file writes it: 1, not 1.0, for a whole number.
ParamSchema bound(double x) {
  if (std::floor(x) == x && std::fabs(x) < 9e15) return static_cast<std::int64_t>(x);
  return x;
}

ParamSchema numeric(const char* type, std::string_view description, const Bounds& b) {
  ParamSchema s = {{"type", type}};
  if (b.min) s["minimum"] = bound(*b.min);
  if (b.exclusive_min) s["exclusiveMinimum"] = bound(*b.exclusive_min);
  if (b.max) s["maximum"] = bound(*b.max);
  if (b.exclusive_max) s["exclusiveMaximum"] = bound(*b.exclusive_max);
  s["description"] = description;
  return s;
}

ParamSchema names(std::span<const std::string_view> spellings) {
  ParamSchema list = ParamSchema::array();
  for (auto n : spellings) list.push_back(n);
  return list;
}

}  // namespace

ParamSchema number_param(std::string_view description, Bounds b) { return numeric("number", description, b); }

ParamSchema integer_param(std::string_view description, Bounds b) { return numeric("integer", description, b); }

ParamSchema boolean_param(std::string_view description) { return {{"type", "boolean"}, {"description", description}}; }

ParamSchema choice_param(std::span<const std::string_view> spellings, std::string_view description) {
  return {{"type", "string"}, {"enum", names(spellings)}, {"description", description}};
}

ParamSchema actions_param(std::string_view description) {
  return {{"type", "array"},
          {"minItems", 1},
          {"items", {{"type", "string"}, {"enum", names(kActionNames)}}},
          {"description", description}};
}

ParamSchema plans_param(std::string_view description) {
  return {{"type", "array"}, {"items", {{"type", "string"}, {"enum", names(kPlanNames)}}}, {"description", description}};
}

ParamSchema number_list_param(std::string_view description, Bounds items) {
  ParamSchema item = numeric("number", "", items);
  item.erase("description");
  return {{"type", "array"}, {"minItems", 1}, {"items", item}, {"description", description}};
}

}  // namespace linksim::platform
