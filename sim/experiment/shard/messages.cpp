#include "experiment/shard/messages.hpp"

#include "experiment/shard/events.hpp"
#include "linksim/model/reply.hpp"

namespace linksim::experiment {

namespace {
/// Characters of a first message or follow-up, as the platform's message rules see it.
constexpr std::uint16_t kMessageChars = 500;
}  // namespace

void Messages::on_message(std::uint32_t id, std::uint32_t touch, Time now) {
  const Invite& inv = ctx_.invites[id];
  const std::uint32_t s = inv.sender;
  Sender& x = ctx_.senders[s];
  platform::Action a;
  a.kind = platform::ActionKind::kMessage;
  a.recipient = inv.target;
  a.chars = kMessageChars;
  const auto d = gw_.decide(a, s, now);
  if (!d.allowed()) {
    // Try again the next working morning (the daily message cap resets).
    ctx_.schedule(ctx_.next_morning(x, now), ev::kMessage, s, id, touch);
    return;
  }
  ++ctx_.stats[s].messages_sent;
  if (touch == 0) {
    auto& stat = ctx_.stats[s];
    ++(inv.origin == Origin::kInbound ? stat.inbound_messaged : inv.origin == Origin::kNetwork ? stat.network_messaged : stat.messages_first);
  }
  ctx_.effort(s, touch == 0 ? model::Action::kMessage : model::Action::kFollowUp);
  model::ReplyFeatures f;
  f.target_seniority = static_cast<std::uint8_t>(ctx_.world.seniority(inv.target));
  f.personalized = inv.personalized;
  f.mutual_connections = inv.mutual;
  f.warmup_touches = inv.warm_touches;
  f.inbound = inv.origin == Origin::kInbound;
  f.existing = inv.origin == Origin::kNetwork;
  f.accept_propensity = static_cast<float>(ctx_.world.accept_propensity(inv.target));
  f.activity = static_cast<float>(ctx_.world.activity(inv.target));
  core::Rng rng = ctx_.pair_rng(x.member, inv.target, streams::Pair::kMessageTouch, touch);
  const auto r = model::draw_reply(ctx_.plan.response.reply, f, touch, rng);
  if (r.replied) {
    ctx_.schedule(now + r.delay_seconds, ev::kReply, s, id);
  } else if (touch + 1 < static_cast<std::uint32_t>(x.strategy->followups.messages)) {
    ctx_.schedule(now + static_cast<Time>(x.strategy->followups.gap_days) * core::kDay, ev::kMessage, s, id, touch + 1);
  }
}

void Messages::on_reply(std::uint32_t s, std::uint32_t id, Time now) {
  const Invite& inv = ctx_.invites[id];
  gw_.observe(s, platform::OutcomeKind::kReplied, inv.target, inv.sent_at, now);
  funnel_.reply(s, inv.target, message_channel(inv.origin), false, now);
}

}  // namespace linksim::experiment
