// Account plans (free, Premium, Sales Navigator, Recruiter) and what each allows.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linksim/platform/param_reader.hpp"

namespace linksim::platform {

enum class PlanId : std::uint8_t {
  kFree,
  kPremiumCareer,
  kPremiumBusiness,
  kSalesNavCore,
  kSalesNavAdvanced,
  kRecruiterLite,
  kRecruiter,
};
inline constexpr std::size_t kPlanCount = 7;
inline constexpr std::array<std::string_view, kPlanCount> kPlanNames = {
    "free", "premium_career", "premium_business", "sales_nav_core", "sales_nav_advanced", "recruiter_lite",
    "recruiter"};
constexpr std::string_view plan_name(PlanId p) { return kPlanNames[static_cast<std::size_t>(p)]; }
/// The plan called `name`; throws config::InputError at `path` listing the valid names.
PlanId plan_from_name(std::string_view name, const std::string& path);

/// One plan's limits and features. Values come from a preset (scenarios/presets/platform/*.json),
/// where each carries its source; `linksim explain` prints them.
struct PlanParams {
  std::uint32_t weekly_invite_cap = 0;        ///< invitations per week (rolling or calendar, by rule)
  std::uint32_t note_chars = 0;               ///< max characters in an invitation note
  std::int32_t notes_per_month = -1;          ///< personalized notes per month; -1 = unlimited
  std::uint32_t inmail_credits_per_month = 0;
  std::uint32_t inmail_accrual_cap = 0;       ///< unused credits roll over up to this balance
  std::uint32_t daily_message_cap = 0;        ///< messages to first-degree connections per day
  std::uint32_t message_chars = 0;            ///< max characters in a message
  double price_usd_per_month = 0.0;           ///< list price, monthly billing
  std::string price_date;                     ///< when that list price was read ("2025-01")
  double search_filter_precision = 0.0;       ///< share of search results that match the target profile, (0, 1]
  bool teamlink = false;                      ///< warm paths through teammates' connections

  static PlanParams from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
  void validate(const std::string& path, Issues& issues) const;
};
using PlanTable = std::array<PlanParams, kPlanCount>;

}  // namespace linksim::platform
