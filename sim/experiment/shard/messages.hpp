// Messages to new first-degree connections: the first message an hour after acceptance, then
// follow-ups every gap_days until a reply or the strategy's last touch; the platform's daily
// message cap defers a message to the next working morning.
#pragma once
#include <cstdint>

#include "experiment/shard/context.hpp"
#include "experiment/shard/funnel.hpp"
#include "experiment/shard/gateway.hpp"

namespace linksim::experiment {

class Messages {
 public:
  Messages(ShardContext& ctx, PlatformGateway& gateway, Funnel& funnel) : ctx_(ctx), gw_(gateway), funnel_(funnel) {}

  /// Touch `touch` (0: the first message) to the connection made by invitation `id`.
  void on_message(std::uint32_t id, std::uint32_t touch, Time now);
  /// The connection made by invitation `id` replied to sender `s`.
  void on_reply(std::uint32_t s, std::uint32_t id, Time now);

 private:
  ShardContext& ctx_;
  PlatformGateway& gw_;
  Funnel& funnel_;
};

}  // namespace linksim::experiment
