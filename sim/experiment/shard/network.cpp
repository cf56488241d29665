// Messages to first-degree connections: the guide's third way around the invitation limits.
#include "experiment/shard/network.hpp"

#include "experiment/shard/events.hpp"

namespace linksim::experiment {

void NetworkChannel::plan_day(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  if (x.strategy->network.per_day > 0 && !x.new_account)
    ctx_.schedule(ShardContext::window_open(now) + ctx_.jitter(x, ShardContext::kBatchStart), ev::kNetworkWake, s);
}

void NetworkChannel::on_wake(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  // The sender's connections at the start, in the graph's order (no connection twice).
  const auto offsets = ctx_.world.row_offsets();
  const auto targets = ctx_.world.targets();
  const std::uint32_t first = offsets[x.member], last = offsets[x.member + 1];
  for (int k = 0; k < x.strategy->network.per_day && first + x.network_pos < last; ++k, ++x.network_pos) {
    const std::uint32_t id = ctx_.add_connection_record(s, targets[first + x.network_pos], now, Origin::kNetwork);
    // Spread over the morning's batch window, like the other channels' batches.
    ctx_.schedule(now + ctx_.jitter(x, ShardContext::kBatchStart), ev::kMessage, s, id, 0);
  }
}

}  // namespace linksim::experiment
