// Weekly invitation cap per calendar week (Monday 00:00 to Monday 00:00; some practitioners say
// LinkedIn counts this way). Around a week boundary it lets up to twice the cap through within
// hours, which the rolling window does not. Same pending option as the rolling cap, and the same
// personal cap (lowered by the acceptance floor). A sender whose week is exactly that cap is
// never refused here, where a rolling window refuses a Monday that starts earlier than the last.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/limiters/fixed_window.hpp"
#include "linksim/platform/rule.hpp"
#include "linksim/platform/rules/limit_hits.hpp"

namespace linksim::platform {

class InviteCapCalendar final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "The plan's weekly invitation cap per calendar week (Monday 00:00 to Monday 00:00), with the options of "
      "invite_cap_rolling.";
  struct Params {
    bool count_pending = false;
    LimitHits::Params hits;  ///< strikes for refusals again and again (off by default)
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  InviteCapCalendar(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "invite_cap_calendar"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  bool reacts_to_denials() const override { return hits_.enabled(); }
  void denied(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

 private:
  std::uint64_t usage(SenderId s, core::Time now, const SenderBook& book) const;

  Params p_;
  LimitHits hits_;
  FixedWindow<SecondClock> week_;
  std::vector<FixedWindow<SecondClock>::State> sent_;
  std::vector<FixedWindow<SecondClock>::State> resolved_;  ///< this week's sends already answered
};

}  // namespace linksim::platform
