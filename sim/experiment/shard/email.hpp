// Cold email to addresses found with an email finder: lookups (one provider or a chain),
// optional verification, delivery against the sender's domain reputation (bounces, spam folder,
// catch-all losses), replies and follow-ups. Email has no platform limit.
#pragma once
#include <cstdint>
#include <vector>

#include "experiment/shard/context.hpp"
#include "experiment/shard/funnel.hpp"
#include "linksim/model/email_finder.hpp"

namespace linksim::experiment {

class EmailChannel {
 public:
  EmailChannel(ShardContext& ctx, Funnel& funnel) : ctx_(ctx), funnel_(funnel) {}

  void new_day(std::uint32_t s) { ctx_.senders[s].emails_today = 0; }
  /// A working day's wake-up, if the strategy sends email.
  void plan_day(std::uint32_t s, Time now);
  /// End of a day: the sender's reputation takes in the day's bounces and complaints.
  void end_day(std::uint32_t s) { ctx_.senders[s].reputation->end_day(); }
  void on_wake(std::uint32_t s, Time now);
  void on_touch(std::uint32_t id, std::uint32_t touch, Time now);
  void on_reply(std::uint32_t id, Time now) { funnel_.reply(threads_[id].sender, threads_[id].target, ReplyChannel::kEmail, false, now); }

 private:
  struct Thread {
    std::uint32_t sender = 0, target = 0;
    model::FoundEmail found;
    bool replied = false;
  };

  ShardContext& ctx_;
  Funnel& funnel_;
  std::vector<Thread> threads_;
};

}  // namespace linksim::experiment
