// The kinds of event a shard loop routes, and what each one's payload fields hold. Events stay
// the engine's plain 40-byte records (core::Event): a sender index, a record id and a small int.
#pragma once
#include <cstdint>

namespace linksim::experiment::ev {

enum Kind : std::uint32_t {
  kDayStart = 1,  ///< every sender plans its day
  kDayEnd,        ///< the recorder closes the day
  kInviteWake,    ///< a = sender: time for the next invitation
  kWarmInvite,    ///< a = sender, b = prospect (warm-up finished), c = 1 on a retry after a refusal
  kSeen,          ///< b = invite: the member saw it and left it pending
  kResolve,       ///< b = invite: the member's answer (or expiry)
  kMessage,       ///< a = sender, b = invite (the connection), c = touch (0: first message)
  kReply,         ///< a = sender, b = invite: the connection answered a message
  kInmailWake,    ///< a = sender: today's InMails
  kInmailAnswer,  ///< b = InMail record
  kEmailWake,     ///< a = sender: today's emails
  kEmailTouch,    ///< b = email thread, c = touch (0: first email)
  kEmailReply,    ///< b = email thread
  kPost,          ///< a = sender
  kInbound,       ///< a = sender, b = member, c = InboundKind
  kNetworkWake,   ///< a = sender: today's messages to first-degree connections
};

/// What a post's reader does toward its author (payload c of kInbound).
enum InboundKind : std::uint32_t { kFollow = 0, kInvite = 1 };

}  // namespace linksim::experiment::ev
