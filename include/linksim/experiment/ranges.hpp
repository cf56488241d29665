// Plausible ranges of the model's uncertain parameters (scenarios/presets/ranges.json, embedded):
// parsed and checked against the scenario schema, selected by name, applied as merge patches.
#pragma once
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/experiment/sensitivity.hpp"

namespace linksim::experiment {

/// One parameter with a plausible range.
struct RangedParameter {
  std::string pointer;  ///< JSON Pointer into a scenario, e.g. "/world/response/invite/accept/intercept"
  /// The pointer without "/world/response/", "/world/attributes/" or "/world/", with dots:
  /// "invite.accept.intercept", "activity.dormant_share". Unique.
  std::string name;
  double low = 0.0;
  double high = 1.0;
  sensitivity::Distribution distribution = sensitivity::Distribution::kUniform;
  std::string source;            ///< why this range
  bool integer = false;          ///< the schema's type is integer: sampled values are rounded
  double default_value = 0.0;    ///< the schema's default
};

/// A parameter whose source is an assumption or judgement but that is kept at its value.
struct PointParameter {
  std::string pointer;
  std::string reason;
};

struct PlausibleRanges {
  std::vector<RangedParameter> ranged;  ///< in the document's order
  std::vector<PointParameter> point;
};

/// Parses a ranges document ({"ranges": {pointer: {low, high, distribution, source}}, "point":
/// [{pointer, reason}]}) and checks it against the scenario schema: every pointer names a number
/// with a numeric default, low < high, the default and both bounds inside the schema's limits and
/// [low, high], log_uniform with low > 0, no pointer both ranged and point. Throws
/// config::InputError listing every problem, with paths inside the document.
PlausibleRanges parse_ranges(const nlohmann::json& doc);

/// The built-in ranges (scenarios/presets/ranges.json), parsed once.
const PlausibleRanges& plausible_ranges();

/// The built-in range of the parameter at `pointer`, or null.
const RangedParameter* find_range(const std::string& pointer);

/// The parameters `names` asks for (each a pointer, a short name or a dotted scenario path such
/// as world.response.invite.accept.intercept), in the order given; all of them when `names` is
/// empty. An unknown or repeated name is a config::InputError at "--params".
std::vector<RangedParameter> select_ranged(const std::vector<std::string>& names);

/// A parameter as the outputs of `sensitivity` and `robustness` list it: name, pointer, low, high,
/// distribution, default, integer, source.
nlohmann::json ranged_parameter_json(const RangedParameter& p);

/// The engine's view of the parameters (name, low, high, distribution).
std::vector<sensitivity::Parameter> engine_parameters(std::span<const RangedParameter> parameters);

/// One merge patch setting parameter i to values[i] (rounded for integer parameters).
nlohmann::json values_patch(std::span<const RangedParameter> parameters, std::span<const double> values);

/// "plausible 0-0.6" or "plausible 0.001-0.01, log-uniform": the range as `linksim explain` shows it.
std::string range_text(const RangedParameter& parameter);

}  // namespace linksim::experiment
