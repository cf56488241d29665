#include "experiment/shard/gateway.hpp"

#include <algorithm>
#include <vector>

#include "experiment/shard/adaptation.hpp"

namespace linksim::experiment {

namespace {

std::uint32_t accounts_of(const ShardContext& ctx) {
  int most = 0;
  for (const Sender& x : ctx.senders) most = std::max(most, x.strategy->adapt.rotate_accounts);
  return 1 + static_cast<std::uint32_t>(most);
}

/// Each sender's plan, once per account (a fresh account is opened on the same plan).
std::vector<platform::PlanId> account_plans(const ShardContext& ctx, std::uint32_t accounts) {
  std::vector<platform::PlanId> plans;
  plans.reserve(ctx.plans.size() * accounts);
  for (std::uint32_t k = 0; k < accounts; ++k) plans.insert(plans.end(), ctx.plans.begin(), ctx.plans.end());
  return plans;
}

}  // namespace

PlatformGateway::PlatformGateway(ShardContext& ctx)
    : accounts_(accounts_of(ctx)),
      ctx_(ctx),
      policy_(std::make_unique<platform::Policy>(ctx.plan.platform, account_plans(ctx, accounts_))) {
  // Only the original accounts have a network; a rotated-to account starts with none.
  for (std::size_t s = 0; s < ctx.senders.size(); ++s)
    policy_->senders().connections[s] = ctx.senders[s].new_account ? 0 : ctx.world.degree(ctx.senders[s].member);
}

void PlatformGateway::sync(std::size_t mark) {
  const auto& log = policy_->transitions();
  for (std::size_t i = mark; i < log.size(); ++i) apply(log[i]);
}

void PlatformGateway::apply(const platform::Transition& t) {
  const auto n = static_cast<std::uint32_t>(ctx_.senders.size());
  if (t.sender >= n * accounts_) return;
  const std::uint32_t s = t.sender % n;
  ctx_.trace(s, t.time, -1, [&] { return trace::Ladder{t.from, t.to, t.reason}; });
  if (t.effect == platform::Effect::kReinstatement) return;  // not a penalty
  auto& stat = ctx_.stats[s];
  Sender& x = ctx_.senders[s];
  if (t.effect == platform::Effect::kWarning) {
    ++stat.warnings;
  } else {
    ++stat.restrictions;
    x.first_restricted = std::min(x.first_restricted, t.time);
  }
  // An account the sender has already abandoned: its penalties are counted, nothing more.
  if (t.sender / n != x.account) return;
  // Back off after any warning or restriction (what a careful user does).
  x.paused_until = std::max(x.paused_until, std::max(t.until == core::kNever ? t.time : t.until, t.time) +
                                                static_cast<Time>(x.strategy->invites.backoff_days) * core::kDay);
  adaptation::on_penalty(x, t, accounts_);
}

}  // namespace linksim::experiment
