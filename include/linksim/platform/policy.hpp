// The platform's decision point: Policy::check(action, sender, now) answers allow / deny(reason,
// retry_at) / allow-with-strike, and Policy::observe(outcome) feeds responses back to the rules.
// One Policy serves N senders with their plans; it is not thread-safe (one per simulation).
#pragma once
#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linksim/platform/decision.hpp"
#include "linksim/platform/ladder.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/platform/rule.hpp"
#include "linksim/platform/sender_book.hpp"

namespace linksim::platform {

class Policy final {
 public:
  /// Times passed to check/observe must be in [0, kMaxTime] (rules store int32 seconds).
  static constexpr core::Time kMaxTime = (core::Time{1} << 31) - 1;

  Policy(const PlatformParams& params, std::span<const PlanId> sender_plans);

  /// An attempt: if every rule allows it, the action is counted (so call it when the sender acts).
  Decision check(const Action& a, SenderId s, core::Time now);
  void observe(const Outcome& o, SenderId s, core::Time now);

  /// Why `d` came out as it did, in plain English (e.g. "weekly limit: 100 invitations in the last
  /// 7 days (cap 100)"). Call it right after check, before other actions change the state.
  std::string explain(const Decision& d, const Action& a, SenderId s, core::Time now) const;
  std::string_view rule_name(std::uint8_t index) const;
  /// How many rules the Policy consults (indices 0 … rule_count() − 1).
  std::size_t rule_count() const { return rules_.size(); }

  std::size_t size() const { return book_.size(); }
  /// Shared sender state; set starting connections / pending counts here before the run.
  SenderBook& senders() { return book_; }
  const SenderBook& senders() const { return book_; }
  const Ladder& ladder() const { return ladder_; }
  /// Every ladder transition so far, with its reason.
  const std::vector<Transition>& transitions() const { return ladder_.transitions(); }

 private:
  Decision strike_decision(const Transition& t, SenderId s, ActionKind k, core::Time now) const;
  static void check_time(core::Time now) {
    if (now < 0 || now > kMaxTime) time_out_of_range(now);
  }
  [[noreturn]] static void time_out_of_range(core::Time now);

  SenderBook book_;
  Ladder ladder_;
  std::vector<std::unique_ptr<Rule>> rules_;
  struct Checker {
    Rule* rule;
    std::uint8_t index;
    bool reacts;  ///< calls denied() when it refuses
  };
  /// A rule with its index: the ladder attributes what the rule's calls record to it.
  struct Indexed {
    Rule* rule;
    std::uint8_t index;
  };
  std::array<std::vector<Checker>, kActionKinds> checkers_;  // in rule order
  std::array<std::vector<Indexed>, kActionKinds> counters_;
  std::array<std::vector<Indexed>, kOutcomeKinds> by_outcome_;
};

}  // namespace linksim::platform
