// What a sender tries to do (Action) and what happens afterwards (Outcome): the two inputs of
// platform::Policy. Plain records, passed by value on the hot path.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "linksim/core/time.hpp"

namespace linksim::platform {

using SenderId = std::uint32_t;  ///< index of a sender in the Policy (0 … N-1)
using MemberId = std::uint32_t;  ///< a member of the graph

/// Actions a rule can limit; also the features a restriction can block.
enum class ActionKind : std::uint8_t { kInvite, kInmail, kMessage, kFollow, kPost };
inline constexpr std::size_t kActionKinds = 5;
inline constexpr std::array<std::string_view, kActionKinds> kActionNames = {"invite", "inmail", "message",
                                                                            "follow", "post"};
constexpr std::string_view action_name(ActionKind k) { return kActionNames[static_cast<std::size_t>(k)]; }
constexpr std::uint32_t action_bit(ActionKind k) { return 1u << static_cast<unsigned>(k); }

struct Action {
  ActionKind kind = ActionKind::kInvite;
  MemberId recipient = 0;
  std::uint16_t chars = 0;       ///< note length (invite) or message length (message, InMail)
  bool personalized = false;     ///< a note written for this person (counts toward the monthly quota)
  bool out_of_region = false;    ///< recipient outside the sender's region
  bool out_of_industry = false;  ///< recipient outside the sender's industry
  bool has_email = false;        ///< the sender typed the recipient's email (needed after too many reports)
  std::uint16_t mutual = 0;      ///< mutual connections with the recipient (invites)
};

/// Responses and other events the platform observes after an action.
enum class OutcomeKind : std::uint8_t {
  kAccepted,        ///< invite accepted (a connection)
  kIgnored,         ///< the member saw the invite and left it pending
  kDeclined,        ///< invite declined
  kReported,        ///< invite declined with "I don't know this person" / spam
  kWithdrawn,       ///< the sender withdrew a pending invite
  kReplied,         ///< a reply to a message
  kInmailReplied,   ///< a reply to an InMail (refunds the credit within the refund window)
  kInmailDeclined,  ///< "not interested": a response (refunds the credit like any other)
  kInmailReported,  ///< InMail flagged as spam or inappropriate (a violation)
  kConnected,       ///< a connection gained without an invite of ours (inbound)
  kDisconnected,    ///< a connection removed
};
inline constexpr std::size_t kOutcomeKinds = 11;
constexpr std::uint32_t outcome_bit(OutcomeKind k) { return 1u << static_cast<unsigned>(k); }

struct Outcome {
  OutcomeKind kind = OutcomeKind::kAccepted;
  MemberId other = 0;       ///< the recipient of the original action
  core::Time sent_at = 0;   ///< when the original invite / InMail was sent
};

}  // namespace linksim::platform
