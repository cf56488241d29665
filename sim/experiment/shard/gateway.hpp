// The platform gateway: the loop's only caller of platform::Policy. It asks for decisions,
// reports what members did, and turns every ladder transition (typed: warning, restriction,
// reinstatement) into what the sender sees and does: the counters, the first restriction for
// scoring, the back-off, the trace. A sender who rotates accounts (strategy.adapt) has one platform
// identity per account, allocated up front: account k of local sender s is s + k·n. The platform
// never learns that two identities are one person.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "experiment/shard/context.hpp"
#include "linksim/platform/policy.hpp"

namespace linksim::experiment {

class PlatformGateway {
 public:
  explicit PlatformGateway(ShardContext& ctx);

  /// Where the ladder's log stands; pass it to sync() after one or more check()s.
  std::size_t mark() const { return policy_->transitions().size(); }
  /// A decision whose ladder consequences wait for sync(mark) (a sender's own reaction to a
  /// refusal comes first).
  platform::Decision check(const platform::Action& a, std::uint32_t s, Time now) { return policy_->check(a, id(s), now); }
  /// Applies the transitions since `mark` to the senders.
  void sync(std::size_t mark);
  /// check() and sync() together.
  platform::Decision decide(const platform::Action& a, std::uint32_t s, Time now) {
    const std::size_t before = mark();
    const auto d = policy_->check(a, id(s), now);
    sync(before);
    return d;
  }
  /// A member's response (or the sender's withdrawal) of something sent at `sent_at`, by the
  /// sender's current account.
  void observe(std::uint32_t s, platform::OutcomeKind k, std::uint32_t other, Time sent_at, Time now) {
    observe_account(s, ctx_.senders[s].account, k, other, sent_at, now);
  }
  /// The same for something an earlier account sent (a response reaches the account that sent it).
  void observe_account(std::uint32_t s, std::uint8_t account, platform::OutcomeKind k, std::uint32_t other, Time sent_at,
                       Time now) {
    const std::size_t before = mark();
    policy_->observe(platform::Outcome{k, other, sent_at}, id(s, account), now);
    sync(before);
  }
  /// Accounts each sender may use (1 + the shard's largest adapt.rotate_accounts).
  std::uint32_t accounts() const { return accounts_; }
  /// The trace's account of a refusal (call right after check, before the state changes).
  template <class Record>
  Record denial(const platform::Decision& d, const platform::Action& a, std::uint32_t s, Time now) const {
    Record r;
    r.notice = d.notice;
    r.rule = policy_->rule_name(d.rule);
    r.why = policy_->explain(d, a, id(s), now);
    return r;
  }

  /// A restriction blocked the sender's invitations at some time of the day starting at `day` (call
  /// at the day's end): a ladder block, or the email requirement (no strategy has a recipient's
  /// email). Each lifts at its end time, so a restriction that lifted during the day still counts.
  bool invites_blocked(std::uint32_t s, Time day) const {
    const platform::Ladder& l = policy_->ladder();
    return std::max(l.blocked_until(id(s), platform::ActionKind::kInvite), l.email_required_until(id(s))) > day;
  }
  std::uint32_t weekly_cap(std::uint32_t s) const { return policy_->senders().weekly_cap(id(s)); }
  /// Invitations pending for the sender's current account, as the platform counts them.
  std::uint32_t pending(std::uint32_t s) const { return policy_->senders().pending[id(s)]; }
  bool suspended(std::uint32_t s) const {
    return policy_->ladder().level(id(s)) == static_cast<int>(platform::Step::kSuspension);
  }
  /// The platform, read-only (the breakdowns read its log at the end).
  const platform::Policy& policy() const { return *policy_; }

 private:
  void apply(const platform::Transition& t);
  /// The platform identity of local sender s's current account (or of `account`).
  platform::SenderId id(std::uint32_t s) const { return id(s, ctx_.senders[s].account); }
  platform::SenderId id(std::uint32_t s, std::uint8_t account) const {
    return s + static_cast<platform::SenderId>(account) * static_cast<platform::SenderId>(ctx_.senders.size());
  }
  std::uint32_t accounts_ = 1;

  ShardContext& ctx_;
  std::unique_ptr<platform::Policy> policy_;
};

}  // namespace linksim::experiment
