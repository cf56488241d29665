// One shard of a replication: the senders whose global index is `shard` modulo `shards`, run in
// one event loop that composes the channels over a shared context. Senders never share state
// (the platform's rules, pools and streams are per sender; members' answers are keyed by the
// pair), so a shard's senders behave exactly as they do in a single loop.
#pragma once
#include <cstdint>
#include <span>

#include "experiment/shard/content.hpp"
#include "experiment/shard/context.hpp"
#include "experiment/shard/email.hpp"
#include "experiment/shard/funnel.hpp"
#include "experiment/shard/gateway.hpp"
#include "experiment/shard/inmail.hpp"
#include "experiment/shard/invitations.hpp"
#include "experiment/shard/messages.hpp"
#include "experiment/shard/network.hpp"
#include "experiment/shard/recorder.hpp"
#include "experiment/shard/scoring.hpp"

namespace linksim::experiment {

class ShardLoop {
 public:
  ShardLoop(const ReplicationInput& in, const ArmPlan& plan, std::span<const SenderSeat> seats, unsigned shard, unsigned shards);

  /// Runs the horizon and hands back the shard's part of the results.
  ShardOut run();

 private:
  void dispatch(const core::Event& e);
  void day_start(Time now);
  void day_end(Time now);

  ShardContext ctx_;
  PlatformGateway gateway_;
  Funnel funnel_;
  Invitations invitations_;
  Messages messages_;
  InMailChannel inmail_;
  EmailChannel email_;
  ContentChannel content_;
  NetworkChannel network_;
  Recorder recorder_;
  std::uint64_t day_ticks_ = 0;
};

}  // namespace linksim::experiment
