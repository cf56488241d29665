// Weekly invitation cap over a rolling window (default 7 days; seed: "about 100 per week", and
// hitting it blocks until the window frees, help a550555). The cap is the plan's, lowered by the
// acceptance floor. Option (seed FAQ): pending invitations count toward the cap until they are
// accepted, declined or withdrawn, even after they leave the window.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"
#include "linksim/platform/rules/limit_hits.hpp"

namespace linksim::platform {

class InviteCapRolling final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "The plan's weekly invitation cap over a rolling window of `window_days`. Options: pending invitations "
      "count until answered (`count_pending`); `strike_after_denials` refused attempts within "
      "`denials_window_days` are a strike.";
  struct Params {
    core::Time window = 7 * core::kDay;
    bool count_pending = false;
    LimitHits::Params hits;  ///< strikes for refusals again and again (off by default)
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  InviteCapRolling(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "invite_cap_rolling"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  bool reacts_to_denials() const override { return hits_.enabled(); }
  void denied(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// Invitations sent inside (now - window, now].
  std::uint32_t in_window(SenderId s, core::Time now) const;

 private:
  struct Log {
    std::uint64_t offset = 0;       ///< first slot in stamps_ / resolved_
    std::uint32_t capacity = 0;     ///< the plan's cap (the personal cap is never higher)
    std::uint32_t pushed = 0;       ///< invitations logged so far (slot = index % capacity)
    std::uint32_t head = 0;         ///< pushed % capacity, kept so the hot path needs no division
    std::uint32_t tail = 0;         ///< first logged invitation still in the window (count_pending only)
    std::uint32_t resolved_in_window = 0;
  };
  core::Time stamp(const Log& l, std::uint32_t i) const { return stamps_[l.offset + i % l.capacity]; }
  /// The k-th most recent invitation (k < min(pushed, capacity)).
  core::Time recent(const Log& l, std::uint32_t k) const {
    std::uint32_t i = l.head + l.capacity - 1 - k;
    if (i >= l.capacity) i -= l.capacity;
    return stamps_[l.offset + i];
  }
  void expire(Log& l, core::Time now) const;

  Params p_;
  LimitHits hits_;
  mutable std::vector<Log> logs_;        // mutable: expiring old entries is a cache, not a change
  std::vector<std::int32_t> stamps_;     // seconds; the Policy keeps times below 2^31
  std::vector<std::uint8_t> resolved_;
};

}  // namespace linksim::platform
