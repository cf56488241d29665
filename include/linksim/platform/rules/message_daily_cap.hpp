// Messages to first-degree connections: at most the plan's daily cap (seed: up to 120 a day) per
// calendar day, each at most the plan's length (seed: 8,000 characters).
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/limiters/fixed_window.hpp"
#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class MessageDailyCap final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "The plan's messages to first-degree connections per calendar day (`daily_message_cap`) and their "
      "length (`message_chars`).";
  struct Params {
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string&, Issues&) const {}
  };

  MessageDailyCap(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "message_daily_cap"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kMessage); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kMessage); }
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

 private:
  FixedWindow<SecondClock> day_;
  std::vector<FixedWindow<SecondClock>::State> sent_;
};

}  // namespace linksim::platform
