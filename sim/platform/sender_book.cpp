#include "linksim/platform/sender_book.hpp"

namespace linksim::platform {

SenderBook::SenderBook(const PlanTable& plan_table, std::span<const PlanId> sender_plans)
    : plans(plan_table),
      plan_of(sender_plans.begin(), sender_plans.end()),
      pending(sender_plans.size(), 0),
      connections(sender_plans.size(), 0),
      cap_percent(sender_plans.size(), 100) {}

}  // namespace linksim::platform
