// Connection invitations: the day's pace, wake-ups spread over working hours, engage-before-
// connect warm-ups, the platform's decision (notes trimmed or dropped when refused), the member's
// answer (seen, accepted, declined, reported, expired) and the sender's hygiene (withdrawals).
#pragma once
#include <cstdint>

#include "experiment/shard/context.hpp"
#include "experiment/shard/gateway.hpp"

namespace linksim::experiment {

class Invitations {
 public:
  Invitations(ShardContext& ctx, PlatformGateway& gateway) : ctx_(ctx), gw_(gateway) {}

  /// Start of a day, before anything is planned: the day's count resets, old invitations are withdrawn.
  void new_day(std::uint32_t s, Time now);
  /// The day's pace and first wake-up (`open`: when the sender starts).
  void plan_day(std::uint32_t s, Time now, Time open, int day);

  void on_wake(std::uint32_t s, Time now);
  void on_warm(std::uint32_t s, std::uint32_t target, bool retry, Time now);
  void on_seen(std::uint32_t id, Time now);
  void on_resolve(std::uint32_t id, Time now);

 private:
  void schedule_next_wake(std::uint32_t s, Time now);
  /// Returns false when the platform denied the invitation.
  bool send(std::uint32_t s, std::uint32_t target, Time now, bool warmed);
  void on_denied(std::uint32_t s, const platform::Decision& d, Time now, bool wake);
  void hygiene(std::uint32_t s, Time now);
  /// Queues `target` to be invited again at `at` (a withdrawn prospect, or one the cooldown refused).
  void requeue(Sender& x, Time at, std::uint32_t target);

  ShardContext& ctx_;
  PlatformGateway& gw_;
  bool requeued_ = false;  ///< the last send was refused for its prospect (re-invite cooldown, member budget) and queued again
};

}  // namespace linksim::experiment
