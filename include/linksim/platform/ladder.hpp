// The escalation ladder: strikes walk warning → restriction of hours → days → about a week →
// feature limits → account review → suspension, and the restrictions block the actions each step
// names. Two strikes have their own third restriction: too many outstanding invitations, up to a
// month (help a551012); "I don't know this person" reports, invitations that need the recipient's
// email (an automation vendor's help centre). Every step lifts when its time is up, and every
// transition is recorded with its reason in plain English.
#pragma once
#include <array>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/core/time.hpp"
#include "linksim/platform/action.hpp"
#include "linksim/platform/decision.hpp"
#include "linksim/platform/param_reader.hpp"

namespace linksim::platform {

enum class Step : std::uint8_t {
  kWarning,
  kRestrictedHours,
  kRestrictedDays,
  kRestrictedWeek,   ///< the third restriction of a general strike
  kEmailRequired,    ///< the third restriction of a report strike: invitations need the recipient's email
  kRestrictedMonth,  ///< the third restriction (or the first) of an outstanding-invitations strike
  kFeatureLimits,
  kAccountReview,
  kSuspension,
};
inline constexpr std::size_t kSteps = 9;
inline constexpr std::array<std::string_view, kSteps> kStepNames = {
    "warning",          "restricted_hours", "restricted_days", "restricted_week", "email_required",
    "restricted_month", "feature_limits",   "account_review",  "suspension"};

/// How far up the ladder a step is: warning 0, hours 1, days 2, the third restriction (week, email
/// or month, by the strike's kind) 3, feature limits 4, review 5, suspension 6.
constexpr int rung(Step s) {
  const int i = static_cast<int>(s);
  return i <= static_cast<int>(Step::kRestrictedWeek) ? i : i <= static_cast<int>(Step::kRestrictedMonth) ? 3 : i - 2;
}
inline constexpr int kTopRung = rung(Step::kSuspension);

struct LadderStep {
  core::Time duration = 0;    ///< how long the restriction lasts (suspension: for good)
  std::uint32_t blocks = 0;   ///< action_bit mask of what it blocks (email_required: what needs the email)
};

struct LadderParams {
  bool enabled = true;
  std::array<LadderStep, kSteps> steps{};
  std::uint32_t several_per_day = 3;       ///< this many strikes within 24 h jump to restricted_days
  core::Time strike_memory = 90 * core::kDay;  ///< a strike this long after the last one starts over

  static LadderParams from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
  void validate(const std::string& path, Issues& issues) const;
};

/// Why a strike happened; it decides the third restriction. Outstanding-invitations strikes go at
/// least to restricted_month; report strikes need the recipient's email where others are
/// restricted for a week.
enum class StrikeKind : std::uint8_t { kGeneral, kOutstanding, kReports };

/// What a transition means for the sender, typed so that callers need not read state names.
enum class Effect : std::uint8_t {
  kWarning,        ///< a warning: nothing blocked (the ladder's first step, the recruiter InMail warning)
  kRestriction,    ///< something is blocked until `until` (a ladder step, an InMail ban)
  kReinstatement,  ///< back in good standing: nothing the sender is warned about
};

struct Transition {
  core::Time time = 0;
  SenderId sender = 0;
  Effect effect = Effect::kRestriction;
  std::optional<Step> step;  ///< the ladder step reached; empty for restrictions outside the ladder
  std::string from;    ///< state before ("good_standing", a step name, "inmail_ban_1" …)
  std::string to;
  core::Time until = 0;  ///< end of the restriction it imposes (core::kNever: permanent; time: none)
  std::string reason;    ///< e.g. "restricted: acceptance 18% < 30% over the last 100 invites"
  /// Index of the rule whose strike or restriction caused it (Policy::rule_name), set by the
  /// Policy; Decision::kNoRule when no rule was being consulted.
  std::uint8_t rule = Decision::kNoRule;
};

class Ladder final {
 public:
  Ladder(const LadderParams& params, std::size_t senders);

  /// A strike walks the ladder one step (or more, see StrikeKind and several_per_day).
  void strike(SenderId s, core::Time now, StrikeKind kind, const std::string& reason);
  /// A restriction outside the ladder (InMail bans, the recruiter floor), recorded as a transition.
  void restrict(SenderId s, core::Time now, std::uint32_t blocks, core::Time until, Notice notice,
                std::string from, std::string to, std::string reason);
  /// A recorded state change that blocks nothing: a warning (penalty) or a reinstatement.
  void record(SenderId s, core::Time now, std::string from, std::string to, std::string reason, bool penalty = true);

  core::Time blocked_until(SenderId s, ActionKind k) const { return blocked_[index(s, k)]; }
  Notice block_notice(SenderId s, ActionKind k) const { return notice_[index(s, k)]; }
  /// Until when invitations without the recipient's email are refused (the email_required step).
  core::Time email_required_until(SenderId s) const { return email_until_[s]; }
  /// -1 in good standing, else the Step reached.
  int level(SenderId s) const { return level_[s]; }
  std::string_view state_name(SenderId s) const;
  const std::vector<Transition>& transitions() const { return log_; }
  const LadderParams& params() const { return p_; }
  /// The rule the Policy is consulting now: transitions recorded until the next call carry its
  /// index (Decision::kNoRule: none).
  void attribute_to(std::uint8_t rule) { rule_ = rule; }

 private:
  static std::size_t index(SenderId s, ActionKind k) { return s * kActionKinds + static_cast<std::size_t>(k); }
  void block(SenderId s, std::uint32_t blocks, core::Time until, Notice notice);

  LadderParams p_;
  std::vector<std::int8_t> level_;
  std::vector<core::Time> last_strike_;
  std::vector<core::Time> recent_;       ///< ring of the last several_per_day strike times per sender
  std::vector<std::uint8_t> recent_head_;
  std::vector<core::Time> blocked_;      ///< per sender × action kind
  std::vector<Notice> notice_;
  std::vector<core::Time> email_until_;  ///< per sender: invitations need the recipient's email until then
  std::vector<Transition> log_;
  std::uint8_t rule_ = Decision::kNoRule;
};

}  // namespace linksim::platform
