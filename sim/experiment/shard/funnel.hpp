// The funnel every channel shares: a reply becomes a lead, a lead a meeting, a meeting pipeline.
#pragma once
#include <cstdint>

#include "experiment/shard/context.hpp"

namespace linksim::experiment {

class Funnel {
 public:
  explicit Funnel(ShardContext& ctx) : ctx_(ctx) {}

  /// `target` replied to sender `s` through `channel`. Only an InMail answer comes pre-judged:
  /// `interested` makes it a lead; other replies become leads at the funnel's lead rate.
  void reply(std::uint32_t s, std::uint32_t target, ReplyChannel channel, bool interested, Time now);
  /// `target` answered an InMail "not interested": a reply like any other (counted per channel),
  /// which cannot become a lead.
  void reply_not_interested(std::uint32_t s, std::uint32_t target, Time now);

 private:
  ShardContext& ctx_;
};

}  // namespace linksim::experiment
