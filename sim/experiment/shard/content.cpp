#include "experiment/shard/content.hpp"

#include <algorithm>
#include <cmath>

#include "experiment/shard/events.hpp"

namespace linksim::experiment {

ContentChannel::ContentChannel(ShardContext& ctx, PlatformGateway& gateway) : ctx_(ctx), gw_(gateway) {
  graph_ = model::ContentGraph{ctx.world.row_offsets(), ctx.world.targets(),
                               {},  // affinity: filled on the first post
                               {ctx.world.members().activity.data(), ctx.world.members().activity.size()},
                               {}};
}

void ContentChannel::plan_day(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  const double per_week = x.strategy->content.posts_per_week;
  if (per_week <= 0) return;
  // Posts spread over the working week: the expected count per weekday is posts/5.
  const double per_day = per_week / 5.0;
  const auto posts = static_cast<int>(std::floor(per_day)) + (core::uniform01(x.rng) < per_day - std::floor(per_day) ? 1 : 0);
  for (int p = 0; p < posts; ++p) ctx_.schedule(ShardContext::window_open(now) + ctx_.jitter(x, ShardContext::kPostSpread), ev::kPost, s);
}

/// The world's content_affinity is a member's probability of engaging with a post they see
/// (median 2%, docs/graph.md); the content model multiplies its own base engagement_rate by an
/// affinity in [0, 1]. Passing affinity = content_affinity / engagement_rate (at most 1) makes
/// a member's engagement probability on an ordinary post the world's figure, instead of
/// engagement_rate times it (which gave ~0.1% engagement and no inbound at all).
void ContentChannel::start() {
  const auto& a = ctx_.world.members().content_affinity;
  const double rate = ctx_.plan.response.content.engagement_rate;
  affinity_.resize(a.size());
  for (std::size_t v = 0; v < a.size(); ++v)
    affinity_[v] = rate > 0.0 ? static_cast<float>(std::min(1.0, static_cast<double>(a[v]) / rate)) : a[v];
  graph_.affinity = {affinity_.data(), affinity_.size()};
  model_ = std::make_unique<model::ContentModel>(ctx_.plan.response.content);
}

/// The sender's audience at the first post: its connections, and its starting followers
/// (members who are not connections, uniformly over the world: followers come from anywhere).
void ContentChannel::start_audience(std::uint32_t s) {
  Sender& x = ctx_.senders[s];
  x.creator = std::make_unique<model::CreatorState>(x.member, graph_);
  core::Rng rng = streams::sender(ctx_.seed, ctx_.rep, streams::kFollowers, ctx_.ids[s]);
  const auto n = ctx_.world.num_members();
  const std::size_t want = std::min<std::size_t>(x.followers, n - 1 - x.creator->connections());
  // Members already connected or following are redrawn; bounded for a world nearly all audience.
  for (std::size_t tries = 0; x.creator->followers() < want && tries < 20 * want + 100; ++tries) {
    const std::uint32_t v = core::uniform_below(rng, n);
    if (v != x.member) x.creator->add_follower(v);
  }
}

void ContentChannel::on_post(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  if (!model_) start();
  if (!x.creator) start_audience(s);
  platform::Action a;
  a.kind = platform::ActionKind::kPost;
  if (!gw_.decide(a, s, now).allowed()) return;
  model::Post p;
  p.quality = 2.0 * x.strategy->content.quality;  // 0.5 is an ordinary post (multiplier 1)
  p.format = x.strategy->content.format;
  ctx_.effort(s, model::Action::kPost);
  core::Rng rng = streams::post(ctx_.seed, ctx_.rep, x.member, now);
  inbound_.clear();
  const auto out = model_->publish(*x.creator, graph_, p, now, rng, inbound_);
  ctx_.trace(s, now, -1, trace::Post{out.impressions, out.engagements, out.profile_views});
  for (const auto& e : inbound_)
    ctx_.schedule(now + e.delay_seconds, ev::kInbound, s, e.member, e.kind == model::InboundEvent::Kind::kInvite ? ev::kInvite : ev::kFollow);
}

void ContentChannel::on_inbound(std::uint32_t s, std::uint32_t member, std::uint32_t kind, Time now) {
  Sender& x = ctx_.senders[s];
  auto& stat = ctx_.stats[s];
  if (kind == ev::kFollow) {
    ++stat.followers;
    x.creator->add_follower(member);
    return;
  }
  // An inbound invitation: the sender accepts it; it uses none of the sender's quota.
  ++stat.inbound_requests;
  ++stat.connections_gained;
  x.creator->add_connection(member);
  ctx_.effort(s, model::Action::kAcceptInbound);
  gw_.observe(s, platform::OutcomeKind::kConnected, member, now, now);
  ctx_.trace(s, now, member, trace::InboundAccepted{});
}

}  // namespace linksim::experiment
