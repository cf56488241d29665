// Content-led inbound: a post reaches the author's connections and followers, spreads through
// engagement as an independent cascade over the graph, and turns impressions into profile
// views, follows and inbound invitations. Followers accumulate and raise later reach.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

/// The world as the cascade sees it: a CSR adjacency (neighbours of v are
/// targets[offsets[v] … offsets[v+1])) and per-member weights, all borrowed from the caller.
struct ContentGraph {
  std::span<const std::uint32_t> offsets;
  std::span<const std::uint32_t> targets;
  std::span<const float> affinity;  ///< [0, 1]: interest in this kind of content
  std::span<const float> activity;  ///< [0, 1]: probability of being active on a given day
  std::span<const float> fit;       ///< [0, 1]: relevance to the author (inbound weight); empty = all 1

  std::uint32_t members() const { return offsets.empty() ? 0 : static_cast<std::uint32_t>(offsets.size() - 1); }
  /// Throws config::InputError when sizes disagree or an arc points outside the graph.
  void validate() const;
};

enum class PostFormat : std::uint8_t { kText = 0, kImage = 1, kVideo = 2, kCarousel = 3, kPoll = 4 };
/// The cascade's affinity from the world's `content_affinity` (a member's probability of engaging
/// with an ordinary post they see): content_affinity / engagement_rate, at most 1, so that the
/// model's engagement_rate × affinity is the world's figure (engagement_rate 0: unchanged).
std::vector<float> engagement_affinity(std::span<const float> content_affinity, double engagement_rate);

/// "text", "image", "video", "carousel", "poll" (the keys of response.content.formats).
/// Throws config::InputError naming `path` and listing the valid names for anything else.
PostFormat post_format_from_name(const std::string& name, const std::string& path);

struct Post {
  double quality = 1.0;  ///< multiplier; 1 is an ordinary post
  PostFormat format = PostFormat::kText;
  bool follow_first = false;  ///< the author's profile shows Follow first: most would-be inviters follow
};

enum class Relation : std::uint8_t { kNone = 0, kFollower = 1, kInvited = 2, kConnection = 3 };

/// One author's audience and posting history. Starts from the author's connections in the graph.
class CreatorState final {
 public:
  CreatorState(std::uint32_t author, const ContentGraph& graph);

  void add_follower(std::uint32_t member);    ///< no-op if already following or connected
  void add_connection(std::uint32_t member);  ///< e.g. an inbound invitation was accepted
  void add_inviter(std::uint32_t member);     ///< invited the author (pending): follows, sees later posts
  Relation relation(std::uint32_t member) const { return static_cast<Relation>(relation_.at(member)); }
  std::uint32_t author() const { return author_; }
  std::size_t followers() const { return followers_; }      ///< followers who are not connections
  std::size_t connections() const { return connections_; }
  std::size_t audience() const { return audience_.size(); }  ///< connections + followers + invited

 private:
  friend class ContentModel;
  void join(std::uint32_t member, Relation r);

  std::uint32_t author_;
  std::vector<std::uint8_t> relation_;  ///< per member
  std::vector<std::uint32_t> audience_;
  std::size_t followers_ = 0, connections_ = 0;
  double recent_posts_ = 0.0;  ///< exponentially decayed count of earlier posts
  core::Time last_post_ = 0;
};

struct InboundEvent {
  enum class Kind : std::uint8_t { kFollow = 0, kInvite = 1 };
  std::uint32_t member = 0;
  core::Time delay_seconds = 0;  ///< after the post
  Kind kind = Kind::kFollow;
};

struct PostOutcome {
  std::uint32_t impressions = 0;  ///< distinct members who saw the post
  std::uint32_t beyond_network = 0;  ///< of them: neither connections, followers nor inviters of the author
  std::uint32_t connections_seen = 0;  ///< of them: the author's connections
  std::uint32_t engagements = 0;
  std::uint32_t profile_views = 0;
  std::uint32_t follows = 0;
  std::uint32_t invites = 0;
  double fatigue_multiplier = 1.0;
};

/// Runs cascades. Holds scratch buffers, so one instance per simulation (not shared by threads).
class ContentModel final {
 public:
  /// Throws config::InputError naming the parameter when `p` is out of range.
  explicit ContentModel(const ContentParams& p);

  /// Publishes a post at time `now`. Follows and invitations update `state` immediately (the
  /// member then sees later posts and does not invite twice) and are appended to `events` with
  /// their delays. After the first calls it allocates only when the audience grows.
  PostOutcome publish(CreatorState& state, const ContentGraph& graph, const Post& post, core::Time now,
                      core::Rng& rng, std::vector<InboundEvent>& events);

  double format_multiplier(PostFormat f) const;
  /// 1 / (1 + fatigue · decayed count of earlier posts), for a post at `now`.
  double fatigue_multiplier(const CreatorState& state, core::Time now) const;

 private:
  void impress(std::uint32_t v, std::uint8_t hop, double strength, CreatorState& state, const ContentGraph& g,
               core::Rng& rng, PostOutcome& out, std::vector<InboundEvent>& events);
  double fresh(float activity) const;
  /// Feed competition: 1 for a member with at most feed_connections connections, else
  /// feed_connections / connections (their feed carries each connection's updates less often).
  double feed_share(std::uint32_t member, const ContentGraph& g) const {
    const std::uint32_t k = g.offsets[member + 1] - g.offsets[member];
    return k > static_cast<std::uint32_t>(p_.feed_connections) ? p_.feed_connections / static_cast<double>(k) : 1.0;
  }
  /// A Bernoulli draw with probability q · feed_share(member): the degree is read only when
  /// the draw falls under q (feed_share <= 1), which keeps the cascade's memory reads as before.
  bool seen(double q, std::uint32_t member, const ContentGraph& g, core::Rng& rng) const {
    const double u = core::uniform01(rng);
    return u < q && u < q * feed_share(member, g);
  }

  ContentParams p_;
  std::vector<std::uint32_t> stamp_;  ///< generation at which a member last saw a post
  std::uint32_t generation_ = 0;
  bool follow_first_ = false;  ///< the current post's author is in Follow-first mode
  std::vector<std::uint32_t> frontier_, next_;  ///< engagers whose connections may see the post
  double hop_spread_[11] = {};
};

}  // namespace linksim::model
