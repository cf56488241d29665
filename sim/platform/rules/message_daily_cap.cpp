#include "linksim/platform/rules/message_daily_cap.hpp"

#include <fmt/format.h>

namespace linksim::platform {

MessageDailyCap::Params MessageDailyCap::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                           Issues& issues) {
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.finish();
  return {};
}

ParamSchema MessageDailyCap::Params::schema() {
  return ParamSchema::object();
}

// The cap differs per plan, so the window's own limit is only an upper bound.
MessageDailyCap::MessageDailyCap(const Params&, const SenderBook& book)
    : day_(UINT32_MAX, core::kDay, 0), sent_(book.size()) {}

RuleCheck MessageDailyCap::check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const {
  const PlanParams& plan = book.plan(s);
  if (a.chars > plan.message_chars) return RuleCheck::deny(Notice::kMessageTooLong, core::kNever);
  if (day_.used(sent_[s], now) < plan.daily_message_cap) return RuleCheck::pass();
  return RuleCheck::deny(Notice::kDailyLimit, core::start_of_day(now) + core::kDay);
}

void MessageDailyCap::commit(const Action&, SenderId s, core::Time now, Context&) { day_.commit(sent_[s], now); }

std::string MessageDailyCap::describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const {
  const PlanParams& plan = book.plan(s);
  if (a.chars > plan.message_chars)
    return fmt::format("message of {} characters is longer than {}", a.chars, plan.message_chars);
  return fmt::format("{} messages today (cap {})", day_.used(sent_[s], now), plan.daily_message_cap);
}

}  // namespace linksim::platform
