#include "experiment/shard/gateway.hpp"

#include <algorithm>

namespace linksim::experiment {

PlatformGateway::PlatformGateway(ShardContext& ctx)
    : ctx_(ctx), policy_(std::make_unique<platform::Policy>(ctx.plan.platform, ctx.plans)) {
  for (std::size_t s = 0; s < ctx.senders.size(); ++s)
    policy_->senders().connections[s] = ctx.senders[s].new_account ? 0 : ctx.world.degree(ctx.senders[s].member);
}

void PlatformGateway::sync(std::size_t mark) {
  const auto& log = policy_->transitions();
  for (std::size_t i = mark; i < log.size(); ++i) apply(log[i]);
}

void PlatformGateway::apply(const platform::Transition& t) {
  if (t.sender >= ctx_.senders.size()) return;
  ctx_.trace(t.sender, t.time, -1, [&] { return trace::Ladder{t.from, t.to, t.reason}; });
  if (t.effect == platform::Effect::kReinstatement) return;  // not a penalty
  auto& stat = ctx_.stats[t.sender];
  Sender& x = ctx_.senders[t.sender];
  if (t.effect == platform::Effect::kWarning) {
    ++stat.warnings;
  } else {
    ++stat.restrictions;
    x.first_restricted = std::min(x.first_restricted, t.time);
  }
  // Back off after any warning or restriction (what a careful user does).
  x.paused_until = std::max(x.paused_until, std::max(t.until == core::kNever ? t.time : t.until, t.time) +
                                                static_cast<Time>(x.strategy->invites.backoff_days) * core::kDay);
}

}  // namespace linksim::experiment
