// The recorder: closes each day for every sender of the shard (the last week's invitations, the
// restricted day, the focal senders' part of each daily series) and hands the shard's counters
// and ground truth to scoring.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "experiment/shard/context.hpp"
#include "experiment/shard/exact_sum.hpp"
#include "experiment/shard/gateway.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

/// One sender at the end of a day, as the daily series see it.
struct DaySample {
  const metrics::SenderStats& stats;
  std::uint32_t weekly = 0;  ///< invitations sent in the last 7 days
  std::uint32_t cap = 0;     ///< the platform's weekly cap for the sender now
  bool restricted = false;   ///< could not invite today
};

/// A sender's value of one daily series at the end of a day (the series is the mean over focal senders).
using DailyValue = double (*)(const DaySample&);

/// What the recorder writes for each daily series of the metric registry, at the series' index,
/// and which indices are filled (comparing function pointers is not a constant expression under
/// -fsanitize=undefined, so the check counts flags instead).
struct DailyValues {
  std::array<DailyValue, metrics::kDailySeries.size()> value{};
  std::array<bool, metrics::kDailySeries.size()> set{};
  constexpr void put(std::size_t i, DailyValue v) {
    value[i] = v;
    set[i] = true;
  }
};
inline constexpr DailyValues kDailyValues = [] {
  using metrics::daily_index;
  DailyValues v;
  v.put(daily_index("connections"), [](const DaySample& d) { return d.stats.connections_gained; });
  v.put(daily_index("invites_sent"), [](const DaySample& d) { return static_cast<double>(d.stats.sent_today); });
  v.put(daily_index("invites_weekly"), [](const DaySample& d) { return static_cast<double>(d.weekly); });
  v.put(daily_index("weekly_cap"), [](const DaySample& d) { return static_cast<double>(d.cap); });
  v.put(daily_index("pending"), [](const DaySample& d) { return static_cast<double>(d.stats.pending); });
  v.put(daily_index("restricted"), [](const DaySample& d) { return d.restricted ? 1.0 : 0.0; });
  v.put(daily_index("replies"), [](const DaySample& d) { return d.stats.replies; });
  v.put(daily_index("leads"), [](const DaySample& d) { return d.stats.leads; });
  v.put(daily_index("cost_usd"), [](const DaySample& d) { return d.stats.cost_usd; });
  return v;
}();
static_assert(std::find(kDailyValues.set.begin(), kDailyValues.set.end(), false) == kDailyValues.set.end(),
              "a daily series of the metric registry has no value in kDailyValues");

using DaySums = std::array<ExactSum, metrics::kDailySeries.size()>;

struct ShardOut;

class Recorder {
 public:
  Recorder(ShardContext& ctx, PlatformGateway& gateway) : ctx_(ctx), gw_(gateway) {}

  /// The end of sender `s`'s day (the day that started at `day`).
  void end_day(std::uint32_t s, Time day);
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
