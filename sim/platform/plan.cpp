#include "linksim/platform/plan.hpp"

#include <string>

#include <fmt/format.h>

namespace linksim::platform {

PlanId plan_from_name(std::string_view name, const std::string& path) {
  std::vector<std::string> names;
  std::string list;
  for (std::size_t i = 0; i < kPlanCount; ++i) {
    if (kPlanNames[i] == name) return static_cast<PlanId>(i);
    names.emplace_back(kPlanNames[i]);
    list += (i ? ", " : "") + names.back();
  }
  const std::string near = config::nearest(std::string(name), names);
  // fmt rather than `"\"" + std::string(name)`: inlined into a unity batch, GCC 12 at -O3 reports
  // that string concatenation as a -Wrestrict overlap (a known false positive of GCC 12 on std::string).
  throw config::InputError(path, "one of the plans " + list, fmt::format("\"{}\"", name),
                           near.empty() ? std::string() : fmt::format("did you mean \"{}\"?", near));
}

PlanParams PlanParams::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  PlanParams p;
  ParamReader r(j, path, issues);
  r.get("weekly_invite_cap", p.weekly_invite_cap);
  r.get("note_chars", p.note_chars);
  r.get("notes_per_month", p.notes_per_month);
  r.get("inmail_credits_per_month", p.inmail_credits_per_month);
  r.get("inmail_accrual_cap", p.inmail_accrual_cap);
  r.get("daily_message_cap", p.daily_message_cap);
  r.get("message_chars", p.message_chars);
  r.get("price_usd_per_month", p.price_usd_per_month);
  r.get("price_date", p.price_date);
  r.get("search_filter_precision", p.search_filter_precision);
  r.get("teamlink", p.teamlink);
  r.finish();
  return p;
}

void PlanParams::validate(const std::string& path, Issues& issues) const {
  expect(issues, weekly_invite_cap >= 1 && weekly_invite_cap <= 100000, path, "weekly_invite_cap",
         "an integer in [1, 100000]", std::to_string(weekly_invite_cap));
  expect(issues, note_chars <= 65535, path, "note_chars", "<= 65535", std::to_string(note_chars));
  expect(issues, notes_per_month >= -1, path, "notes_per_month", ">= 0, or -1 for unlimited",
         std::to_string(notes_per_month));
  expect(issues, inmail_accrual_cap >= inmail_credits_per_month, path, "inmail_accrual_cap",
         ">= inmail_credits_per_month (" + std::to_string(inmail_credits_per_month) + ")",
         std::to_string(inmail_accrual_cap));
  expect(issues, daily_message_cap >= 1, path, "daily_message_cap", ">= 1", std::to_string(daily_message_cap));
  expect(issues, message_chars >= 1 && message_chars <= 65535, path, "message_chars", "an integer in [1, 65535]",
         std::to_string(message_chars));
  expect(issues, price_usd_per_month >= 0.0, path, "price_usd_per_month", ">= 0", num(price_usd_per_month));
  expect(issues, search_filter_precision > 0.0 && search_filter_precision <= 1.0, path, "search_filter_precision",
         "a share in (0, 1]", num(search_filter_precision));
}

}  // namespace linksim::platform
