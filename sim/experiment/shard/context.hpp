// What every component of a shard loop shares: the world, the arm's plan, the simulation, the
// senders and their counters, the invitations sent, and the helpers every channel uses
// (scheduling within the horizon, working hours, effort, pair streams, the trace).
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "experiment/shard/blocks.hpp"
#include "experiment/shard/rule_denials.hpp"
#include "experiment/shard/streams.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"
#include "linksim/experiment/replication.hpp"
#include "linksim/metrics/sender_stats.hpp"
#include "linksim/model/content.hpp"
#include "linksim/model/effort.hpp"
#include "linksim/model/sender_reputation.hpp"
#include "strategy/prospects.hpp"

namespace linksim::experiment {

using core::Time;

enum class InviteStatus : std::uint8_t { kPending, kAccepted, kDeclined, kReported, kWithdrawn, kExpired };
/// How a connection record came about: an invitation the sender sent, a member who invited the
/// sender (content, inbound sources), or a connection from before the run (the network channel).
/// Messages to it reply through the matching channel.
enum class Origin : std::uint8_t { kSent, kInbound, kNetwork };
constexpr ReplyChannel message_channel(Origin o) {
  return o == Origin::kInbound ? ReplyChannel::kInbound : o == Origin::kNetwork ? ReplyChannel::kNetwork : ReplyChannel::kMessage;
}

/// 24 bytes: a run keeps every invitation it sent (10^5 senders send tens of millions).
struct Invite {
  std::uint32_t sender = 0, target = 0, mutual = 0;
  std::int32_t sent_at = 0;  ///< the platform's rules take times below 2^31 s (Policy::kMaxTime)
  model::InviteResponse response = model::InviteResponse::kIgnore;
  InviteStatus status = InviteStatus::kPending;
  std::uint16_t warm_touches = 0;
  bool personalized = false;
  Origin origin = Origin::kSent;
  std::uint8_t account = 0;  ///< which of the sender's accounts sent it (adapt.rotate_accounts)
};
static_assert(sizeof(Invite) == 24);

/// Fields every invitation attempt reads come first, in one cache line (the struct is
/// cache-line aligned): at 10^5 senders a wake-up otherwise missed the cache on two or three.
struct alignas(64) Sender {
  Time paused_until = 0;  ///< backing off after a limit, warning or restriction
  const strategy::StrategyParams* strategy = nullptr;
  std::unique_ptr<strategy::Prospects> prospects;
  core::Rng rng;    ///< timing: start-of-day jitter, gaps between invitations, posts per day
  core::Rng picks;  ///< which search results are on-profile (the draw passed to Prospects::next)
  std::uint32_t member = 0;
  int invites_today = 0;
  std::optional<std::uint32_t> carried;  ///< prospect of a refused invitation, tried first next time
  std::optional<std::uint32_t> ahead[2];  ///< the next prospects, drawn early (ahead[0] first)
  std::uint8_t n_ahead = 0;
  int pace_today = 0;
  bool exhausted = false;  ///< the prospect pool ran dry (prospector::next): no channel draws again
  bool retrying = false;  ///< the current attempt re-sends a refused prospect (not a new blocked invitation)
  bool focal = true, abusive = false, new_account = false;
  bool traced = false;  ///< a trace is written and its sink wants this sender (TraceSink::wants)
  platform::PlanId plan = platform::PlanId::kFree;
  std::uint32_t cohort = 0;
  int inmails_this_week = 0, emails_today = 0;
  double profile_strength = 0.5;
  std::uint32_t followers = 0;  ///< followers who are not connections at the start (content's audience)
  Time first_restricted = core::kNever;  ///< first restriction (a ladder step past the warning, an InMail ban), ground truth scoring
  std::size_t hygiene_pos = 0;
  std::uint32_t network_pos = 0;  ///< first-degree connections messaged so far (network channel)
  std::vector<std::uint32_t> invites;  ///< ids in send order (hygiene scans from the oldest)
  /// Withdrawn prospects to invite again (hygiene.reinvite_after_days): (when, member), in time order.
  std::deque<std::pair<Time, std::uint32_t>> reinvites;
  std::unique_ptr<model::SenderReputation> reputation;
  std::unique_ptr<model::CreatorState> creator;
  // Adaptive behaviours (strategy.adapt; experiment/shard/adaptation.hpp).
  double pace_scale = 1.0;       ///< slow_factor applied once per warning or restriction
  int ceiling = 0;               ///< self-imposed invitations per 7 days once the cap is learned (0: none)
  int pending_ceiling = 0;       ///< self-imposed pending invitations once the pending cap is learned (0: none)
  std::deque<Time> sent_week;    ///< probe_cap: send times of the last 7 days
  std::uint8_t account = 0;      ///< current account (0: the original; rotate_accounts more)
  bool rotate_due = false;       ///< the current account was restricted at rotate_at: switch next morning
  bool switched = false;         ///< adapt.switch_to: the current account stopped inviting after a penalty
  int account_day = 0;           ///< first day of the current account (its ramp-up starts there)
  std::vector<std::uint32_t> ring;  ///< members of the other accounts of its ring (adapt.ring)
  int ring_account = -1;         ///< the account whose ring has formed
};

class ShardContext {
 public:
  /// The senders whose global index is `shard` modulo `shards`; `seats` holds every sender's
  /// member and starting followers, by global index.
  ShardContext(const ReplicationInput& in, const ArmPlan& plan, std::span<const SenderSeat> seats, unsigned shard,
               unsigned shards);

  /// Events after the last second of the run would never be dispatched, so they are not queued:
  /// an ignored invitation's expiry is months out, and queued it held 40 bytes per invitation to
  /// the end. Skipping them leaves the order of the rest unchanged (seq only has to increase).
  void schedule(Time at, std::uint32_t kind, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0) {
    if (at <= last) sim.schedule(at, kind, a, b, c);
  }
  /// Uniform in [0, span) seconds, from the sender's timing stream.
  Time jitter(Sender& x, Time span) { return static_cast<Time>(core::uniform01(x.rng) * static_cast<double>(span)); }
  /// The working day (09:00–17:00, a model assumption: office hours) of the day starting at `day`.
  static constexpr Time kOpen = 9 * core::kHour, kClose = 17 * core::kHour;
  static Time window_open(Time day) { return day + kOpen; }
  static Time window_close(Time day) { return day + kClose; }
  /// How far into the window each sender starts, uniform (an assumption that spreads senders so
  /// that few actions tie): the day's first invitation within 10 minutes, the InMail and email
  /// batches within 30, a deferred action within the hour; posts anywhere in the working day.
  static constexpr Time kInviteStart = 10 * core::kMinute, kBatchStart = 30 * core::kMinute, kDeferred = core::kHour,
                        kPostSpread = kClose - kOpen;
  /// The next working morning after `now`, within kDeferred of the opening.
  Time next_morning(Sender& x, Time now) { return window_open(core::start_of_day(now) + core::kDay) + jitter(x, kDeferred); }

  /// A connection to message who is not an invitation the sender sent (one who invited the
  /// sender, or one from before the run): an accepted Invite record, so that the Messages
  /// channel runs its sequence on it. Returns the record's id.
  std::uint32_t add_connection_record(std::uint32_t s, std::uint32_t member, Time now, Origin origin) {
    Invite inv;
    inv.sender = s;
    inv.target = member;
    inv.sent_at = static_cast<std::int32_t>(now);
    inv.response = model::InviteResponse::kAccept;
    inv.status = InviteStatus::kAccepted;
    inv.origin = origin;
    invites.push_back(inv);
    return static_cast<std::uint32_t>(invites.size() - 1);
  }

  /// Time and money an action costs the sender (model::EffortParams).
  void effort(std::uint32_t s, model::Action a, double count = 1.0) {
    const auto i = static_cast<std::size_t>(a);
    const double hours = plan.response.costs.minutes[i] / 60.0 * count;
    stats[s].hours_spent += hours;
    stats[s].time_cost_usd += hours * plan.response.costs.hourly_rate_usd;
    stats[s].cost_usd += plan.response.costs.usd[i] * count;
  }

  core::Rng pair_rng(std::uint32_t sender_member, std::uint32_t target, streams::Pair channel, std::uint64_t offset = 0) const {
    return streams::pair(seed, rep, sender_member, target, channel, offset);
  }

  /// `event` is a trace record, or a callable that makes one: some cost formatting, so they are
  /// only made when a trace is being written (for the senders the sink wants).
  template <class Make>
  void trace(std::uint32_t s, Time now, std::int64_t member, Make&& make) {
    if (sink == nullptr || !senders[s].traced) return;
    const CohortPlan& cohort = plan.cohorts[senders[s].cohort];
    const bool abusive = cohort.label == Label::kAbusive;
    if constexpr (std::is_invocable_v<Make>)
      sink->write(plan.name, rep, TraceRecord{now, s, member, TraceEvent(make()), cohort.name, abusive});
    else
      sink->write(plan.name, rep, TraceRecord{now, s, member, TraceEvent(std::forward<Make>(make)), cohort.name, abusive});
  }

  const graph::World& world;
  const ArmPlan& plan;
  const int horizon;
  const Time last;  ///< the run's last second
  const std::uint64_t seed;
  const std::uint32_t rep;
  const unsigned shard;
  TraceSink* const sink;
  core::Simulation sim;
  std::vector<Sender> senders;
  std::vector<std::uint32_t> ids;  ///< global index of each of this shard's senders
  std::vector<platform::PlanId> plans;  ///< each sender's plan, for the platform
  std::vector<metrics::SenderStats> stats;
  Blocks<Invite> invites;
  RuleDenials denials;  ///< invitation attempts each rule refused, per sender (the breakdowns)
};

}  // namespace linksim::experiment
