// Pending-invitation cap: above it no new invitation goes out until some are accepted, declined or
// withdrawn (seed: 3,000–5,000; practitioners: 500 safe, 700 hard, 1,500). Option: reaching it is
// also a strike for "too many outstanding invitations" (help a551012: restriction up to a month).
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class PendingCap final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "No invitation while `max_pending` invitations are pending. Option `strike`: reaching the cap is also a "
      "strike for too many outstanding invitations (the ladder goes at least to restricted_month).";
  /// A platform patch under which the rule acts in a small scenario with every rule on (20 pending invitations):
  /// tests/experiment/liveness_test.cpp varies each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen = R"({"rules": {"pending_cap": {"max_pending": 20}}})";
  struct Params {
    std::uint32_t max_pending = 3000;
    bool strike = false;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  PendingCap(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "pending_cap"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  bool reacts_to_denials() const override { return p_.strike; }
  void denied(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

 private:
  Params p_;
  std::vector<std::uint8_t> struck_;  ///< struck since the count last fell below the cap
};

}  // namespace linksim::platform
