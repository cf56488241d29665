// The answer to Policy::check, and what a sender is shown: "sent", "weekly limit reached",
// a warning, "restricted until …". Strategies read only `verdict`, `notice` and `retry_at`.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "linksim/core/time.hpp"

namespace linksim::platform {

enum class Verdict : std::uint8_t { kAllow, kDeny, kAllowWithStrike };

/// The message the platform shows the sender.
enum class Notice : std::uint8_t {
  kNone,
  kWeeklyLimit,      ///< "you've reached the weekly invitation limit"
  kPendingLimit,     ///< too many pending invitations
  kRateLimited,      ///< a generic limiter said no
  kRestricted,       ///< account restricted for this feature until retry_at
  kSuspended,        ///< account suspended
  kWarning,          ///< the action went through, with a warning
  kEmailRequired,    ///< enter the recipient's email to invite
  kNoteTooLong,
  kNoteQuota,        ///< monthly personalized-note quota used
  kReinviteCooldown, ///< invitation withdrawn recently: wait before re-inviting
  kConnectionLimit,  ///< 30,000 connections: follow only
  kNoCredits,        ///< no InMail credits left
  kAwaitingReply,    ///< one InMail per person until they reply
  kDailyLimit,       ///< daily message cap
  kMessageTooLong,
  kInmailBanned,     ///< InMail sending banned until retry_at
  kMemberBudget,     ///< this member is not accepting invitations now (their budget of strangers' invitations is spent)
};
std::string_view notice_text(Notice n);

/// A refusal about the recipient, not a limit of the sender's ("you can't invite this person
/// again yet", "this member isn't accepting invitations right now"): a sender moves on to its
/// next prospect and comes back to this one at retry_at.
constexpr bool about_recipient(Notice n) { return n == Notice::kReinviteCooldown || n == Notice::kMemberBudget; }

struct Decision {
  static constexpr std::uint8_t kNoRule = 0xFF;
  Verdict verdict = Verdict::kAllow;
  Notice notice = Notice::kNone;
  std::uint8_t rule = kNoRule;       ///< index of the rule that denied (Policy::rule_name); not shown to users
  core::Time retry_at = 0;           ///< deny: earliest time worth retrying (core::kNever: not time-based)

  bool allowed() const { return verdict != Verdict::kDeny; }
};

}  // namespace linksim::platform

namespace linksim::platform {
/// "day 12 14:05" (day 0 is the first day of the run), or "never".
std::string format_time(core::Time t);
}  // namespace linksim::platform
