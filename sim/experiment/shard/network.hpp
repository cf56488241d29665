// The existing network: messages to the sender's first-degree connections (re-engagement,
// referral asks), a working day's quota each morning, under the platform's message rules.
#pragma once
#include <cstdint>

#include "experiment/shard/context.hpp"

namespace linksim::experiment {

class NetworkChannel {
 public:
  explicit NetworkChannel(ShardContext& ctx) : ctx_(ctx) {}

  /// A working day's wake-up, if the strategy messages its network.
  void plan_day(std::uint32_t s, Time now);
  /// Today's quota of connections, each messaged once over the run (the Messages channel sends
  /// them, with the strategy's follow-ups and the platform's daily message cap).
  void on_wake(std::uint32_t s, Time now);

 private:
  ShardContext& ctx_;
};

}  // namespace linksim::experiment
