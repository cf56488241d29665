#include "linksim/platform/decision.hpp"

#include <fmt/format.h>

namespace linksim::platform {

std::string_view notice_text(Notice n) {
  switch (n) {
    case Notice::kNone: return "sent";
    case Notice::kWeeklyLimit: return "you've reached the weekly invitation limit";
    case Notice::kPendingLimit: return "too many pending invitations";
    case Notice::kRateLimited: return "you're doing that too often; try again later";
    case Notice::kRestricted: return "this feature is restricted on your account";
    case Notice::kSuspended: return "your account is suspended";
    case Notice::kWarning: return "warning: unusual activity on your account";
    case Notice::kEmailRequired: return "enter the recipient's email address to connect";
    case Notice::kNoteTooLong: return "your note is too long";
    case Notice::kNoteQuota: return "you've used this month's personalized invitations";
    case Notice::kReinviteCooldown: return "you can't invite this person again yet";
    case Notice::kConnectionLimit: return "you've reached the connection limit; you can follow people";
    case Notice::kNoCredits: return "no InMail credits left";
    case Notice::kAwaitingReply: return "wait for a reply before sending another InMail";
    case Notice::kDailyLimit: return "you've reached today's message limit";
    case Notice::kMessageTooLong: return "your message is too long";
    case Notice::kInmailBanned: return "InMail sending is paused on your account";
    case Notice::kMemberBudget: return "this member isn't accepting invitations right now";
  }
  return "unknown";
}

std::string format_time(core::Time t) {
  if (t == core::kNever) return "never";
  return fmt::format("day {} {:02}:{:02}", core::day_of(t), core::hour_of_day(t),
                     (core::time_of_day(t) % core::kHour) / core::kMinute);
}

}  // namespace linksim::platform
