// InMail: the week's budget spread over the working days, each one checked by the platform
// (credits, bans); the member answers interested (a lead), not interested, or not at all.
#pragma once
#include <cstdint>
#include <vector>

#include "experiment/shard/context.hpp"
#include "experiment/shard/funnel.hpp"
#include "experiment/shard/gateway.hpp"

namespace linksim::experiment {

class InMailChannel {
 public:
  InMailChannel(ShardContext& ctx, PlatformGateway& gateway, Funnel& funnel) : ctx_(ctx), gw_(gateway), funnel_(funnel) {}

  void new_day(std::uint32_t s, Time now) {
    if (core::day_of_week(now) == 0) ctx_.senders[s].inmails_this_week = 0;
  }
  /// A working day's wake-up, if the strategy sends InMail.
  void plan_day(std::uint32_t s, Time now);
  void on_wake(std::uint32_t s, Time now);
  void on_answer(std::uint32_t id, Time now);

 private:
  struct Record {
    std::uint32_t sender = 0, target = 0;
    Time sent_at = 0;
    bool interested = false;
  };

  ShardContext& ctx_;
  PlatformGateway& gw_;
  Funnel& funnel_;
  std::vector<Record> sent_;
};

}  // namespace linksim::experiment
