#include "experiment/shard/funnel.hpp"

#include "linksim/model/funnel.hpp"

namespace linksim::experiment {

static_assert(static_cast<std::size_t>(ReplyChannel::kNetwork) + 1 == metrics::SenderStats::kChannels,
              "SenderStats keeps one funnel slot per reply channel");

void Funnel::reply(std::uint32_t s, std::uint32_t target, ReplyChannel channel, bool interested, Time now) {
  auto& stat = ctx_.stats[s];
  const auto c = static_cast<std::size_t>(channel);
  ++stat.replies;
  ++stat.channel_replies[c];
  core::Rng rng = ctx_.pair_rng(ctx_.senders[s].member, target, streams::Pair::kFunnel, static_cast<std::uint64_t>(channel));
  const auto f = model::draw_funnel(ctx_.plan.response.funnel, interested, rng);
  if (f.lead) ++stat.leads, ++stat.channel_leads[c];
  if (f.meeting) ++stat.meetings, ++stat.channel_meetings[c];
  stat.pipeline_value += f.pipeline_usd;
  ctx_.trace(s, now, target, trace::Reply{channel, f.lead, f.meeting});
}

void Funnel::reply_not_interested(std::uint32_t s, std::uint32_t target, Time now) {
  auto& stat = ctx_.stats[s];
  ++stat.replies;
  ++stat.channel_replies[static_cast<std::size_t>(ReplyChannel::kInMail)];
  ctx_.trace(s, now, target, trace::InmailDeclined{});
}

}  // namespace linksim::experiment
