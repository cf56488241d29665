// The recorder: closes each day for every sender of the shard (the last week's invitations, the
// restricted day, the focal senders' part of each daily series) and hands the shard's counters
// and ground truth to scoring.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "experiment/shard/context.hpp"
#include "experiment/shard/exact_sum.hpp"
#include "experiment/shard/gateway.hpp"

namespace linksim::experiment {

/// One sender at the end of a day, as the daily series see it.
struct DaySample {
  const metrics::SenderStats& stats;
  std::uint32_t weekly = 0;  ///< invitations sent in the last 7 days
  std::uint32_t cap = 0;     ///< the platform's weekly cap for the sender now
  bool restricted = false;   ///< could not invite today
};

/// A daily series: its name in results.json and daily.csv, and the sender's value at the end of a day
/// (the series is the mean over focal senders).
struct DailySeries {
  std::string_view name;
  double (*value)(const DaySample&);
};

inline constexpr std::array<DailySeries, 9> kDailySeries = {{
    {"connections", [](const DaySample& d) { return d.stats.connections_gained; }},
    {"invites_sent", [](const DaySample& d) { return static_cast<double>(d.stats.sent_today); }},
    {"invites_weekly", [](const DaySample& d) { return static_cast<double>(d.weekly); }},
    {"weekly_cap", [](const DaySample& d) { return static_cast<double>(d.cap); }},
    {"pending", [](const DaySample& d) { return static_cast<double>(d.stats.pending); }},
    {"restricted", [](const DaySample& d) { return d.restricted ? 1.0 : 0.0; }},
    {"replies", [](const DaySample& d) { return d.stats.replies; }},
    {"leads", [](const DaySample& d) { return d.stats.leads; }},
    {"cost_usd", [](const DaySample& d) { return d.stats.cost_usd; }},
}};
using DaySums = std::array<ExactSum, kDailySeries.size()>;

struct ShardOut;

class Recorder {
 public:
  Recorder(ShardContext& ctx, PlatformGateway& gateway) : ctx_(ctx), gw_(gateway) {}

  /// The end of sender `s`'s day (the day that started at `day`; `now` is its last second).
  void end_day(std::uint32_t s, Time day, Time now);
  /// Starts the next day's sums (call before the senders' end_day).
  void open_day() { daily_.emplace_back(); }
  /// Hands everything to scoring. `events`: what this shard's loop dispatched and owns.
  ShardOut finish(double events);

 private:
  ShardContext& ctx_;
  PlatformGateway& gw_;
  std::vector<DaySums> daily_;  ///< per day: this shard's part of the series
};

}  // namespace linksim::experiment
