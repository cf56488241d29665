// Content-led inbound: posts on working days reach the author's connections and followers,
// spread through engagement, and bring follows and inbound invitations, which use none of the
// sender's invitation quota.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "experiment/shard/context.hpp"
#include "experiment/shard/gateway.hpp"
#include "linksim/model/content.hpp"

namespace linksim::experiment {

class ContentChannel {
 public:
  ContentChannel(ShardContext& ctx, PlatformGateway& gateway);

  /// Today's posts, if the strategy posts: posts/5 per working day on average; and the day's
  /// inbound from the sender's groups, events, newsletter and company page.
  void plan_day(std::uint32_t s, Time now);
  void on_post(std::uint32_t s, Time now);
  /// A reader follows (ev::kFollow) or invites (ev::kInvite) the author.
  void on_inbound(std::uint32_t s, std::uint32_t member, std::uint32_t kind, Time now);

 private:
  void start_audience(std::uint32_t s);
  void start();
  /// Inbound invitations and follows from groups, events, the newsletter and the company page.
  void inbound_sources(std::uint32_t s, Time now);

  ShardContext& ctx_;
  PlatformGateway& gw_;
  model::ContentGraph graph_;
  std::vector<float> affinity_;  ///< content affinity on the content model's scale
  std::unique_ptr<model::ContentModel> model_;  ///< made on the first post
  std::vector<model::InboundEvent> inbound_;  ///< scratch: the last post's follows and invitations
};

}  // namespace linksim::experiment
