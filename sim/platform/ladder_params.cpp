// Reading and checking the escalation ladder's parameters.
#include <string>

#include "linksim/platform/ladder.hpp"

namespace linksim::platform {

LadderParams LadderParams::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  LadderParams p;
  ParamReader r(j, path, issues);
  r.get("enabled", p.enabled);
  r.get("several_per_day", p.several_per_day);
  r.get_duration("strike_memory_days", core::kDay, p.strike_memory);
  r.allow("steps");
  r.finish();
  if (!j.is_object() || !j.contains("steps")) {
    issues.push_back({path + "/steps", "an object with the ladder's steps", "nothing", {}});
    return p;
  }
  const std::string steps_path = path + "/steps";
  ParamReader sr(j.at("steps"), steps_path, issues);
  for (std::size_t i = 0; i < kSteps; ++i) {
    const std::string name(kStepNames[i]);
    sr.allow(name);
    if (!j.at("steps").is_object() || !j.at("steps").contains(name)) {
      issues.push_back({steps_path + "/" + name, "the step's hours and blocks", "nothing", {}});
      continue;
    }
    ParamReader step(j.at("steps").at(name), steps_path + "/" + name, issues);
    if (i + 1 < kSteps) step.get_duration("hours", core::kHour, p.steps[i].duration);
    step.get_actions("blocks", p.steps[i].blocks);
    step.finish();
  }
  sr.finish();
  return p;
}

void LadderParams::validate(const std::string& path, Issues& issues) const {
  expect(issues, several_per_day >= 2 && several_per_day <= 50, path, "several_per_day", "an integer in [2, 50]",
         std::to_string(several_per_day));
  expect(issues, strike_memory > 0, path, "strike_memory_days", "> 0", in_units(strike_memory, core::kDay));
  for (std::size_t i = 0; i + 1 < kSteps; ++i)
    expect(issues, steps[i].duration >= 0, path + "/steps/" + std::string(kStepNames[i]), "hours", ">= 0",
           in_units(steps[i].duration, core::kHour));
  expect(issues, steps[kSteps - 1].blocks != 0, path + "/steps/suspension", "blocks", "at least one action",
         "an empty list");
  // Only an invitation can carry the recipient's email address.
  const std::uint32_t email = steps[static_cast<std::size_t>(Step::kEmailRequired)].blocks;
  expect(issues, (email & ~action_bit(ActionKind::kInvite)) == 0, path + "/steps/email_required", "blocks",
         "[] or [\"invite\"] (only invitations can carry the recipient's email)", "another action");
}

}  // namespace linksim::platform
