#include "experiment/shard/shard_loop.hpp"

#include <algorithm>

#include "experiment/shard/events.hpp"

namespace linksim::experiment {

using core::kDay;

namespace {
/// Plans are billed monthly (list prices per month); a run charges one month every 30 days.
constexpr int kBillingDays = 30;
}  // namespace

ShardLoop::ShardLoop(const ReplicationInput& in, const ArmPlan& plan, std::span<const SenderSeat> seats, unsigned shard,
                     unsigned shards)
    : ctx_(in, plan, seats, shard, shards),
      gateway_(ctx_),
      funnel_(ctx_),
      invitations_(ctx_, gateway_),
      messages_(ctx_, gateway_, funnel_),
      inmail_(ctx_, gateway_, funnel_),
      email_(ctx_, funnel_),
      content_(ctx_, gateway_),
      network_(ctx_),
      recorder_(ctx_, gateway_) {}

ShardOut ShardLoop::run() {
  ctx_.sim.every(0, kDay, ev::kDayStart);
  ctx_.sim.every(kDay - 1, kDay, ev::kDayEnd);
  ctx_.sim.run_until(ctx_.last, [this](const core::Event& e) { dispatch(e); });
  // The day-start and day-end ticks run in every shard; they are counted once (by shard 0).
  return recorder_.finish(static_cast<double>(ctx_.sim.processed() - (ctx_.shard == 0 ? 0 : day_ticks_)));
}

void ShardLoop::dispatch(const core::Event& e) {
  switch (e.kind) {
    case ev::kDayStart: ++day_ticks_; day_start(e.time); break;
    case ev::kDayEnd: ++day_ticks_; day_end(e.time); break;
    case ev::kInviteWake: invitations_.on_wake(e.a, e.time); break;
    case ev::kWarmInvite: invitations_.on_warm(e.a, e.b, e.c != 0, e.time); break;
    case ev::kSeen: invitations_.on_seen(e.b, e.time); break;
    case ev::kResolve: invitations_.on_resolve(e.b, e.time); break;
    case ev::kMessage: messages_.on_message(e.b, e.c, e.time); break;
    case ev::kReply: messages_.on_reply(e.a, e.b, e.time); break;
    case ev::kInmailWake: inmail_.on_wake(e.a, e.time); break;
    case ev::kInmailAnswer: inmail_.on_answer(e.b, e.time); break;
    case ev::kEmailWake: email_.on_wake(e.a, e.time); break;
    case ev::kEmailTouch: email_.on_touch(e.b, e.c, e.time); break;
    case ev::kEmailReply: email_.on_reply(e.b, e.time); break;
    case ev::kPost: content_.on_post(e.a, e.time); break;
    case ev::kInbound: content_.on_inbound(e.a, e.b, e.c, e.time); break;
    case ev::kNetworkWake: network_.on_wake(e.a, e.time); break;
    default: break;
  }
}

void ShardLoop::day_start(Time now) {
  const int day = static_cast<int>(core::day_of(now));
  const bool weekday = !core::is_weekend(now);
  for (std::uint32_t s = 0; s < ctx_.senders.size(); ++s) {
    Sender& x = ctx_.senders[s];
    invitations_.new_day(s, now);
    email_.new_day(s);
    inmail_.new_day(s, now);
    // The plan's subscription, for the month ahead (or what is left of the horizon).
    if (day % kBillingDays == 0) {
      const auto& plan = ctx_.plan.platform.plans[static_cast<std::size_t>(x.plan)];
      ctx_.stats[s].cost_usd += plan.price_usd_per_month * std::min(kBillingDays, ctx_.horizon - day) / static_cast<double>(kBillingDays);
    }
    const bool working_hours = x.strategy->invites.working_hours;
    if (!weekday && working_hours) continue;
    invitations_.plan_day(s, now, working_hours ? ShardContext::window_open(now) : now, day);
    if (!weekday) continue;
    inmail_.plan_day(s, now);
    email_.plan_day(s, now);
    content_.plan_day(s, now);
    network_.plan_day(s, now);
  }
}

void ShardLoop::day_end(Time now) {
  const Time day = core::start_of_day(now);
  recorder_.open_day();
  for (std::uint32_t s = 0; s < ctx_.senders.size(); ++s) {
    recorder_.end_day(s, day);
    email_.end_day(s);
  }
}

}  // namespace linksim::experiment
