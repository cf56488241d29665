// Per-sender state shared by the rules, in flat vectors indexed by SenderId: plan, pending
// invitations, connections, personal cap. Rules keep their own state the same way.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "linksim/platform/action.hpp"
#include "linksim/platform/plan.hpp"

namespace linksim::platform {

struct SenderBook {
  SenderBook(const PlanTable& plans, std::span<const PlanId> sender_plans);

  std::size_t size() const { return plan_of.size(); }
  const PlanParams& plan(SenderId s) const { return plans[static_cast<std::size_t>(plan_of[s])]; }
  /// The sender's weekly invitation cap now: the plan's, lowered by cap_percent, at least 1.
  std::uint32_t weekly_cap(SenderId s) const {
    const std::uint32_t cap = plan(s).weekly_invite_cap * cap_percent[s] / 100;
    return cap < 1 ? 1 : cap;
  }

  PlanTable plans;
  std::vector<PlanId> plan_of;
  std::vector<std::uint32_t> pending;       ///< invitations sent and not yet accepted, declined or withdrawn
  std::vector<std::uint32_t> connections;   ///< first-degree connections
  std::vector<std::uint8_t> cap_percent;    ///< personal weekly cap as % of the plan's (acceptance floor lowers it)
};

}  // namespace linksim::platform
