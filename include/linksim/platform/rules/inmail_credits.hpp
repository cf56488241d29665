// InMail credits (seed; help 57013): each billing month grants the plan's credits, unused ones
// roll over up to the accrual cap, each grant expires after 90 days, a reply within 90 days gives
// the credit back, and a member gets one InMail until they respond.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/pair_map.hpp"
#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class InmailCredits final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "The plan's monthly InMail grant and accrual cap; a month's grant expires after `expiry_days` (oldest "
      "spent first); a reply within `refund_window_days` gives the credit back (\"not interested\" included: "
      "help 57013 refunds every InMail answered in time); with `one_per_person`, one InMail per member until "
      "they respond.";
  struct Params {
    core::Time expiry = 90 * core::kDay;
    core::Time refund_window = 90 * core::kDay;
    bool one_per_person = true;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  InmailCredits(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "inmail_credits"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInmail); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInmail); }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// Unexpired credits at `now` (grants up to now included).
  std::uint32_t balance(SenderId s, core::Time now) const;
  std::uint32_t refunds(SenderId s) const { return refunds_[s]; }

 private:
  struct Bucket {
    std::uint32_t credits = 0;
    core::Time expires = 0;
  };
  Bucket* buckets(SenderId s) const { return &buckets_[std::size_t{s} * slots_]; }
  std::uint32_t live(SenderId s, core::Time t) const;
  void catch_up(SenderId s, core::Time now) const;

  Params p_;
  std::uint32_t slots_;  ///< grants alive at once: ceil(expiry / month) + 1
  std::vector<std::uint32_t> monthly_, cap_;
  // mutable: monthly grants are a function of time, applied lazily when the sender next acts
  mutable std::vector<Bucket> buckets_;
  mutable std::vector<std::int32_t> granted_through_;  ///< last billing month granted, -1: none
  std::vector<std::uint32_t> refunds_;
  PairMap awaiting_;  ///< (sender, member) → when the unanswered InMail went out
};

}  // namespace linksim::platform
