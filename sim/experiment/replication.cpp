// The event loop of one replication: pacing, prospecting, platform checks, member responses,
// follow-ups, InMail, email, content and the daily recorder. See docs/model.md.
#include "linksim/experiment/replication.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <thread>
#include <cmath>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"
#include "linksim/metrics/sender_stats.hpp"
#include "linksim/model/active_delay.hpp"
#include "linksim/model/content.hpp"
#include "linksim/model/email_delivery.hpp"
#include "linksim/model/email_finder.hpp"
#include "linksim/model/funnel.hpp"
#include "linksim/model/inmail.hpp"
#include "linksim/model/invite_response.hpp"
#include "linksim/model/reply.hpp"
#include "linksim/model/response_params.hpp"
#include "linksim/model/sender_reputation.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/platform/policy.hpp"
#include "strategy/prospects.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::experiment {

namespace {

using core::Event;
using core::Time;
using core::kDay;
using core::kHour;

enum Kind : std::uint32_t {
  kDayStart = 1,
  kDayEnd,
  kInviteWake,   // a = sender
  kWarmInvite,   // a = sender, b = prospect (warm-up finished), c = 1 on a retry after a refusal
  kSeen,         // b = invite: the member saw it and left it pending
  kResolve,      // b = invite: the member's answer (or expiry)
  kMessage,      // b = invite (the connection), c = touch
  kReply,        // b = invite, c = channel
  kInmailWake,   // a = sender
  kInmailAnswer, // b = InMail record
  kEmailWake,    // a = sender
  kEmailTouch,   // b = email thread, c = touch
  kEmailReply,   // b = email thread
  kPost,         // a = sender
  kInbound,      // a = sender, b = member, c = 0 follow / 1 invite
};

enum class InviteStatus : std::uint8_t { kPending, kAccepted, kDeclined, kReported, kWithdrawn, kExpired };

/// 24 bytes: a run keeps every invitation it sent (10^5 senders send tens of millions).
struct Invite {
  std::uint32_t sender = 0, target = 0, mutual = 0;
  std::int32_t sent_at = 0;  ///< the platform's rules take times below 2^31 s (Policy::kMaxTime)
  model::InviteResponse response = model::InviteResponse::kIgnore;
  InviteStatus status = InviteStatus::kPending;
  std::uint16_t warm_touches = 0;
  bool personalized = false;
};

static_assert(sizeof(Invite) == 24);

/// Append-only storage in blocks of 2^16: ids stay indices, and growing to tens of millions of
/// records neither copies them into a buffer twice the size nor leaves up to half of it unused.
template <class T>
class Blocks {
 public:
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return blocks_[i >> kBits][i & kMask]; }
  const T& operator[](std::size_t i) const { return blocks_[i >> kBits][i & kMask]; }
  void push_back(const T& v) {
    if ((size_ & kMask) == 0) blocks_.push_back(std::make_unique<T[]>(kMask + 1));
    blocks_.back()[size_ & kMask] = v;
    ++size_;
  }

 private:
  static constexpr unsigned kBits = 16;
  static constexpr std::size_t kMask = (std::size_t{1} << kBits) - 1;
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

struct InMailRecord {
  std::uint32_t sender = 0, target = 0;
  Time sent_at = 0;
  bool interested = false;
};

struct EmailThread {
  std::uint32_t sender = 0, target = 0;
  model::FoundEmail found;
  bool replied = false;
};

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
  bool exhausted = false;
  bool retrying = false;  ///< the current attempt re-sends a refused prospect (not a new blocked invitation)
  bool focal = true, abusive = false, new_account = false;
  platform::PlanId plan = platform::PlanId::kFree;
  std::uint32_t cohort = 0;
  int inmails_this_week = 0, emails_today = 0;
  double profile_strength = 0.5;
  Time first_restricted = core::kNever;  ///< first restriction (ladder or report rule), ground truth scoring
  std::size_t hygiene_pos = 0;
  std::vector<std::uint32_t> invites;  ///< ids in send order (hygiene scans from the oldest)
  std::unique_ptr<model::SenderReputation> reputation;
  std::unique_ptr<model::CreatorState> creator;
};

const char* kChannelNames[] = {"message", "inmail", "email"};

/// Exact, order-independent sum of doubles: each term is truncated to a multiple of 2^-40 and
/// added as a 128-bit integer, so shards that split the senders differently give the same bits.
__extension__ typedef __int128 Int128;  // GCC and Clang; __extension__ keeps -Wpedantic quiet

class ExactSum {
 public:
  void add(double v) {
    const double scaled = std::ldexp(v, kScale);
    // Through int64 when it fits (one instruction; the 128-bit conversion is a library call).
    sum_ += std::abs(scaled) < 0x1p62 ? static_cast<Int128>(static_cast<std::int64_t>(scaled)) : static_cast<Int128>(scaled);
  }
  void add(const ExactSum& o) { sum_ += o.sum_; }
  double value() const { return std::ldexp(static_cast<double>(sum_), -kScale); }

 private:
  static constexpr int kScale = 40;
  Int128 sum_ = 0;
};

constexpr std::size_t kDailySeries = 9;
const char* const kDailyNames[kDailySeries] = {"connections", "invites_sent", "invites_weekly", "weekly_cap", "pending",
                                               "restricted",  "replies",      "leads",          "cost_usd"};

/// What one shard hands back: its senders' counters and ground truth, indexed by local sender,
/// with the global index of each; partial daily sums; invitations received per member.
struct ShardOut {
  std::vector<std::uint32_t> ids;
  std::vector<metrics::SenderStats> stats;
  std::vector<char> focal, abusive;
  std::vector<Time> first_restricted;
  std::vector<double> peak_48h;  ///< abusive senders: most invitations delivered in any 48 hours
  std::vector<std::array<ExactSum, kDailySeries>> daily;
  std::vector<std::uint32_t> unwanted;  ///< recipient of every invitation an abusive sender delivered
  double events = 0;
};

/// Facts about the whole population (not just one shard's part of it), read from the cohorts.
struct PopulationFacts {
  std::size_t senders = 0, focal = 0;
  bool any_focal = false, any_abusive = false, any_legit = false;
};

PopulationFacts population_facts(const nlohmann::json& config) {
  PopulationFacts f;
  for (const auto& [name, cohort] : config.at("senders").items()) {
    const auto count = static_cast<std::size_t>(std::max(0, cohort.at("count").get<int>()));
    if (count == 0) continue;
    f.senders += count;
    if (cohort.at("focal").get<bool>()) {
      f.any_focal = true;
      f.focal += count;
    }
    if (cohort.at("label").get<std::string>() == "abusive") f.any_abusive = true;
    else f.any_legit = true;
  }
  if (!f.any_focal) f.focal = f.senders;  // a pure population: every sender is reported on
  return f;
}

/// The member each sender is, for every sender of the replication (in global order). Sender i is
/// the same member in every arm of a replication (common random numbers): an established
/// professional, drawn from a stream keyed by the sender's index only, avoiding members taken
/// by the senders before it.
std::vector<std::uint32_t> sender_members(const graph::World& world, std::size_t senders, std::uint64_t seed, std::uint32_t rep) {
  std::vector<std::uint32_t> members(senders);
  std::vector<char> taken(world.num_members(), 0);
  for (std::uint64_t global = 0; global < senders; ++global) {
    core::Rng pick = core::make_rng(seed, rep, core::Purpose::kSender, 0x5E1EC7000000ull + global);
    std::uint32_t m = 0;
    for (int attempt = 0; attempt < 10000; ++attempt) {
      m = core::uniform_below(pick, world.num_members());
      const auto d = world.degree(m);
      if (!taken[m] && d >= 20 && d <= 2000) break;
    }
    taken[m] = 1;
    members[global] = m;
  }
  return members;
}

/// Senders per shard when ReplicationInput::shards is 0 (bench/population_bench.cpp: at 10^4
/// senders one loop took 14.3 s, shards of 300 senders 10.2 s, of 80 senders 9.7 s).
constexpr std::size_t kSendersPerShard = 100;

/// One shard of a replication: the senders whose global index is `shard` modulo `shards`. Senders
/// never share state (the platform's rules, pools and streams are per sender; members' answers are
/// keyed by the pair), so a shard's senders behave exactly as they do in a single event loop.
class Run {
 public:
  Run(const ReplicationInput& in, std::span<const std::uint32_t> members, unsigned shard, unsigned shards)
      : in_(in),
        members_(members),
        arm_(in.scenario.arms.at(in.arm)),
        config_(arm_.config),
        world_(in.world),
        response_(model::response_params_from_json(config_.at("world").at("response"),
                                                   in.scenario.locate(in.arm, "/world/response"))),
        platform_(platform::platform_params_from_json(config_.at("platform"), in.scenario.locate(in.arm, "/platform"))),
        horizon_(config_.at("horizon_days").get<int>()),
        seed_(in.scenario.seed),
        rep_(in.replication),
        shard_(shard),
        shards_(shards),
        facts_(population_facts(config_)) {
    build_senders();
    policy_ = std::make_unique<platform::Policy>(platform_, plans_);
    for (std::size_t s = 0; s < senders_.size(); ++s)
      policy_->senders().connections[s] = senders_[s].new_account ? 0 : world_.degree(senders_[s].member);
    stats_.resize(senders_.size());
    // A pure population (no focal cohort): sender metrics and daily series cover every sender.
    if (!facts_.any_focal)
      for (auto& x : senders_) x.focal = true;
    content_graph_ = model::ContentGraph{
        world_.row_offsets(),
        world_.targets(),
        {},  // affinity: filled on the first post (content_affinity_scaled)
        {world_.members().activity.data(), world_.members().activity.size()},
        {}};
  }

  ShardOut run() {
    sim_.every(0, kDay, kDayStart);
    sim_.every(kDay - 1, kDay, kDayEnd);
    sim_.run_until(last_, [this](const Event& e) { dispatch(e); });
    return finish();
  }

 private:
  // ---- set-up ---------------------------------------------------------------------------
  void build_senders() {
    std::uint32_t cohort_index = 0;
    std::uint64_t global = 0;
    for (const auto& [name, cohort] : config_.at("senders").items()) {
      const std::string path = in_.scenario.locate(in_.arm, "/senders/" + name + "/strategy");
      strategies_.push_back(std::make_unique<strategy::StrategyParams>(strategy::resolve_strategy(cohort.at("strategy"), path)));
      const auto plan = platform::plan_from_name(cohort.at("plan").get<std::string>(), "/senders/" + name + "/plan");
      const int count = cohort.at("count").get<int>();
      for (int i = 0; i < count; ++i, ++global) {
        if (global % shards_ != shard_) continue;  // another shard's sender
        Sender s;
        s.cohort = cohort_index;
        s.strategy = strategies_.back().get();
        s.plan = plan;
        s.profile_strength = cohort.at("profile_strength").get<double>();
        s.focal = cohort.at("focal").get<bool>();
        s.abusive = cohort.at("label").get<std::string>() == "abusive";
        s.new_account = cohort.at("new_account").get<bool>();
        ids_.push_back(static_cast<std::uint32_t>(global));
        const std::uint32_t m = members_[global];
        s.member = m;
        s.rng = core::make_rng(seed_, rep_, core::Purpose::kSender, global);
        // Prospect draws get their own stream: a refused invitation (tried again, no new draw)
        // must not shift the timing draws, or the other way round, so that two arms that differ
        // only in a limit walk the same prospects in the same order (common random numbers).
        s.picks = core::make_rng(seed_, rep_, core::Purpose::kSender, 0x9C1C5000000ull + global);
        const double precision = platform_.plans[static_cast<std::size_t>(plan)].search_filter_precision;
        // A sender never needs more prospects than invitations it can attempt in the run (twice
        // that, with margin for refused and skipped ones).
        const auto limit = 2 * static_cast<std::size_t>(std::max(1, s.strategy->invites.per_day)) * static_cast<std::size_t>(horizon_) + 64;
        s.prospects = std::make_unique<strategy::Prospects>(world_, m, s.strategy->targeting, precision,
                                                            core::mix64(seed_ ^ core::mix64(rep_ * 0x10001ull + global)), limit, in_.pools);
        s.reputation = std::make_unique<model::SenderReputation>(response_.email.reputation);
        plans_.push_back(plan);
        senders_.push_back(std::move(s));
      }
      ++cohort_index;
    }
  }

  /// A stream for one (sender member, target, channel) pair: the same pair gets the same draws in
  /// every arm, whatever order events happen in (common random numbers across arms).
  core::Rng pair_rng(std::uint32_t sender_member, std::uint32_t target, std::uint64_t channel) const {
    const std::uint64_t key = (static_cast<std::uint64_t>(sender_member) << 32) | target;
    return core::make_rng(seed_, rep_, core::Purpose::kResponses, core::mix64(key) ^ channel);
  }

  /// Events after the last second of the run would never be dispatched, so they are not queued:
  /// an ignored invitation's expiry is months out, and queued it held 40 bytes per invitation to
  /// the end. Skipping them leaves the order of the rest unchanged (seq only has to increase).
  void schedule(Time at, std::uint32_t kind, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0) {
    if (at <= last_) sim_.schedule(at, kind, a, b, c);
  }

  // ---- dispatch -------------------------------------------------------------------------
  void dispatch(const Event& e) {
    switch (e.kind) {
      case kDayStart: ++day_ticks_; day_start(e.time); break;
      case kDayEnd: ++day_ticks_; day_end(e.time); break;
      case kInviteWake: invite_wake(e.a, e.time); break;
      case kWarmInvite: warm_invite(e.a, e.b, e.c != 0, e.time); break;
      case kSeen: seen(e.b, e.time); break;
      case kResolve: resolve(e.b, e.time); break;
      case kMessage: message(e.b, e.c, e.time); break;
      case kReply: reply(e.a, e.b, e.c, e.time); break;
      case kInmailWake: inmail_wake(e.a, e.time); break;
      case kInmailAnswer: inmail_answer(e.b, e.time); break;
      case kEmailWake: email_wake(e.a, e.time); break;
      case kEmailTouch: email_touch(e.b, e.c, e.time); break;
      case kEmailReply: email_reply(e.b, e.time); break;
      case kPost: post(e.a, e.time); break;
      case kInbound: inbound(e.a, e.b, e.c, e.time); break;
      default: break;
    }
  }

  Time window_open(Time day) const { return day + 9 * kHour; }
  Time window_close(Time day) const { return day + 17 * kHour; }

  void day_start(Time now) {
    const int day = static_cast<int>(core::day_of(now));
    const bool weekday = !core::is_weekend(now);
    for (std::uint32_t s = 0; s < senders_.size(); ++s) {
      Sender& x = senders_[s];
      const auto& st = *x.strategy;
      x.invites_today = 0;
      x.emails_today = 0;
      if (core::day_of_week(now) == 0) x.inmails_this_week = 0;
      hygiene(s, now);
      if (day == 0 || (day % 30) == 0) charge_plan(s, std::min(30, horizon_ - day));
      if (!weekday && st.invites.working_hours) continue;
      const Time open = st.invites.working_hours ? window_open(now) : now;
      const bool invites_today = day >= st.invites.start_day && ((st.invites.days_mask >> core::day_of_week(now)) & 1u) != 0;
      x.pace_today = invites_today ? st.invites.pace_on_day(day - st.invites.start_day) : 0;
      // A day lost to a restriction (or the back-off after one): its planned invitations count as
      // blocked, as refused attempts do.
      if (x.paused_until > now + kDay - 1 && !x.exhausted) stats_[s].blocked += x.pace_today;
      if (x.pace_today > 0 && !x.exhausted) schedule(open + jitter(x, 600), kInviteWake, s);
      if (weekday && st.inmail.per_week > 0) schedule(window_open(now) + jitter(x, 1800), kInmailWake, s);
      if (weekday && st.email.per_day > 0) schedule(window_open(now) + jitter(x, 1800), kEmailWake, s);
      if (weekday && st.content.posts_per_week > 0) {
        // Posts spread over the working week: the expected count per weekday is posts/5.
        const double per_day = st.content.posts_per_week / 5.0;
        const auto posts = static_cast<int>(std::floor(per_day)) + (core::uniform01(x.rng) < per_day - std::floor(per_day) ? 1 : 0);
        for (int p = 0; p < posts; ++p) schedule(window_open(now) + jitter(x, 8 * kHour), kPost, s);
      }
    }
  }

  Time jitter(Sender& x, Time span) { return static_cast<Time>(core::uniform01(x.rng) * static_cast<double>(span)); }

  void charge_plan(std::uint32_t s, int days) {
    const auto& plan = platform_.plans[static_cast<std::size_t>(senders_[s].plan)];
    stats_[s].cost_usd += plan.price_usd_per_month * days / 30.0;
  }

  void effort(std::uint32_t s, model::Action a, double count = 1.0) {
    const auto i = static_cast<std::size_t>(a);
    stats_[s].hours_spent += response_.costs.minutes[i] / 60.0 * count;
    stats_[s].cost_usd += response_.costs.usd[i] * count;
  }

  // ---- invitations ----------------------------------------------------------------------
  void schedule_next_wake(std::uint32_t s, Time now) {
    Sender& x = senders_[s];
    const int left = x.pace_today - x.invites_today;
    if (left <= 0 || x.exhausted) return;
    const Time close = x.strategy->invites.working_hours ? window_close(core::start_of_day(now)) : core::start_of_day(now) + kDay - 2;
    const Time room = close - now;
    if (room <= 0) return;
    const double even = static_cast<double>(room) / (left + 1);
    const double gap = x.strategy->invites.random_gaps ? core::exponential(x.rng, even) : even;
    const Time at = now + std::max<Time>(1, static_cast<Time>(gap));
    if (at < close) schedule(at, kInviteWake, s);
  }

  void invite_wake(std::uint32_t s, Time now) {
    Sender& x = senders_[s];
    if (now < x.paused_until) return;
    const auto& st = *x.strategy;
    // A prospect whose invitation was refused last time comes first: being told "limit
    // reached" does not make the sender forget who they meant to invite.
    std::optional<std::uint32_t> target = x.carried;
    x.retrying = target.has_value();
    x.carried.reset();
    if (!target) target = next_prospect(x);
    if (!target) {
      x.exhausted = true;
      return;
    }
    world_.prefetch_member(*target);
    ++x.invites_today;
    if (st.warmup.days > 0) {
      // Engage before connecting: likes and comments for D days, then the invitation.
      effort(s, model::Action::kEngagement, static_cast<double>(st.warmup.days) * st.warmup.touches_per_day);
      schedule(now + static_cast<Time>(st.warmup.days) * kDay, kWarmInvite, s, *target);
    } else if (!send_invite(s, *target, now, false)) {
      x.carried = target;
      return;  // denied: send_invite decided when to try again
    }
    schedule_next_wake(s, now);
    look_ahead(x);
  }

  /// The sender's next prospect: the first look_ahead drew, else a new draw. Every consumer of
  /// the pool (invitations, InMail, email) goes through here, so drawing early changes nothing:
  /// the pool and its stream see the same calls in the same order.
  std::optional<std::uint32_t> next_prospect(Sender& x) {
    if (x.n_ahead > 0) {
      const auto v = x.ahead[0];
      x.ahead[0] = x.ahead[1];
      --x.n_ahead;
      return v;
    }
    return x.prospects->next(core::uniform01(x.picks));
  }

  /// Keeps the sender's next two prospects drawn and their data on the way, in two steps a
  /// wake-up apart: a new draw's row bounds, attributes and filter word are asked for first, and
  /// its row a wake-up later, when the bounds are in cache. At 10^6 members each of these was a
  /// miss on the invitation's critical path, and asking for the row at once waited for the bounds.
  void look_ahead(Sender& x) {
    if (x.carried) return;
    while (x.n_ahead < 2) {
      const auto v = x.prospects->next(core::uniform01(x.picks));
      x.ahead[x.n_ahead++] = v;
      if (v) {
        world_.prefetch_member(*v);
        x.prospects->prefetch_mutual(*v);
      }
    }
    if (x.ahead[0] && !x.new_account && x.prospects->reads_row(*x.ahead[0])) world_.prefetch_row(*x.ahead[0]);
  }

  /// The invitation at the end of a warm-up. If it is refused (a limit, a restriction, a pause),
  /// the warmed-up prospect is kept and tried again when the sender resumes (on_denied set the
  /// pause), at the earliest the next morning.
  void warm_invite(std::uint32_t s, std::uint32_t target, bool retry, Time now) {
    senders_[s].retrying = retry;
    if (send_invite(s, target, now, true)) return;
    Sender& x = senders_[s];
    if (x.paused_until > last_) return;  // paused past the horizon (or suspended: kNever)
    const Time at = std::max(x.paused_until, window_open(core::start_of_day(now) + kDay)) + jitter(x, 3600);
    schedule(at, kWarmInvite, s, target, 1);  // schedule() drops times past the horizon
  }

  /// Returns false when the platform denied the invitation.
  bool send_invite(std::uint32_t s, std::uint32_t target, Time now, bool warmed) {
    Sender& x = senders_[s];
    const auto& st = *x.strategy;
    if (now < x.paused_until) return false;
    strategy::Note note = st.invites.note;
    platform::Action a;
    a.kind = platform::ActionKind::kInvite;
    a.recipient = target;
    a.chars = static_cast<std::uint16_t>(note == strategy::Note::kNone ? 0 : st.invites.note_chars);
    a.personalized = note == strategy::Note::kPersonalized;
    a.out_of_region = world_.region(target) != world_.region(x.member);
    a.out_of_industry = world_.industry(target) != world_.industry(x.member);
    const std::size_t log_before = policy_->transitions().size();
    platform::Decision d = policy_->check(a, s, now);
    // A refused note is not a refused invitation: the sender trims a note that is too long to
    // the plan's limit, and once the month's personalized notes are used up (free plan: 5) sends
    // the invitation without one, as the platform offers. At most two retries.
    for (int retry = 0; retry < 2 && !d.allowed() && note != strategy::Note::kNone &&
                        (d.notice == platform::Notice::kNoteTooLong || d.notice == platform::Notice::kNoteQuota);
         ++retry) {
      trace(s, now, "note_dropped", target, [&] { return policy_->explain(d, a, s, now); });
      const int limit = platform_.plans[static_cast<std::size_t>(x.plan)].note_chars;
      if (d.notice == platform::Notice::kNoteTooLong && limit > 0) {
        a.chars = static_cast<std::uint16_t>(limit);
      } else {
        note = strategy::Note::kNone;
        a.chars = 0;
        a.personalized = false;
      }
      d = policy_->check(a, s, now);
    }
    if (!d.allowed()) {
      ++stats_[s].denied;
      if (!x.retrying) ++stats_[s].blocked;  // a new invitation refused (retries not counted again)
      trace(s, now, "invite_denied", target, [&] { return policy_->explain(d, a, s, now); });
      on_denied(s, d, now, !warmed);  // a warm invitation is retried by warm_invite, not by a wake
      sync_ladder(log_before);
      return false;
    }
    sync_ladder(log_before);
    const std::uint32_t id = static_cast<std::uint32_t>(invites_.size());
    Invite inv;
    inv.sender = s;
    inv.target = target;
    inv.sent_at = static_cast<std::int32_t>(now);  // < Policy::kMaxTime: check() accepted it
    inv.personalized = a.personalized;
    inv.warm_touches = static_cast<std::uint16_t>(warmed ? st.warmup.days * st.warmup.touches_per_day : 0);
    model::InviteFeatures f;
    f.same_industry = !a.out_of_industry;
    f.same_region = !a.out_of_region;
    f.note = note == strategy::Note::kPersonalized ? model::NoteKind::kPersonalized
             : note == strategy::Note::kTemplate   ? model::NoteKind::kTemplate
                                                   : model::NoteKind::kNone;
    f.note_length = a.chars;
    f.warmup_touches = inv.warm_touches;
    f.warmup_days = static_cast<std::uint16_t>(warmed ? st.warmup.days : 0);
    f.target_seniority = static_cast<std::uint8_t>(world_.seniority(target));
    f.sender_seniority = static_cast<std::uint8_t>(world_.seniority(x.member));
    f.sender_profile_strength = static_cast<float>(x.profile_strength);
    f.accept_propensity = static_cast<float>(world_.accept_propensity(target));
    f.report_propensity = static_cast<float>(world_.report_propensity(target));
    f.activity = static_cast<float>(world_.activity(target));
    inv.mutual = x.new_account ? 0 : x.prospects->mutual_count(target);
    f.mutual_connections = inv.mutual;
    core::Rng rng = pair_rng(x.member, target, 1);
    const model::InviteOutcome o = model::draw_invite_outcome(response_.invite, f, rng);
    inv.response = o.outcome;
    invites_.push_back(inv);
    x.invites.push_back(id);
    if (x.abusive) unwanted_.push_back(target);
    auto& stat = stats_[s];
    ++stat.invites_sent;
    ++stat.sent_today;
    ++stat.pending;
    effort(s, f.note == model::NoteKind::kPersonalized ? model::Action::kInvitePersonalized
              : f.note == model::NoteKind::kTemplate   ? model::Action::kInviteTemplate
                                                       : model::Action::kInvite);
    trace(s, now, "invite_sent", target, [&] { return fmt::format("{} mutual, {}{}", inv.mutual, a.out_of_industry ? "other industry" : "same industry",
                      f.note == model::NoteKind::kNone ? ", no note" : f.note == model::NoteKind::kTemplate ? ", template note" : ", personalized note"); });
    if (o.outcome == model::InviteResponse::kIgnore) {
      // The member looks at it on a day they are active and leaves it pending.
      const double q = model::daily_action_probability(f.activity, response_.invite.attention);
      const Time seen_delay = model::active_delay(q, core::uniform01(rng), core::uniform01(rng));
      if (seen_delay != core::kNever && seen_delay < o.delay_seconds) schedule(now + seen_delay, kSeen, s, id);
    }
    if (o.delay_seconds != core::kNever) schedule(now + o.delay_seconds, kResolve, s, id);
    return true;
  }

  void on_denied(std::uint32_t s, const platform::Decision& d, Time now, bool wake) {
    Sender& x = senders_[s];
    using platform::Notice;
    const Time tomorrow = core::start_of_day(now) + kDay;
    switch (d.notice) {
      case Notice::kRestricted:
      case Notice::kSuspended:
        // A suspension never lifts (retry_at = kNever): adding the back-off would overflow.
        x.paused_until = d.retry_at == core::kNever
                             ? core::kNever
                             : std::max(d.retry_at, now) + static_cast<Time>(x.strategy->invites.backoff_days) * kDay;
        break;
      default:
        // A limit: a user who reads "limit reached" stops for the day (or until the window frees);
        // an automation tool that ignores it keeps trying at its next slot.
        if (x.strategy->invites.stop_at_weekly_cap || d.retry_at == core::kNever)
          x.paused_until = std::max(tomorrow, d.retry_at == core::kNever ? tomorrow : d.retry_at);
        else if (wake)
          schedule_next_wake(s, now);
        break;
    }
  }

  void sync_ladder(std::size_t before) {
    const auto& log = policy_->transitions();
    for (std::size_t i = before; i < log.size(); ++i) {
      const auto& t = log[i];
      if (t.sender >= senders_.size()) continue;
      trace(t.sender, t.time, "ladder", -1, [&] { return fmt::format("{} -> {}: {}", t.from, t.to, t.reason); });
      if (t.to == "good_standing") continue;  // a reinstatement, not a penalty
      auto& stat = stats_[t.sender];
      if (t.to == "warning") {
        ++stat.warnings;
      } else {
        ++stat.restrictions;
        senders_[t.sender].first_restricted = std::min(senders_[t.sender].first_restricted, t.time);
      }
      // Back off after any warning or restriction (what a careful user does).
      Sender& x = senders_[t.sender];
      x.paused_until = std::max(x.paused_until, std::max(t.until == core::kNever ? t.time : t.until, t.time) +
                                                    static_cast<Time>(x.strategy->invites.backoff_days) * kDay);
    }
  }

  void observe(std::uint32_t s, platform::OutcomeKind k, std::uint32_t other, Time sent_at, Time now) {
    const std::size_t before = policy_->transitions().size();
    policy_->observe(platform::Outcome{k, other, sent_at}, s, now);
    sync_ladder(before);
  }

  void seen(std::uint32_t id, Time now) {
    Invite& inv = invites_[id];
    if (inv.status != InviteStatus::kPending) return;
    observe(inv.sender, platform::OutcomeKind::kIgnored, inv.target, inv.sent_at, now);
  }

  void resolve(std::uint32_t id, Time now) {
    Invite& inv = invites_[id];
    if (inv.status != InviteStatus::kPending) return;  // withdrawn meanwhile
    auto& stat = stats_[inv.sender];
    --stat.pending;
    switch (inv.response) {
      case model::InviteResponse::kAccept:
        inv.status = InviteStatus::kAccepted;
        ++stat.invites_accepted;
        ++stat.connections_gained;
        observe(inv.sender, platform::OutcomeKind::kAccepted, inv.target, inv.sent_at, now);
        trace(inv.sender, now, "invite_accepted", inv.target, [&] { return fmt::format("after {:.1f} days", static_cast<double>(now - inv.sent_at) / kDay); });
        if (senders_[inv.sender].creator) senders_[inv.sender].creator->add_connection(inv.target);
        if (senders_[inv.sender].strategy->followups.messages > 0) schedule(now + kHour, kMessage, inv.sender, id, 0);
        break;
      case model::InviteResponse::kDecline:
        inv.status = InviteStatus::kDeclined;
        ++stat.invites_declined;
        observe(inv.sender, platform::OutcomeKind::kDeclined, inv.target, inv.sent_at, now);
        trace(inv.sender, now, "invite_declined", inv.target, "");
        break;
      case model::InviteResponse::kReport:
        inv.status = InviteStatus::kReported;
        ++stat.spam_reports;
        observe(inv.sender, platform::OutcomeKind::kReported, inv.target, inv.sent_at, now);
        trace(inv.sender, now, "invite_reported", inv.target, "\"I don't know this person\"");
        break;
      case model::InviteResponse::kIgnore:
        // Expired: the platform withdraws it (it was ignored all along).
        inv.status = InviteStatus::kExpired;
        ++stat.expired;
        observe(inv.sender, platform::OutcomeKind::kWithdrawn, inv.target, inv.sent_at, now);
        break;
    }
  }

  void hygiene(std::uint32_t s, Time now) {
    Sender& x = senders_[s];
    const int after = x.strategy->hygiene.withdraw_after_days;
    if (after <= 0) return;
    const Time cutoff = now - static_cast<Time>(after) * kDay;
    while (x.hygiene_pos < x.invites.size()) {
      Invite& inv = invites_[x.invites[x.hygiene_pos]];
      if (inv.sent_at > cutoff) break;
      ++x.hygiene_pos;
      if (inv.status != InviteStatus::kPending) continue;
      inv.status = InviteStatus::kWithdrawn;
      auto& stat = stats_[s];
      --stat.pending;
      ++stat.withdrawn;
      effort(s, model::Action::kWithdraw);
      observe(s, platform::OutcomeKind::kWithdrawn, inv.target, inv.sent_at, now);
      trace(s, now, "invite_withdrawn", inv.target, [&] { return fmt::format("pending for more than {} days", after); });
    }
  }

  // ---- messages, replies and the funnel ---------------------------------------------------
  void message(std::uint32_t id, std::uint32_t touch, Time now) {
    const Invite& inv = invites_[id];
    const std::uint32_t s = inv.sender;
    Sender& x = senders_[s];
    platform::Action a;
    a.kind = platform::ActionKind::kMessage;
    a.recipient = inv.target;
    a.chars = 500;
    const std::size_t before = policy_->transitions().size();
    const auto d = policy_->check(a, s, now);
    sync_ladder(before);
    if (!d.allowed()) {
      // Try again the next working morning (the daily message cap resets).
      schedule(window_open(core::start_of_day(now) + kDay) + jitter(x, 3600), kMessage, s, id, touch);
      return;
    }
    ++stats_[s].messages_sent;
    effort(s, touch == 0 ? model::Action::kMessage : model::Action::kFollowUp);
    model::ReplyFeatures f;
    f.target_seniority = static_cast<std::uint8_t>(world_.seniority(inv.target));
    f.personalized = inv.personalized;
    f.mutual_connections = inv.mutual;
    f.warmup_touches = inv.warm_touches;
    f.accept_propensity = static_cast<float>(world_.accept_propensity(inv.target));
    f.activity = static_cast<float>(world_.activity(inv.target));
    core::Rng rng = pair_rng(x.member, inv.target, 0x100 + touch);
    const auto r = model::draw_reply(response_.reply, f, touch, rng);
    if (r.replied) {
      schedule(now + r.delay_seconds, kReply, s, id, 0);
    } else if (touch + 1 < static_cast<std::uint32_t>(x.strategy->followups.messages)) {
      schedule(now + static_cast<Time>(x.strategy->followups.gap_days) * kDay, kMessage, s, id, touch + 1);
    }
  }

  void reply(std::uint32_t s, std::uint32_t id, std::uint32_t channel, Time now) {
    auto& stat = stats_[s];
    ++stat.replies;
    const std::uint32_t target = channel == 0 ? invites_[id].target : channel == 1 ? inmails_[id].target : threads_[id].target;
    if (channel == 0) observe(s, platform::OutcomeKind::kReplied, target, invites_[id].sent_at, now);
    // Only an InMail answer comes pre-judged (interested or not); a message or email reply becomes a
    // lead with the funnel's lead_rate (draw_funnel forces a lead when `interested` is true).
    const bool interested = channel == 1 && inmails_[id].interested;
    core::Rng rng = pair_rng(senders_[s].member, target, 0x200 + channel);
    const auto f = model::draw_funnel(response_.funnel, interested, rng);
    if (f.lead) ++stat.leads;
    if (f.meeting) ++stat.meetings;
    stat.pipeline_value += f.pipeline_usd;
    trace(s, now, "reply", target, [&] { return fmt::format("{} reply{}{}", kChannelNames[channel], f.lead ? ", a lead" : "", f.meeting ? ", meeting booked" : ""); });
  }

  // ---- InMail -----------------------------------------------------------------------------
  void inmail_wake(std::uint32_t s, Time now) {
    Sender& x = senders_[s];
    const auto& st = *x.strategy;
    // Spread the weekly InMail budget over the five working days.
    const int dow = core::day_of_week(now);
    const int due = (st.inmail.per_week * (dow + 1) + 4) / 5;
    while (x.inmails_this_week < due) {
      const auto target = next_prospect(x);
      if (!target) return;
      platform::Action a;
      a.kind = platform::ActionKind::kInmail;
      a.recipient = *target;
      a.chars = 1000;
      a.personalized = st.inmail.personalized;
      const std::size_t before = policy_->transitions().size();
      const auto d = policy_->check(a, s, now);
      sync_ladder(before);
      if (!d.allowed()) {
        trace(s, now, "inmail_denied", *target, [&] { return policy_->explain(d, a, s, now); });
        return;
      }
      ++x.inmails_this_week;
      ++stats_[s].inmails_sent;
      effort(s, model::Action::kInMail);
      const std::uint32_t id = static_cast<std::uint32_t>(inmails_.size());
      model::InMailFeatures f;
      f.target_seniority = static_cast<std::uint8_t>(world_.seniority(*target));
      f.personalized = st.inmail.personalized;
      f.mutual_connections = x.prospects->mutual_count(*target);
      f.same_industry = world_.industry(*target) == world_.industry(x.member);
      f.accept_propensity = static_cast<float>(world_.accept_propensity(*target));
      f.activity = static_cast<float>(world_.activity(*target));
      core::Rng rng = pair_rng(x.member, *target, 2);
      const auto r = model::draw_inmail_response(response_.inmail, f, rng);
      inmails_.push_back(InMailRecord{s, *target, now, r.interested});
      trace(s, now, "inmail_sent", *target, st.inmail.personalized ? "personalized" : "generic");
      if (r.responded) schedule(now + r.delay_seconds, kInmailAnswer, s, id);
    }
  }

  void inmail_answer(std::uint32_t id, Time now) {
    const InMailRecord& m = inmails_[id];
    observe(m.sender, m.interested ? platform::OutcomeKind::kInmailReplied : platform::OutcomeKind::kInmailDeclined,
            m.target, m.sent_at, now);
    if (m.interested) reply(m.sender, id, 1, now);
    else trace(m.sender, now, "inmail_declined", m.target, "not interested");
  }

  // ---- email --------------------------------------------------------------------------------
  void email_wake(std::uint32_t s, Time now) {
    Sender& x = senders_[s];
    const auto& st = *x.strategy;
    const unsigned providers = st.email.finder == strategy::Finder::kChained ? 3u : 1u;
    // Email has no platform limit: the sender works through today's quota in one batch.
    while (x.emails_today < st.email.per_day) {
      const auto target = next_prospect(x);
      if (!target) return;
      ++x.emails_today;
      core::Rng rng = pair_rng(x.member, *target, 3);
      const auto domain = static_cast<model::EmailDomain>(static_cast<std::uint8_t>(world_.email(*target)));
      const model::FoundEmail found = model::find_email(response_.email.finder, domain, providers, rng);
      effort(s, model::Action::kFinderLookup, found.lookups);
      if (found.status == model::FinderStatus::kNotFound) {
        trace(s, now, "email_not_found", *target, [&] { return fmt::format("no address found by {} provider{}", providers, providers == 1 ? "" : "s"); });
        continue;
      }
      if (st.email.verify) {
        effort(s, model::Action::kVerification);
        if (model::verify_email(response_.email.verification, found, rng) == model::Verdict::kInvalid) {
          trace(s, now, "email_invalid", *target, "the verifier flagged the address");
          continue;
        }
      }
      const auto id = static_cast<std::uint32_t>(threads_.size());
      threads_.push_back(EmailThread{s, *target, found, false});
      email_touch(id, 0, now);
    }
  }

  void email_touch(std::uint32_t id, std::uint32_t touch, Time now) {
    EmailThread& t = threads_[id];
    if (t.replied) return;
    Sender& x = senders_[t.sender];
    core::Rng rng = pair_rng(x.member, t.target, 0x300 + touch);
    const auto delivery = model::deliver_email(response_.email, t.found, x.reputation->inbox_probability(), rng);
    x.reputation->record(delivery.delivery == model::Delivery::kBounced, delivery.complaint);
    auto& stat = stats_[t.sender];
    ++stat.emails_sent;
    effort(t.sender, touch == 0 ? model::Action::kEmail : model::Action::kEmailFollowUp);
    trace(t.sender, now, "email_sent", t.target, [&] { return fmt::format("{}, {}", touch == 0 ? std::string("first email") : fmt::format("follow-up {}", touch),
                      delivery.delivery == model::Delivery::kBounced  ? "bounced"
                      : delivery.delivery == model::Delivery::kInbox  ? "inbox"
                      : delivery.delivery == model::Delivery::kLost   ? "lost (a catch-all domain took a wrong address)"
                                                                      : "spam folder"); });
    if (delivery.delivery == model::Delivery::kBounced) {
      ++stat.emails_bounced;
      return;  // a bounced address gets no follow-ups
    }
    if (delivery.delivery == model::Delivery::kInbox) {
      model::ReplyFeatures f;
      f.target_seniority = static_cast<std::uint8_t>(world_.seniority(t.target));
      f.personalized = false;
      f.mutual_connections = 0;
      f.accept_propensity = static_cast<float>(world_.accept_propensity(t.target));
      f.activity = static_cast<float>(world_.activity(t.target));
      const auto r = model::draw_reply(response_.email.reply, f, touch, rng);
      if (r.replied) {
        t.replied = true;
        schedule(now + r.delay_seconds, kEmailReply, t.sender, id);
        return;
      }
    }
    if (touch < static_cast<std::uint32_t>(x.strategy->email.followups))
      schedule(now + static_cast<Time>(x.strategy->email.gap_days) * kDay, kEmailTouch, t.sender, id, touch + 1);
  }

  void email_reply(std::uint32_t id, Time now) { reply(threads_[id].sender, id, 2, now); }

  // ---- content ------------------------------------------------------------------------------
  /// The world's content_affinity is a member's probability of engaging with a post they see
  /// (median 2%, docs/graph.md); the content model multiplies its own base engagement_rate by an
  /// affinity in [0, 1]. Passing affinity = content_affinity / engagement_rate (at most 1) makes
  /// a member's engagement probability on an ordinary post the world's figure, instead of
  /// engagement_rate times it (which gave ~0.1% engagement and no inbound at all).
  void scale_content_affinity() {
    const auto& a = world_.members().content_affinity;
    const double rate = response_.content.engagement_rate;
    affinity_.resize(a.size());
    for (std::size_t v = 0; v < a.size(); ++v)
      affinity_[v] = rate > 0.0 ? static_cast<float>(std::min(1.0, static_cast<double>(a[v]) / rate)) : a[v];
    content_graph_.affinity = {affinity_.data(), affinity_.size()};
  }

  void post(std::uint32_t s, Time now) {
    Sender& x = senders_[s];
    if (!content_) {
      scale_content_affinity();
      content_ = std::make_unique<model::ContentModel>(response_.content);
    }
    if (!x.creator) x.creator = std::make_unique<model::CreatorState>(x.member, content_graph_);
    const std::size_t before = policy_->transitions().size();
    platform::Action a;
    a.kind = platform::ActionKind::kPost;
    const auto d = policy_->check(a, s, now);
    sync_ladder(before);
    if (!d.allowed()) return;
    model::Post p;
    p.quality = 2.0 * x.strategy->content.quality;  // 0.5 is an ordinary post (multiplier 1)
    const std::string& f = x.strategy->content.format;
    p.format = f == "image" ? model::PostFormat::kImage : f == "video" ? model::PostFormat::kVideo
               : f == "document" ? model::PostFormat::kCarousel : model::PostFormat::kText;
    effort(s, model::Action::kPost);
    core::Rng rng = core::make_rng(seed_, rep_, core::Purpose::kContent, core::mix64(x.member) ^ static_cast<std::uint64_t>(now));
    inbound_buffer_.clear();
    const auto out = content_->publish(*x.creator, content_graph_, p, now, rng, inbound_buffer_);
    trace(s, now, "post", -1, [&] { return fmt::format("{} impressions, {} engagements, {} profile views", out.impressions, out.engagements, out.profile_views); });
    for (const auto& ev : inbound_buffer_)
      schedule(now + ev.delay_seconds, kInbound, s, ev.member, ev.kind == model::InboundEvent::Kind::kInvite ? 1u : 0u);
  }

  void inbound(std::uint32_t s, std::uint32_t member, std::uint32_t kind, Time now) {
    Sender& x = senders_[s];
    auto& stat = stats_[s];
    if (kind == 0) {
      ++stat.followers;
      x.creator->add_follower(member);
      return;
    }
    // An inbound invitation: the sender accepts it; it uses none of the sender's quota.
    ++stat.inbound_requests;
    ++stat.connections_gained;
    x.creator->add_connection(member);
    effort(s, model::Action::kAcceptInbound);
    observe(s, platform::OutcomeKind::kConnected, member, now, now);
    trace(s, now, "inbound_accepted", member, "an invitation from a post's reader");
  }

  // ---- recorder -------------------------------------------------------------------------------
  void day_end(Time now) {
    const Time day_start = core::start_of_day(now);
    std::array<ExactSum, kDailySeries>& day = daily_.emplace_back();
    for (std::uint32_t s = 0; s < senders_.size(); ++s) {
      auto& st = stats_[s];
      std::rotate(st.last_week.rbegin(), st.last_week.rbegin() + 1, st.last_week.rend());
      st.last_week[0] = st.sent_today;
      // Restricted: the ladder blocks invitations, or every invitation now needs the recipient's
      // email (the report rule's restriction; a sender of cold invitations has none to give).
      const bool blocked = policy_->ladder().blocked_until(s, platform::ActionKind::kInvite) > day_start ||
                           policy_->senders().email_required[s] != 0;
      if (blocked) ++st.restricted_days;
      // The report rule's restriction is not a ladder step: date it at the end of its first day.
      if (policy_->senders().email_required[s] != 0) senders_[s].first_restricted = std::min(senders_[s].first_restricted, now);
      senders_[s].reputation->end_day();
      if (senders_[s].focal) {
        std::uint32_t weekly = 0;
        for (auto v : st.last_week) weekly += v;
        day[0].add(st.connections_gained);
        day[1].add(st.sent_today);
        day[2].add(weekly);
        day[3].add(policy_->senders().weekly_cap(s));
        day[4].add(st.pending);
        day[5].add(blocked ? 1 : 0);
        day[6].add(st.replies);
        day[7].add(st.leads);
        day[8].add(st.cost_usd);
      }
      st.sent_today = 0;
    }
  }

  ShardOut finish() {
    for (std::uint32_t s = 0; s < senders_.size(); ++s)
      if (policy_->ladder().state_name(s) == "suspension") stats_[s].suspended = 1;
    ShardOut out;
    out.ids = std::move(ids_);
    out.stats = std::move(stats_);
    for (const Sender& x : senders_) {
      out.focal.push_back(x.focal ? 1 : 0);
      out.abusive.push_back(x.abusive ? 1 : 0);
      out.first_restricted.push_back(x.first_restricted);
      // Most invitations delivered in any 48 hours (two pointers over send times).
      std::size_t lo = 0, best = 0;
      if (x.abusive)
        for (std::size_t hi = 0; hi < x.invites.size(); ++hi) {
          while (invites_[x.invites[hi]].sent_at - invites_[x.invites[lo]].sent_at >= 2 * kDay) ++lo;
          best = std::max(best, hi - lo + 1);
        }
      out.peak_48h.push_back(static_cast<double>(best));
    }
    out.daily = std::move(daily_);
    out.unwanted = std::move(unwanted_);
    // The day-start and day-end ticks run in every shard; they are counted once (by shard 0).
    out.events = static_cast<double>(sim_.processed() - (shard_ == 0 ? 0 : day_ticks_));
    return out;
  }

  /// `reason` is text, or a callable that makes it: reasons cost formatting, so they are only
  /// made when a trace is being written.
  template <class Reason>
  void trace(std::uint32_t s, Time now, const char* event, std::int64_t member, Reason&& reason) {
    if (in_.trace == nullptr || !senders_[s].focal) return;
    if constexpr (std::is_invocable_v<Reason>)
      in_.trace->write(arm_.name, rep_, TraceRecord{now, s, event, member, std::string(reason())});
    else
      in_.trace->write(arm_.name, rep_, TraceRecord{now, s, event, member, std::string(reason)});
  }

  const ReplicationInput& in_;
  std::span<const std::uint32_t> members_;  ///< every sender's member, by global index
  const io::Arm& arm_;
  const nlohmann::json& config_;
  const graph::World& world_;
  model::ResponseParams response_;
  platform::PlatformParams platform_;
  int horizon_;
  Time last_ = static_cast<Time>(horizon_) * kDay - 1;  ///< the run's last second
  std::uint64_t seed_;
  std::uint32_t rep_;
  unsigned shard_, shards_;
  PopulationFacts facts_;
  std::vector<std::uint32_t> ids_;  ///< global index of each of this shard's senders
  std::vector<std::array<ExactSum, kDailySeries>> daily_;  ///< per day: this shard's part of the series
  std::uint64_t day_ticks_ = 0;

  core::Simulation sim_;
  std::vector<std::unique_ptr<strategy::StrategyParams>> strategies_;
  std::vector<platform::PlanId> plans_;
  std::vector<Sender> senders_;
  std::unique_ptr<platform::Policy> policy_;
  std::vector<metrics::SenderStats> stats_;
  Blocks<Invite> invites_;
  std::vector<std::uint32_t> unwanted_;  ///< recipients of abusive senders' invitations (a shard's share is
                                         ///< small; a count per member in every shard was 4 MB each at 10^6)
  std::vector<InMailRecord> inmails_;
  std::vector<EmailThread> threads_;
  model::ContentGraph content_graph_;
  std::vector<float> affinity_;  ///< content affinity on the content model's scale
  std::unique_ptr<model::ContentModel> content_;
  std::vector<model::InboundEvent> inbound_buffer_;
};

/// Joins the shards in global sender order and scores the run: sender metrics, daily series and
/// the platform metrics, from the cohorts' ground-truth labels (never from the rules' own view):
/// what the rules let through from abusive senders and what they cost legitimate ones.
metrics::RunResult combine(std::vector<ShardOut>& parts, const PopulationFacts& facts, int horizon, std::size_t members) {
  metrics::RunResult result;
  std::vector<metrics::SenderStats> stats(facts.senders);
  std::vector<char> focal(facts.senders, 0), abusive(facts.senders, 0);
  std::vector<Time> first_restricted(facts.senders, core::kNever);
  std::vector<double> peak(facts.senders, 0.0);
  for (auto& part : parts)
    for (std::size_t i = 0; i < part.ids.size(); ++i) {
      const std::uint32_t g = part.ids[i];
      stats[g] = part.stats[i];
      focal[g] = part.focal[i];
      abusive[g] = part.abusive[i];
      first_restricted[g] = part.first_restricted[i];
      peak[g] = part.peak_48h[i];
    }
  std::vector<std::uint32_t> focal_ids;
  for (std::uint32_t g = 0; g < facts.senders; ++g)
    if (focal[g]) focal_ids.push_back(g);
  metrics::add_sender_metrics(stats, focal_ids, result);

  const double n = facts.focal == 0 ? 1.0 : static_cast<double>(facts.focal);
  for (std::size_t k = 0; k < kDailySeries; ++k) {
    auto& series = result.daily[kDailyNames[k]];
    for (std::size_t d = 0; d < parts.front().daily.size(); ++d) {
      ExactSum sum;
      for (const auto& part : parts) sum.add(part.daily[d][k]);
      series.push_back(sum.value() / n);
    }
  }
  for (const auto& part : parts) result.events += part.events;

  if (!facts.any_abusive && !facts.any_legit) return result;
  double spam_delivered = 0, legit_blocked = 0, legit_connections = 0, legit = 0, legit_restricted = 0;
  double abusive_n = 0, abusive_restricted = 0, peak_sum = 0;
  std::vector<double> days_to_restrict;
  for (std::uint32_t g = 0; g < facts.senders; ++g) {
    const auto& st = stats[g];
    const bool restricted = first_restricted[g] != core::kNever;
    if (abusive[g]) {
      ++abusive_n;
      spam_delivered += st.invites_sent;
      abusive_restricted += restricted ? 1 : 0;
      // Censored at the horizon: a spammer never restricted counts as "not within the run".
      days_to_restrict.push_back(restricted ? static_cast<double>(first_restricted[g]) / kDay : static_cast<double>(horizon));
      peak_sum += peak[g];
    } else {
      ++legit;
      legit_blocked += st.blocked;
      legit_connections += st.connections_gained;
      legit_restricted += restricted ? 1 : 0;
    }
  }
  auto& m = result.scalars;
  m["legit_invites_blocked"] = legit_blocked;
  m["legit_connections_formed"] = legit_connections;
  m["legit_false_positive_rate"] = legit > 0 ? legit_restricted / legit : 0.0;
  if (!facts.any_abusive) return result;
  m["spam_invites_delivered"] = spam_delivered;
  m["spammer_recall"] = abusive_restricted / abusive_n;
  std::sort(days_to_restrict.begin(), days_to_restrict.end());
  const std::size_t k = days_to_restrict.size();
  m["median_days_to_restrict_spammers"] =
      k % 2 == 1 ? days_to_restrict[k / 2] : 0.5 * (days_to_restrict[k / 2 - 1] + days_to_restrict[k / 2]);
  m["spammer_peak_invites_48h"] = peak_sum / abusive_n;
  // p99 over every member of the world of the invitations received from abusive senders.
  std::vector<std::uint32_t> counts(members, 0);
  for (auto& part : parts) {
    for (const std::uint32_t v : part.unwanted) ++counts[v];
    std::vector<std::uint32_t>().swap(part.unwanted);
  }
  const std::size_t q = std::min(counts.size() - 1, static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(counts.size()))) - 1);
  std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(q), counts.end());
  m["member_unwanted_invites_p99"] = counts[q];
  return result;
}

}  // namespace

metrics::RunResult run_replication(const ReplicationInput& in) {
  const auto& config = in.scenario.arms.at(in.arm).config;
  const PopulationFacts facts = population_facts(config);
  // A trace is written in event order by one loop. Otherwise small shards: a shard's senders,
  // their rules' state and its event queue stay in cache while it runs its whole horizon.
  const std::size_t want = in.shards != 0 ? in.shards : (facts.senders + kSendersPerShard - 1) / kSendersPerShard;
  const auto shards = in.trace != nullptr ? 1u : static_cast<unsigned>(std::clamp<std::size_t>(want, 1, std::max<std::size_t>(facts.senders, 1)));
  const unsigned threads = std::clamp(in.threads, 1u, shards);
  const std::vector<std::uint32_t> members = sender_members(in.world, facts.senders, in.scenario.seed, in.replication);
  std::vector<ShardOut> parts(shards);
  std::vector<std::exception_ptr> errors(shards);
  std::atomic<unsigned> next{0};
  std::atomic<bool> failed{false};
  auto worker = [&] {
    for (unsigned k; !failed.load() && (k = next.fetch_add(1)) < shards;) {
      try {
        parts[k] = Run(in, members, k, shards).run();
      } catch (...) {
        errors[k] = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return combine(parts, facts, config.at("horizon_days").get<int>(), in.world.num_members());
}

}  // namespace linksim::experiment
