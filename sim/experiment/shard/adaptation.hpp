// Adaptive senders (strategy.adapt): how a sender reacts to what the platform shows it — a
// warning, "limit reached", "restricted until" — the way abusers who probe a platform do:
// slowing after each penalty, learning the effective cap from the first "limit reached" and
// staying a margin under it, and abandoning a restricted account for a fresh one. The state is
// the sender's own (what it saw); the platform's view of an account is in the gateway.
#pragma once
#include <cstdint>

#include "experiment/shard/context.hpp"
#include "linksim/platform/ladder.hpp"

namespace linksim::experiment::adaptation {

/// A warning or restriction of the sender's current account: the pace drops by slow_factor, a
/// penalty at adapt.switch_at or higher moves the invitation volume to adapt.switch_to, and a
/// restriction at adapt.rotate_at or higher marks the account for abandonment while one of the
/// `accounts` identities is left.
void on_penalty(Sender& x, const platform::Transition& t, std::uint32_t accounts);

/// The platform refused an invitation with `notice`: with probe_cap, a weekly or rate limit
/// teaches the cap (invitations sent in the last 7 days), a pending limit the pending cap.
void on_limit(Sender& x, platform::Notice notice, std::uint32_t pending, Time now);

/// An invitation went out at `now` (probe_cap keeps the last 7 days of send times).
void on_sent(Sender& x, Time now);

/// Whether the sender's own ceilings let another invitation go at `now`. If not, paused_until
/// is set to when the weekly one frees (the pending one frees only as invitations are answered:
/// the sender looks again the next morning).
bool under_ceiling(Sender& x, std::uint32_t pending, Time now);

/// The day's planned pace after slowing (at least 1 when `pace` > 0).
int scaled_pace(const Sender& x, int pace);

/// Today's invitation pace, InMails a week and first emails a day: after a switch (adapt.switch_to)
/// the account invites no more and the strategy's invites.per_day goes to the chosen channel
/// (InMail: five working days' worth a week), or the channel's own volume if that is larger.
int invite_pace(const Sender& x, int pace);
int inmails_per_week(const Sender& x);
int emails_per_day(const Sender& x);

/// Switch to the next account on simulated day `day` (adapt.rotate_accounts): it inherits nothing
/// — no connections (a new account to recipients), no pace reduction, the ramp-up starts over —
/// — and it invites again after a channel switch — but the person keeps what it learned about the caps and its list of prospects (a prospect
/// refused on the old account is tried first on the new one).
void rotate(Sender& x, int day);

}  // namespace linksim::experiment::adaptation
