#include "experiment/shard/recorder.hpp"

#include <algorithm>

#include "experiment/shard/scoring.hpp"

namespace linksim::experiment {

void Recorder::end_day(std::uint32_t s, Time day) {
  auto& st = ctx_.stats[s];
  const Sender& x = ctx_.senders[s];
  std::rotate(st.last_week.rbegin(), st.last_week.rbegin() + 1, st.last_week.rend());
  st.last_week[0] = st.sent_today;
  // A restricted day: a ladder restriction blocked invitations at some time of the day (the
  // email requirement included). Warnings block nothing and are counted apart, as transitions.
  const bool blocked = gw_.invites_blocked(s, day);
  if (blocked) ++st.restricted_days;
  if (x.focal) {
    std::uint32_t weekly = 0;
    for (auto v : st.last_week) weekly += v;
    const DaySample sample{st, weekly, gw_.weekly_cap(s), blocked};
    DaySums& sums = daily_.back();
    for (std::size_t k = 0; k < sums.size(); ++k) sums[k].add(kDailyValues.value[k](sample));
  }
  st.sent_today = 0;
}

ShardOut Recorder::finish(double events) {
  for (std::uint32_t s = 0; s < ctx_.senders.size(); ++s)
    if (gw_.suspended(s)) ctx_.stats[s].suspended = 1;
  ShardOut out;
  out.ids = std::move(ctx_.ids);
  out.stats = std::move(ctx_.stats);
  for (const Sender& x : ctx_.senders) {
    out.focal.push_back(x.focal ? 1 : 0);
    out.abusive.push_back(x.abusive ? 1 : 0);
    out.first_restricted.push_back(x.first_restricted);
    // Most invitations delivered in any 48 hours (two pointers over send times), and who got them.
    std::size_t lo = 0, best = 0;
    if (x.abusive)
      for (std::size_t hi = 0; hi < x.invites.size(); ++hi) {
        const Invite& inv = ctx_.invites[x.invites[hi]];
        out.unwanted.push_back(inv.target);
        while (inv.sent_at - ctx_.invites[x.invites[lo]].sent_at >= 2 * core::kDay) ++lo;
        best = std::max(best, hi - lo + 1);
      }
    out.peak_48h.push_back(static_cast<double>(best));
  }
  if (ctx_.plan.facts.any_abusive) out.breakdown = shard_breakdown(ctx_, gw_.policy());
  out.daily = std::move(daily_);
  out.events = events;
  return out;
}

}  // namespace linksim::experiment
