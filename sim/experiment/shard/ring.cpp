#include "experiment/shard/ring.hpp"

namespace linksim::experiment::ring {

void form(ShardContext& ctx, PlatformGateway& gw, std::uint32_t s, Time now) {
  const Sender& x = ctx.senders[s];
  for (const std::uint32_t partner : x.ring) {
    platform::Action a;
    a.kind = platform::ActionKind::kInvite;
    a.recipient = partner;
    // Ring accounts claim the same region and industry (their profiles are made up together).
    if (!gw.decide(a, s, now).allowed()) continue;
    gw.observe(s, platform::OutcomeKind::kAccepted, partner, now, now);
    ++ctx.stats[s].ring_connections;
  }
}

}  // namespace linksim::experiment::ring
