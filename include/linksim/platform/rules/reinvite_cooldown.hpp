// After withdrawing an invitation, the same person cannot be invited again for 3 weeks
// (help a551012).
#pragma once
#include <cstdint>
#include <limits>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/pair_map.hpp"
#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class ReinviteCooldown final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "No invitation to the recipient of a withdrawn invitation for `cooldown_days`.";
  struct Params {
    core::Time cooldown = 21 * core::kDay;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  ReinviteCooldown(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "reinvite_cooldown"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t outcomes() const override { return outcome_bit(OutcomeKind::kWithdrawn); }
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  std::size_t tracked_pairs() const { return until_.size(); }

 private:
  Params p_;
  PairMap until_;  ///< (sender, member) → end of the cooldown
  /// Per sender, the latest end of any cooldown they caused: at or after it no pair of theirs is
  /// cooling down, and the table (a cache miss per lookup) need not be asked.
  std::vector<core::Time> latest_;
};

}  // namespace linksim::platform
