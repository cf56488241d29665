#include "experiment/shard/invitations.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "experiment/shard/adaptation.hpp"
#include "experiment/shard/events.hpp"
#include "experiment/shard/prospector.hpp"
#include "experiment/shard/ring.hpp"
#include "linksim/model/active_delay.hpp"
#include "linksim/model/invite_response.hpp"

namespace linksim::experiment {

using core::kDay;
using core::kHour;

void Invitations::new_day(std::uint32_t s, Time now) {
  ctx_.senders[s].invites_today = 0;
  hygiene(s, now);
}

/// Nothing left to invite: the pool has run dry and no withdrawn prospect is waiting for its
/// re-invitation.
static bool idle(const Sender& x) { return x.exhausted && x.reinvites.empty(); }

void Invitations::plan_day(std::uint32_t s, Time now, Time open, int day) {
  Sender& x = ctx_.senders[s];
  const auto& st = x.strategy->invites;
  // A sender who abandons a restricted account opens the next one this morning (strategy.adapt).
  if (x.rotate_due) {
    adaptation::rotate(x, day);
    ++ctx_.stats[s].accounts_rotated;
  }
  // A ring forms on the account's first day, before any prospect is invited.
  if (!x.ring.empty() && x.ring_account != x.account && day >= st.start_day) {
    x.ring_account = x.account;
    ring::form(ctx_, gw_, s, open);
  }
  const bool today = day >= st.start_day && ((st.days_mask >> core::day_of_week(now)) & 1u) != 0;
  // The ramp-up counts from the account's first day: a fresh account ramps up again.
  const int first = std::max(st.start_day, x.account_day);
  x.pace_today = today ? adaptation::invite_pace(x, st.pace_on_day(day - first)) : 0;
  ctx_.stats[s].invites_planned += x.pace_today;
  if (idle(x)) ctx_.stats[s].invites_lost_to_pool += x.pace_today;
  // A day lost to a restriction (or the back-off after one): its planned invitations count as
  // blocked, as refused attempts do.
  if (x.paused_until > now + kDay - 1 && !idle(x)) ctx_.stats[s].blocked += x.pace_today;
  if (x.pace_today > 0 && !idle(x)) ctx_.schedule(open + ctx_.jitter(x, ShardContext::kInviteStart), ev::kInviteWake, s);
}

void Invitations::schedule_next_wake(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  const int left = x.pace_today - x.invites_today;
  if (left <= 0 || idle(x)) return;
  const Time day = core::start_of_day(now);
  const Time close = x.strategy->invites.working_hours ? ShardContext::window_close(day) : day + kDay - 2;
  const Time room = close - now;
  if (room <= 0) return;
  const double even = static_cast<double>(room) / (left + 1);
  const double gap = x.strategy->invites.random_gaps ? core::exponential(x.rng, even) : even;
  const Time at = now + std::max<Time>(1, static_cast<Time>(gap));
  if (at < close) ctx_.schedule(at, ev::kInviteWake, s);
}

void Invitations::on_wake(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  if (now < x.paused_until) return;
  // A sender that has learned the caps stays under them (strategy.adapt.probe_cap).
  if (!adaptation::under_ceiling(x, gw_.pending(s), now)) return;
  const auto& st = *x.strategy;
  // A prospect whose invitation was refused last time comes first: being told "limit
  // reached" does not make the sender forget who they meant to invite.
  std::optional<std::uint32_t> target = x.carried;
  x.retrying = target.has_value();
  x.carried.reset();
  // A withdrawn prospect whose re-invitation is due comes next (hygiene.reinvite_after_days).
  if (!target && !x.reinvites.empty() && x.reinvites.front().first <= now) {
    target = x.reinvites.front().second;
    x.reinvites.pop_front();
  }
  if (!target) target = prospector::next(x, ctx_.stats[s], now);
  if (!target) {
    // The pool is dry: the rest of today's plan is lost to it, unless a re-invitation is due later.
    if (x.reinvites.empty()) ctx_.stats[s].invites_lost_to_pool += std::max(0, x.pace_today - x.invites_today);
    return;
  }
  ctx_.world.prefetch_member(*target);
  ++x.invites_today;
  if (st.warmup.days > 0) {
    // Engage before connecting: likes and comments for D days, then the invitation.
    ctx_.effort(s, model::Action::kEngagement, static_cast<double>(st.warmup.days) * st.warmup.touches_per_day);
    ctx_.schedule(now + static_cast<Time>(st.warmup.days) * kDay, ev::kWarmInvite, s, *target);
  } else if (!send(s, *target, now, false)) {
    if (!requeued_) x.carried = target;
    return;  // denied: send decided when to try again
  }
  schedule_next_wake(s, now);
  prospector::look_ahead(ctx_.world, x);
}

/// The invitation at the end of a warm-up. If it is refused (a limit, a restriction, a pause),
/// the warmed-up prospect is kept and tried again when the sender resumes (on_denied set the
/// pause), at the earliest the next morning.
void Invitations::on_warm(std::uint32_t s, std::uint32_t target, bool retry, Time now) {
  ctx_.senders[s].retrying = retry;
  if (send(s, target, now, true) || requeued_) return;
  Sender& x = ctx_.senders[s];
  if (x.paused_until > ctx_.last) return;  // paused past the horizon (or suspended: kNever)
  const Time at = std::max(x.paused_until, ShardContext::window_open(core::start_of_day(now) + kDay)) + ctx_.jitter(x, ShardContext::kDeferred);
  ctx_.schedule(at, ev::kWarmInvite, s, target, 1);  // schedule() drops times past the horizon
}

namespace {

model::NoteKind note_kind(strategy::Note n) {
  return n == strategy::Note::kPersonalized ? model::NoteKind::kPersonalized
         : n == strategy::Note::kTemplate   ? model::NoteKind::kTemplate
                                            : model::NoteKind::kNone;
}

model::Action effort_of(model::NoteKind n) {
  return n == model::NoteKind::kPersonalized ? model::Action::kInvitePersonalized
         : n == model::NoteKind::kTemplate   ? model::Action::kInviteTemplate
                                             : model::Action::kInvite;
}

}  // namespace

bool Invitations::send(std::uint32_t s, std::uint32_t target, Time now, bool warmed) {
  Sender& x = ctx_.senders[s];
  const auto& st = *x.strategy;
  const auto& world = ctx_.world;
  requeued_ = false;
  if (now < x.paused_until) return false;
  strategy::Note note = st.invites.note;
  platform::Action a;
  a.kind = platform::ActionKind::kInvite;
  a.recipient = target;
  a.chars = static_cast<std::uint16_t>(note == strategy::Note::kNone ? 0 : st.invites.note_chars);
  a.personalized = note == strategy::Note::kPersonalized;
  a.out_of_region = world.region(target) != world.region(x.member);
  a.out_of_industry = world.industry(target) != world.industry(x.member);
  const std::uint32_t mutual = x.new_account ? 0 : x.prospects->mutual_seen(target);
  a.mutual = static_cast<std::uint16_t>(std::min<std::uint32_t>(mutual, UINT16_MAX));
  const std::size_t mark = gw_.mark();
  platform::Decision d = gw_.check(a, s, now);
  // A refused note is not a refused invitation: the sender trims a note that is too long to
  // the plan's limit, and once the month's personalized notes are used up (free plan: 5) sends
  // the invitation without one, as the platform offers. At most two retries.
  for (int retry = 0; retry < 2 && !d.allowed() && note != strategy::Note::kNone &&
                      (d.notice == platform::Notice::kNoteTooLong || d.notice == platform::Notice::kNoteQuota);
       ++retry) {
    ctx_.trace(s, now, target, [&] { return gw_.denial<trace::NoteDropped>(d, a, s, now); });
    const auto limit = ctx_.plan.platform.plans[static_cast<std::size_t>(x.plan)].note_chars;
    if (d.notice == platform::Notice::kNoteTooLong && limit > 0) {
      a.chars = static_cast<std::uint16_t>(limit);
    } else {
      note = strategy::Note::kNone;
      a.chars = 0;
      a.personalized = false;
    }
    d = gw_.check(a, s, now);
  }
  if (!d.allowed()) {
    ++ctx_.stats[s].denied;
    ctx_.denials.add(s, d.rule);
    if (!x.retrying) ++ctx_.stats[s].blocked;  // a new invitation refused (retries not counted again)
    ctx_.trace(s, now, target, [&] { return gw_.denial<trace::InviteDenied>(d, a, s, now); });
    if (platform::about_recipient(d.notice)) {
      // The sender moves on to the next prospect and comes back to this one when the platform
      // says it may.
      requeue(x, d.retry_at, target);
      requeued_ = true;  // not carried to the next wake: it comes back from the queue
      if (!warmed) schedule_next_wake(s, now);
      gw_.sync(mark);
      return false;
    }
    on_denied(s, d, now, !warmed);  // a warm invitation is retried by on_warm, not by a wake
    gw_.sync(mark);
    return false;
  }
  gw_.sync(mark);
  const std::uint32_t id = static_cast<std::uint32_t>(ctx_.invites.size());
  Invite inv;
  inv.sender = s;
  inv.target = target;
  inv.sent_at = static_cast<std::int32_t>(now);  // < Policy::kMaxTime: check() accepted it
  inv.personalized = a.personalized;
  inv.account = x.account;
  inv.warm_touches = static_cast<std::uint16_t>(warmed ? st.warmup.days * st.warmup.touches_per_day : 0);
  model::InviteFeatures f;
  f.same_industry = !a.out_of_industry;
  f.same_region = !a.out_of_region;
  f.note = note_kind(note);
  f.note_length = a.chars;
  f.warmup_touches = inv.warm_touches;
  f.warmup_days = static_cast<std::uint16_t>(warmed ? st.warmup.days : 0);
  // TeamLink: on a plan that has it, a strategy that uses it finds a teammate connected to a
  // share of its prospects (the same prospects in every arm: the pair's own stream).
  if (st.targeting.teamlink && ctx_.plan.platform.plans[static_cast<std::size_t>(x.plan)].teamlink) {
    core::Rng team = ctx_.pair_rng(x.member, target, streams::Pair::kTeamlink);
    f.teamlink = core::uniform01(team) < ctx_.plan.response.invite.teamlink_share;
  }
  f.target_seniority = static_cast<std::uint8_t>(world.seniority(target));
  f.sender_seniority = static_cast<std::uint8_t>(world.seniority(x.member));
  f.sender_profile_strength = static_cast<float>(x.profile_strength);
  f.accept_propensity = static_cast<float>(world.accept_propensity(target));
  f.report_propensity = static_cast<float>(world.report_propensity(target));
  f.activity = static_cast<float>(world.activity(target));
  inv.mutual = mutual;
  f.mutual_connections = inv.mutual;
  core::Rng rng = ctx_.pair_rng(x.member, target, streams::Pair::kInvite);
  const auto& params = ctx_.plan.response.invite;
  const model::InviteOutcome o = model::draw_invite_outcome(params, f, rng);
  inv.response = o.outcome;
  ctx_.invites.push_back(inv);
  x.invites.push_back(id);
  auto& stat = ctx_.stats[s];
  ++stat.invites_sent;
  if (o.outcome == model::InviteResponse::kAccept) ++stat.invites_would_accept;
  if (f.note != model::NoteKind::kNone) ++stat.invites_with_note;
  ++stat.sent_today;
  adaptation::on_sent(x, now);
  ++stat.pending;
  ctx_.effort(s, effort_of(f.note));
  ctx_.trace(s, now, target, trace::InviteSent{inv.mutual, f.same_industry, f.note});
  if (o.outcome == model::InviteResponse::kIgnore) {
    // The member looks at it on a day they are active and leaves it pending.
    const double q = model::daily_action_probability(f.activity, params.attention);
    const Time seen_delay = model::active_delay(q, core::uniform01(rng), core::uniform01(rng));
    if (seen_delay != core::kNever && seen_delay < o.delay_seconds) ctx_.schedule(now + seen_delay, ev::kSeen, s, id);
  }
  if (o.delay_seconds != core::kNever) ctx_.schedule(now + o.delay_seconds, ev::kResolve, s, id);
  return true;
}

void Invitations::on_denied(std::uint32_t s, const platform::Decision& d, Time now, bool wake) {
  Sender& x = ctx_.senders[s];
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
      // A limit: a sender that probes learns it (strategy.adapt.probe_cap); a user who reads
      // "limit reached" stops for the day (or until the window frees); an automation tool that
      // ignores it keeps trying at its next slot.
      adaptation::on_limit(x, d.notice, gw_.pending(s), now);
      if (x.strategy->invites.stop_at_weekly_cap || d.retry_at == core::kNever)
        x.paused_until = std::max(tomorrow, d.retry_at == core::kNever ? tomorrow : d.retry_at);
      else if (wake)
        schedule_next_wake(s, now);
      break;
  }
}

void Invitations::on_seen(std::uint32_t id, Time now) {
  const Invite& inv = ctx_.invites[id];
  if (inv.status != InviteStatus::kPending) return;
  gw_.observe_account(inv.sender, inv.account, platform::OutcomeKind::kIgnored, inv.target, inv.sent_at, now);
}

void Invitations::on_resolve(std::uint32_t id, Time now) {
  Invite& inv = ctx_.invites[id];
  if (inv.status != InviteStatus::kPending) return;  // withdrawn meanwhile
  auto& stat = ctx_.stats[inv.sender];
  Sender& x = ctx_.senders[inv.sender];
  --stat.pending;
  switch (inv.response) {
    case model::InviteResponse::kAccept:
      inv.status = InviteStatus::kAccepted;
      ++stat.invites_accepted;
      ++stat.connections_gained;
      gw_.observe_account(inv.sender, inv.account, platform::OutcomeKind::kAccepted, inv.target, inv.sent_at, now);
      ctx_.trace(inv.sender, now, inv.target, trace::InviteAccepted{static_cast<double>(now - inv.sent_at) / kDay});
      if (x.creator) x.creator->add_connection(inv.target);
      if (x.strategy->followups.messages > 0) ctx_.schedule(now + kHour, ev::kMessage, inv.sender, id, 0);
      break;
    case model::InviteResponse::kDecline:
      inv.status = InviteStatus::kDeclined;
      ++stat.invites_declined;
      gw_.observe_account(inv.sender, inv.account, platform::OutcomeKind::kDeclined, inv.target, inv.sent_at, now);
      ctx_.trace(inv.sender, now, inv.target, trace::InviteDeclined{});
      break;
    case model::InviteResponse::kReport:
      inv.status = InviteStatus::kReported;
      ++stat.spam_reports;
      gw_.observe_account(inv.sender, inv.account, platform::OutcomeKind::kReported, inv.target, inv.sent_at, now);
      ctx_.trace(inv.sender, now, inv.target, trace::InviteReported{});
      break;
    case model::InviteResponse::kIgnore:
      // Expired: the platform withdraws it (it was ignored all along).
      inv.status = InviteStatus::kExpired;
      ++stat.expired;
      gw_.observe_account(inv.sender, inv.account, platform::OutcomeKind::kWithdrawn, inv.target, inv.sent_at, now);
      break;
  }
}

void Invitations::hygiene(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  const int after = x.strategy->hygiene.withdraw_after_days;
  if (after <= 0) return;
  const Time cutoff = now - static_cast<Time>(after) * kDay;
  while (x.hygiene_pos < x.invites.size()) {
    Invite& inv = ctx_.invites[x.invites[x.hygiene_pos]];
    if (inv.sent_at > cutoff) break;
    ++x.hygiene_pos;
    if (inv.status != InviteStatus::kPending) continue;
    inv.status = InviteStatus::kWithdrawn;
    auto& stat = ctx_.stats[s];
    --stat.pending;
    ++stat.withdrawn;
    if (inv.response == model::InviteResponse::kAccept) --stat.invites_would_accept;  // withdrawn before the answer
    ctx_.effort(s, model::Action::kWithdraw);
    gw_.observe_account(s, inv.account, platform::OutcomeKind::kWithdrawn, inv.target, inv.sent_at, now);
    ctx_.trace(s, now, inv.target, trace::InviteWithdrawn{after});
    const int again = x.strategy->hygiene.reinvite_after_days;
    if (again > 0) requeue(x, now + static_cast<Time>(again) * kDay, inv.target);
  }
}

void Invitations::requeue(Sender& x, Time at, std::uint32_t target) {
  if (at == core::kNever || at > ctx_.last) return;  // not within the run
  // Kept in time order: withdrawals come in order, a refused re-invitation may come back later.
  auto it = x.reinvites.end();
  while (it != x.reinvites.begin() && std::prev(it)->first > at) --it;
  x.reinvites.insert(it, {at, target});
}

}  // namespace linksim::experiment
