#include "experiment/shard/funnel.hpp"

#include "linksim/model/funnel.hpp"

namespace linksim::experiment {

void Funnel::reply(std::uint32_t s, std::uint32_t target, ReplyChannel channel, bool interested, Time now) {
  auto& stat = ctx_.stats[s];
  ++stat.replies;
  core::Rng rng = ctx_.pair_rng(ctx_.senders[s].member, target, streams::Pair::kFunnel, static_cast<std::uint64_t>(channel));
  const auto f = model::draw_funnel(ctx_.plan.response.funnel, interested, rng);
  if (f.lead) ++stat.leads;
  if (f.meeting) ++stat.meetings;
  stat.pipeline_value += f.pipeline_usd;
  ctx_.trace(s, now, target, trace::Reply{channel, f.lead, f.meeting});
}

}  // namespace linksim::experiment
