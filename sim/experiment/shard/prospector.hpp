// A sender's next prospect, shared by every channel that reaches strangers (invitations, InMail,
// email), so that drawing ahead changes nothing: the pool and its stream see the same calls in
// the same order whoever consumes the prospect.
#pragma once
#include <cstdint>
#include <optional>

#include "experiment/shard/context.hpp"

namespace linksim::experiment::prospector {

/// The first prospect look_ahead drew, else a new draw; nothing once the pool has run dry. The
/// first time a channel finds the pool empty, the pool is dry for every channel from then on
/// (an ICP search left with nothing on-profile is not worked further for its off-profile
/// results) and the time is kept (`st.pool_ran_dry`, `st.pool_dry_day`).
inline std::optional<std::uint32_t> next(Sender& x, metrics::SenderStats& st, Time now) {
  if (x.exhausted) return std::nullopt;
  std::optional<std::uint32_t> v;
  if (x.n_ahead > 0) {
    v = x.ahead[0];
    x.ahead[0] = x.ahead[1];
    --x.n_ahead;
  } else {
    v = x.prospects->next(core::uniform01(x.picks));
  }
  if (!v) {
    x.exhausted = true;
    st.pool_ran_dry = 1;
    st.pool_dry_day = static_cast<double>(now) / static_cast<double>(core::kDay);
  }
  return v;
}

/// Keeps the sender's next two prospects drawn and their data on the way, in two steps a
/// wake-up apart: a new draw's row bounds, attributes and filter word are asked for first, and
/// its row a wake-up later, when the bounds are in cache. At 10^6 members each of these was a
/// miss on the invitation's critical path, and asking for the row at once waited for the bounds.
inline void look_ahead(const graph::World& world, Sender& x) {
  if (x.carried) return;
  while (x.n_ahead < 2) {
    const auto v = x.prospects->next(core::uniform01(x.picks));
    x.ahead[x.n_ahead++] = v;
    if (v) world.prefetch_member(*v);
  }
  if (x.ahead[0] && !x.new_account && x.prospects->reads_row(*x.ahead[0])) world.prefetch_row(*x.ahead[0]);
}

}  // namespace linksim::experiment::prospector
