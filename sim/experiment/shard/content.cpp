#include "experiment/shard/content.hpp"

#include <algorithm>
#include <cmath>

#include "experiment/shard/events.hpp"
#include "linksim/model/inbound_sources.hpp"

namespace linksim::experiment {

ContentChannel::ContentChannel(ShardContext& ctx, PlatformGateway& gateway) : ctx_(ctx), gw_(gateway) {
  graph_ = model::ContentGraph{ctx.world.row_offsets(), ctx.world.targets(),
                               {},  // affinity: filled on the first post
                               {ctx.world.members().activity.data(), ctx.world.members().activity.size()},
                               {}};
}

void ContentChannel::plan_day(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  inbound_sources(s, now);
  const double per_week = x.strategy->content.posts_per_week;
  if (per_week <= 0) return;
  // Posts spread over the working week: the expected count per weekday is posts/5.
  const double per_day = per_week / 5.0;
  const auto posts = static_cast<int>(std::floor(per_day)) + (core::uniform01(x.rng) < per_day - std::floor(per_day) ? 1 : 0);
  for (int p = 0; p < posts; ++p) ctx_.schedule(ShardContext::window_open(now) + ctx_.jitter(x, ShardContext::kPostSpread), ev::kPost, s);
}

/// Groups, events, newsletter and company page: a working day's Poisson share (a fifth of a week)
/// of inbound invitations and follows from members drawn uniformly among those not yet connected
/// to the sender, following or inviting. Draws come from the sender's own daily stream, so a
/// sender without these sources draws nothing and every other stream is unchanged.
void ContentChannel::inbound_sources(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  const auto& c = x.strategy->content;
  if (c.groups <= 0 && c.events_per_month <= 0 && c.newsletter_subscribers <= 0 && c.company_page_followers <= 0) return;
  constexpr double kWeeks = 1.0 / 5.0;  // one working day
  const model::InboundActivity a{c.groups, c.events_per_month * 12.0 / 52.0 * kWeeks, c.newsletter_subscribers,
                                 c.company_page_followers};
  const auto& p = ctx_.plan.response.content.inbound;
  core::Rng rng = streams::inbound_sources(ctx_.seed, ctx_.rep, x.member, core::day_of(now));
  const std::uint64_t invites = model::draw_inbound_invites(p, a, kWeeks, rng);
  const std::uint64_t follows = model::draw_inbound_follows(p, a, kWeeks, rng);
  if (invites + follows == 0) return;
  if (!model_) start();
  if (!x.creator) start_audience(s);  // the same audience, starting followers included, as a first post
  const std::uint32_t n = graph_.members();
  for (std::uint64_t i = 0; i < invites + follows; ++i) {
    const bool invite = i < invites;
    // A few tries for a member who is still a stranger (always one in a world of any size).
    for (int tries = 0; tries < 8; ++tries) {
      const auto v = static_cast<std::uint32_t>(std::min<double>(n - 1, core::uniform01(rng) * n));
      const model::Relation rel = x.creator->relation(v);
      if (v == x.member || rel == model::Relation::kConnection || rel == model::Relation::kInvited ||
          (!invite && rel == model::Relation::kFollower))
        continue;
      const Time at = ShardContext::window_open(now) + static_cast<Time>(core::uniform01(rng) * ShardContext::kPostSpread);
      if (invite) x.creator->add_inviter(v);
      else x.creator->add_follower(v);
      ctx_.schedule(at, ev::kInbound, s, v, invite ? ev::kInvite : ev::kFollow);
      break;
    }
  }
}

/// The world's content_affinity is a member's probability of engaging with a post they see
/// (median 2%, docs/graph.md); model::engagement_affinity rescales it so that the content model's
/// engagement_rate × affinity is that figure, instead of engagement_rate times it (which gave
/// ~0.1% engagement and no inbound at all).
void ContentChannel::start() {
  const auto& a = ctx_.world.members().content_affinity;
  affinity_ = model::engagement_affinity({a.data(), a.size()}, ctx_.plan.response.content.engagement_rate);
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
  p.follow_first = x.strategy->content.follow_first;
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
  // The new connection gets the same message sequence as an accepted invitation (followups),
  // answered with the reply model's inbound term: content's way into the funnel.
  if (x.strategy->followups.messages > 0)
    ctx_.schedule(now + core::kHour, ev::kMessage, s, ctx_.add_connection_record(s, member, now, Origin::kInbound), 0);
}

}  // namespace linksim::experiment
