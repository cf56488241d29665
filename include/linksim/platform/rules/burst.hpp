// Burst detection: `count` actions within `window` ("sending many invitations in a short time",
// seed; help a551012). Effect "strike": the action goes through with a strike (at most one per
// window); effect "deny": the count-th action within the window is refused (a sliding-log limit).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/limiters/sliding_log.hpp"
#include "linksim/platform/rule.hpp"

namespace linksim::platform {

/// What a burst does: a strike (the action passes) or a refusal.
enum class BurstEffect : std::uint8_t { kStrike, kDeny };
inline constexpr std::array<std::string_view, 2> kBurstEffectNames = {"strike", "deny"};

class Burst final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "`count` actions (of `actions`) within `window_minutes`: a strike (one per window), or with effect deny "
      "a refusal.";
  /// A platform patch under which the rule acts in a small scenario with every rule on (three invitations within the window):
  /// tests/experiment/liveness_test.cpp varies each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen = R"({"rules": {"burst": {"count": 3}}})";
  struct Params {
    std::uint32_t count = 20;
    core::Time window = 15 * core::kMinute;
    Choice<BurstEffect, kBurstEffectNames> effect = BurstEffect::kStrike;
    std::uint32_t actions = action_bit(ActionKind::kInvite);
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  Burst(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "burst"; }
  std::uint32_t checks() const override { return deny_ ? p_.actions : 0; }
  std::uint32_t counts() const override { return p_.actions; }
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

 private:
  using Log = SlidingLog<SecondClock, std::int32_t>;
  std::span<std::int32_t> ring(SenderId s) { return {stamps_.data() + std::size_t{s} * log_.limit(), log_.limit()}; }
  std::span<const std::int32_t> ring(SenderId s) const {
    return {stamps_.data() + std::size_t{s} * log_.limit(), log_.limit()};
  }

  Params p_;
  bool deny_;
  Log log_;  ///< limit count (strike) or count - 1 (deny)
  std::vector<Log::State> state_;
  std::vector<std::int32_t> stamps_;
  std::vector<core::Time> last_strike_;
};

}  // namespace linksim::platform
