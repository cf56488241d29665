// Rings of fake accounts (strategy.adapt.ring): on an account's first day, before it invites any
// prospect, it invites the other accounts of its ring, and they accept at once — so the platform
// sees an account with connections and a perfect acceptance record, the way fake-account rings
// make themselves look established (Yang et al., "Uncovering Social Network Sybils in the Wild",
// IMC 2011; Cao et al., "Combating Friend Spam Using Social Rejections", ICDCS 2015). The ring's
// invitations go through the platform like any other (they count toward its caps); they are
// neither spam nor prospects, so they are counted apart (ring_connections).
#pragma once
#include <cstdint>

#include "experiment/shard/context.hpp"
#include "experiment/shard/gateway.hpp"

namespace linksim::experiment::ring {

/// Sender `s`'s current account invites the rest of its ring at `now`; each one let through is
/// accepted at once.
void form(ShardContext& ctx, PlatformGateway& gw, std::uint32_t s, Time now);

}  // namespace linksim::experiment::ring
