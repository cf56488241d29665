// Independent-cascade content model with audience fatigue. See docs/model.md "Content".
#include "linksim/model/content.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace linksim::model {

PostFormat post_format_from_name(const std::string& name, const std::string& path) {
  static const std::pair<const char*, PostFormat> kNames[] = {{"text", PostFormat::kText},
                                                              {"image", PostFormat::kImage},
                                                              {"video", PostFormat::kVideo},
                                                              {"carousel", PostFormat::kCarousel},
                                                              {"poll", PostFormat::kPoll}};
  std::vector<std::string> names;
  for (const auto& [n, f] : kNames) {
    if (name == n) return f;
    names.emplace_back(n);
  }
  const std::string close = config::nearest(name, names);
  throw config::InputError(path, "one of text, image, video, carousel, poll", config::describe(nlohmann::json(name)),
                       close.empty() ? std::string{} : "did you mean \"" + close + "\"?");
}

std::vector<float> engagement_affinity(std::span<const float> content_affinity, double engagement_rate) {
  std::vector<float> out(content_affinity.size());
  for (std::size_t v = 0; v < out.size(); ++v)
    out[v] = engagement_rate > 0.0 ? static_cast<float>(std::min(1.0, static_cast<double>(content_affinity[v]) / engagement_rate))
                                   : content_affinity[v];
  return out;
}

void ContentGraph::validate() const {
  std::vector<config::Issue> issues;
  const std::size_t n = offsets.empty() ? 0 : offsets.size() - 1;
  if (offsets.empty()) issues.push_back({"ContentGraph/offsets", "at least one entry (members + 1)", "an empty span", {}});
  else if (offsets.front() != 0 || offsets.back() != targets.size())
    issues.push_back({"ContentGraph/offsets", fmt::format("0 … {} (the number of arcs)", targets.size()),
                      fmt::format("{} … {}", offsets.front(), offsets.back()), {}});
  for (std::size_t v = 0; v + 1 < offsets.size(); ++v)
    if (offsets[v] > offsets[v + 1]) {
      issues.push_back({fmt::format("ContentGraph/offsets/{}", v + 1), "non-decreasing offsets",
                        fmt::format("{} after {}", offsets[v + 1], offsets[v]), {}});
      break;
    }
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i] >= n) {
      issues.push_back({fmt::format("ContentGraph/targets/{}", i), fmt::format("a member id below {}", n),
                        fmt::format("{}", targets[i]), {}});
      break;
    }
  if (affinity.size() != n) issues.push_back({"ContentGraph/affinity", fmt::format("{} values", n), fmt::format("{}", affinity.size()), {}});
  if (activity.size() != n) issues.push_back({"ContentGraph/activity", fmt::format("{} values", n), fmt::format("{}", activity.size()), {}});
  if (!fit.empty() && fit.size() != n) issues.push_back({"ContentGraph/fit", fmt::format("0 or {} values", n), fmt::format("{}", fit.size()), {}});
  throw_if_any(std::move(issues));
}

CreatorState::CreatorState(std::uint32_t author, const ContentGraph& graph) : author_(author) {
  graph.validate();
  if (author >= graph.members())
    throw config::InputError("CreatorState/author", fmt::format("a member id below {}", graph.members()), fmt::format("{}", author));
  relation_.assign(graph.members(), static_cast<std::uint8_t>(Relation::kNone));
  for (std::uint32_t i = graph.offsets[author]; i < graph.offsets[author + 1]; ++i) add_connection(graph.targets[i]);
}

void CreatorState::join(std::uint32_t member, Relation r) {
  auto& rel = relation_.at(member);
  if (member == author_ || static_cast<Relation>(rel) >= r) return;
  if (static_cast<Relation>(rel) == Relation::kNone) audience_.push_back(member);
  if (static_cast<Relation>(rel) == Relation::kFollower || static_cast<Relation>(rel) == Relation::kInvited) --followers_;
  rel = static_cast<std::uint8_t>(r);
  if (r == Relation::kConnection) ++connections_;
  else ++followers_;  // a pending inviter follows the author, as on LinkedIn
}

void CreatorState::add_follower(std::uint32_t member) { join(member, Relation::kFollower); }
void CreatorState::add_connection(std::uint32_t member) { join(member, Relation::kConnection); }
void CreatorState::add_inviter(std::uint32_t member) { join(member, Relation::kInvited); }

ContentModel::ContentModel(const ContentParams& p) : p_(p) {
  std::vector<config::Issue> issues;
  check(p, "ContentModel", issues);
  throw_if_any(std::move(issues));
  for (int h = 0; h <= 10; ++h) hop_spread_[h] = p_.spread * std::pow(p_.hop_decay, h);
}

double ContentModel::format_multiplier(PostFormat f) const {
  switch (f) {
    case PostFormat::kText: return p_.formats.text;
    case PostFormat::kImage: return p_.formats.image;
    case PostFormat::kVideo: return p_.formats.video;
    case PostFormat::kCarousel: return p_.formats.carousel;
    case PostFormat::kPoll: return p_.formats.poll;
  }
  return 1.0;
}

double ContentModel::fatigue_multiplier(const CreatorState& s, core::Time now) const {
  const double elapsed_days = static_cast<double>(std::max<core::Time>(0, now - s.last_post_)) / static_cast<double>(core::kDay);
  const double recent = s.recent_posts_ * std::exp(-elapsed_days / p_.fatigue_days);
  return 1.0 / (1.0 + p_.fatigue * recent);
}

double ContentModel::fresh(float activity) const {
  // Active on at least one of the days the post is fresh.
  const double a = std::clamp(static_cast<double>(activity), 0.0, 1.0);
  return 1.0 - std::pow(1.0 - a, p_.feed_days);
}

void ContentModel::impress(std::uint32_t v, std::uint8_t hop, double strength, CreatorState& s, const ContentGraph& g,
                           core::Rng& rng, PostOutcome& out, std::vector<InboundEvent>& events) {
  stamp_[v] = generation_;
  ++out.impressions;
  const Relation rel = static_cast<Relation>(s.relation_[v]);
  if (rel == Relation::kNone) ++out.beyond_network;
  else if (rel == Relation::kConnection) ++out.connections_seen;
  const double affinity = std::clamp(static_cast<double>(g.affinity[v]), 0.0, 1.0);
  if (core::uniform01(rng) < p_.engagement_rate * strength * affinity) {
    ++out.engagements;
    if (hop < p_.max_hops) next_.push_back(v | (static_cast<std::uint32_t>(hop) << 28));
  }
  if (core::uniform01(rng) >= p_.profile_view_rate * strength * affinity) return;
  ++out.profile_views;
  if (rel == Relation::kConnection || rel == Relation::kInvited) return;
  const double fit = g.fit.empty() ? 1.0 : std::clamp(static_cast<double>(g.fit[v]), 0.0, 1.0);
  const double mean_delay = p_.response_hours * static_cast<double>(core::kHour);
  // In Follow-first mode most would-be inviters follow instead (one more draw, only in that mode).
  const bool invites = core::uniform01(rng) < p_.invite_rate * fit;
  const bool follows_instead = invites && follow_first_ && core::uniform01(rng) >= p_.follow_first_connect;
  if (invites && !follows_instead) {
    s.join(v, Relation::kInvited);
    ++out.invites;
    events.push_back({v, static_cast<core::Time>(core::exponential(rng, mean_delay)), InboundEvent::Kind::kInvite});
  } else if (rel == Relation::kNone && (follows_instead || core::uniform01(rng) < p_.follow_rate)) {
    s.join(v, Relation::kFollower);
    ++out.follows;
    events.push_back({v, static_cast<core::Time>(core::exponential(rng, mean_delay)), InboundEvent::Kind::kFollow});
  }
}

PostOutcome ContentModel::publish(CreatorState& s, const ContentGraph& g, const Post& post, core::Time now,
                                  core::Rng& rng, std::vector<InboundEvent>& events) {
  if (s.relation_.size() != g.members())
    throw config::InputError("ContentModel::publish/graph", fmt::format("the graph the creator was built on ({} members)", s.relation_.size()),
                         fmt::format("a graph of {} members", g.members()));
  if (!(post.quality >= 0.0))
    throw config::InputError("ContentModel::publish/quality", "a number >= 0", fmt::format("{}", post.quality));
  // Member ids are below 2^28 so that the hop fits in the top bits of a frontier entry.
  if (g.members() >= (1u << 28)) throw config::InputError("ContentModel::publish/graph", "fewer than 2^28 members", fmt::format("{}", g.members()));
  PostOutcome out;
  out.fatigue_multiplier = fatigue_multiplier(s, now);
  const double elapsed_days = static_cast<double>(std::max<core::Time>(0, now - s.last_post_)) / static_cast<double>(core::kDay);
  s.recent_posts_ = s.recent_posts_ * std::exp(-elapsed_days / p_.fatigue_days) + 1.0;
  s.last_post_ = now;

  if (stamp_.size() != g.members()) {
    stamp_.assign(g.members(), 0);
    generation_ = 0;
  }
  if (++generation_ == 0) {  // wrapped: forget every old stamp
    std::fill(stamp_.begin(), stamp_.end(), 0);
    generation_ = 1;
  }
  stamp_[s.author_] = generation_;
  follow_first_ = post.follow_first;
  next_.clear();

  const double strength = post.quality * format_multiplier(post.format);
  const double reach = p_.audience_reach * out.fatigue_multiplier * strength;
  // Index loop: impress() may append new followers, who see later posts, not this one.
  const std::size_t audience = s.audience_.size();
  for (std::size_t i = 0; i < audience; ++i) {
    const std::uint32_t v = s.audience_[i];
    if (stamp_[v] == generation_) continue;
    if (seen(reach * fresh(g.activity[v]), v, g, rng)) impress(v, 0, strength, s, g, rng, out, events);
  }
  // Independent cascade: each engager exposes its own connections, weaker at every hop.
  while (!next_.empty()) {
    frontier_.swap(next_);
    next_.clear();
    for (const std::uint32_t entry : frontier_) {
      const std::uint32_t v = entry & ((1u << 28) - 1);
      const auto hop = static_cast<std::uint8_t>(entry >> 28);
      const double p = hop_spread_[hop];
      for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        const std::uint32_t w = g.targets[i];
        if (stamp_[w] == generation_) continue;
        if (seen(p * fresh(g.activity[w]), w, g, rng)) impress(w, static_cast<std::uint8_t>(hop + 1), strength, s, g, rng, out, events);
      }
    }
  }
  return out;
}

}  // namespace linksim::model
