// The scenario's `platform` section: a preset (scenarios/presets/platform/*.json, embedded in the
// binary) with the scenario's overrides merged over it (RFC 7386), checked, and with the source
// of every value kept for `linksim explain`.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/ladder.hpp"
#include "linksim/platform/plan.hpp"
#include "linksim/platform/rule_factory.hpp"
#include "linksim/platform/rules/limiter_rule.hpp"

namespace linksim::platform {

struct PlatformParams {
  std::string preset;
  PlanTable plans{};
  std::vector<RuleSpec> rules;  ///< the enabled rules (preset ⊕ scenario, parsed), in the order of rule_names()
  std::vector<LimiterParams> limiters;
  LadderParams ladder;
  nlohmann::json effective;     ///< the whole effective section, for explain
  std::map<std::string, std::string> sources;  ///< JSON pointer inside the section → where its value comes from

  /// Where the value at `pointer` (e.g. "/plans/free/weekly_invite_cap") comes from.
  std::string source_of(const std::string& pointer) const;
  /// Whether an enabled rule keeps state per member across senders (RuleSpec::member_view): its
  /// Policy must then see every sender, so the senders cannot be split into independent shards.
  bool needs_member_view() const;
};

/// The names of the presets ("linkedin_2025", "linkedin_pre_2021").
std::vector<std::string> platform_preset_names();
/// A preset as embedded (name, description, platform, sources), with a preset that "extends"
/// another resolved: its platform merged over the base's, its sources over the base's.
const nlohmann::json& platform_preset(std::string_view name);

/// Builds the parameters from a scenario's `platform` section found at `path` ("/platform").
/// Throws config::InputError listing every issue (unknown preset, plan or rule names with the valid
/// ones, bad values with their JSON path).
PlatformParams platform_params_from_json(const nlohmann::json& platform, const std::string& path);

}  // namespace linksim::platform
