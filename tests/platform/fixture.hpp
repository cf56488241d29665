// Helpers for the platform tests: the linkedin_2025 preset with only some rules on, and actions.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/params.hpp"
#include "linksim/platform/policy.hpp"
#include "linksim/platform/rule_factory.hpp"

namespace linksim::test {

using namespace linksim::platform;
using core::kDay;
using core::kHour;
using core::kMinute;
using core::kWeek;
using nlohmann::json;

/// linkedin_2025 with only the rules in `on` enabled, then `patch` merged over the section.
inline PlatformParams params_with(const std::vector<std::string>& on, const json& patch = json::object()) {
  json section = {{"rules", json::object()}};
  for (auto n : rule_names())
    section["rules"][std::string(n)]["enabled"] = std::find(on.begin(), on.end(), std::string(n)) != on.end();
  section.merge_patch(patch);
  return platform_params_from_json(section, "/platform");
}

inline Action invite(MemberId to, std::uint16_t note = 0, bool personalized = false) {
  Action a;
  a.kind = ActionKind::kInvite;
  a.recipient = to;
  a.chars = note;
  a.personalized = personalized;
  return a;
}
inline Action act(ActionKind k, MemberId to = 0, std::uint16_t chars = 0) {
  Action a;
  a.kind = k;
  a.recipient = to;
  a.chars = chars;
  return a;
}
inline Outcome outcome(OutcomeKind k, MemberId other, core::Time sent_at) { return Outcome{k, other, sent_at}; }

/// Every issue platform_params_from_json reports for `section` (none when it parses).
inline std::vector<config::Issue> issues_of(const json& section) {
  try {
    platform_params_from_json(section, "/platform");
  } catch (const config::InputError& e) {
    return e.issues();
  }
  return {};
}

/// Builds a one-sender book on `plan` (for constructing rules directly).
inline SenderBook book_of(PlanId plan = PlanId::kFree, std::size_t senders = 1) {
  static const PlatformParams preset = platform_params_from_json(json::object(), "/platform");
  const std::vector<PlanId> plans(senders, plan);
  return SenderBook(preset.plans, plans);
}

}  // namespace linksim::test
