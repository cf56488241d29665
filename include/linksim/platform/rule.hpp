// The extension point for platform limits: a small abstract base. A rule checks actions (pure),
// counts the ones every rule let through, reacts to outcomes, and may strike through the ladder.
// Concrete rules are `final`, validate their Params in the constructor, and are built by name in
// rule_factory.cpp. Per-sender state lives in flat vectors indexed by SenderId.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "linksim/core/time.hpp"
#include "linksim/platform/action.hpp"
#include "linksim/platform/decision.hpp"
#include "linksim/platform/ladder.hpp"
#include "linksim/platform/param_schema.hpp"
#include "linksim/platform/sender_book.hpp"

namespace linksim::platform {

/// "Never happened" for last-event times: far enough back that now - kLongAgo cannot overflow.
inline constexpr core::Time kLongAgo = -(core::Time{1} << 62);

/// One rule's answer: pass, or deny with what the user is told and when to retry.
struct RuleCheck {
  bool ok = true;
  Notice notice = Notice::kNone;
  core::Time retry_at = 0;
  static RuleCheck pass() { return {}; }
  static RuleCheck deny(Notice n, core::Time retry_at) { return {false, n, retry_at}; }
};

/// What commit/observe may change: the shared sender state and the ladder.
struct Context {
  SenderBook& senders;
  Ladder& ladder;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual std::string_view name() const = 0;
  /// action_bit mask of the actions check() may refuse.
  virtual std::uint32_t checks() const = 0;
  /// action_bit mask of the actions commit() counts (the Policy calls nothing else).
  virtual std::uint32_t counts() const { return 0; }
  /// outcome_bit mask of the outcomes it observes.
  virtual std::uint32_t outcomes() const { return 0; }

  /// May `a` pass now? Must not change state (another rule may still deny the action).
  virtual RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const = 0;
  /// Every rule passed `a` (and `a` is one of counts()): count it.
  virtual void commit(const Action& /*a*/, SenderId /*s*/, core::Time /*now*/, Context& /*ctx*/) {}
  /// Whether denied() does anything (the Policy skips the call otherwise).
  virtual bool reacts_to_denials() const { return false; }
  /// This rule denied `a` (a rule may strike on repeated denials).
  virtual void denied(const Action& /*a*/, SenderId /*s*/, core::Time /*now*/, Context& /*ctx*/) {}
  virtual void observe(const Outcome& /*o*/, SenderId /*s*/, core::Time /*now*/, Context& /*ctx*/) {}
  /// Why check() denies `a` now, in plain English (cold path: traces and explanations).
  virtual std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const = 0;
};

}  // namespace linksim::platform
