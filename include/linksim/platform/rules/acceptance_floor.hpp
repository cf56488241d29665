// Acceptance-rate floor (seed: low acceptance reduces the personal limit; keep it above 70% to be
// safe). The rate is accepted / responses over the last K responses to invitations, or over the
// responses of the last D calendar days; below the floor the personal weekly cap is lowered, or a
// strike is added (at most one per `strike_every`), or both. Evaluated when a response arrives.
// The lowered cap is the sender's personal cap (SenderBook::weekly_cap), read by the rolling and
// the calendar-week cap alike (docs/policy.md, "Rule interactions").
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

/// The sample: the last K responses, or the responses of the last D days.
enum class FloorBasis : std::uint8_t { kLastK, kWindow };
inline constexpr std::array<std::string_view, 2> kFloorBasisNames = {"last_k", "window"};
/// Below the floor: lower the personal weekly cap, strike, or both.
enum class FloorEffect : std::uint8_t { kLowerCap, kStrike, kBoth };
inline constexpr std::array<std::string_view, 3> kFloorEffectNames = {"lower_cap", "strike", "both"};

class AcceptanceFloor final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "Accepted / answered over the last `last_k` responses (basis last_k) or `window_days` days (basis "
      "window): below `floor`, after at least `min_responses`, the personal weekly cap falls to "
      "`lowered_cap_percent` of the plan's, a strike is given (at most one per `strike_every_days`), or both "
      "(`effect`).";
  struct Params {
    double floor = 0.30;
    Choice<FloorBasis, kFloorBasisNames> basis = FloorBasis::kLastK;
    std::uint32_t last_k = 100;
    core::Time window = 30 * core::kDay;  ///< whole days
    std::uint32_t min_responses = 50;   ///< no judgement on fewer responses
    Choice<FloorEffect, kFloorEffectNames> effect = FloorEffect::kLowerCap;
    std::uint32_t lowered_cap_percent = 50;
    core::Time strike_every = 7 * core::kDay;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  AcceptanceFloor(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "acceptance_floor"; }
  std::uint32_t checks() const override { return 0; }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action&, SenderId, core::Time, const SenderBook&) const override { return RuleCheck::pass(); }
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// (accepted, responses) in the sample that counts at `now`.
  std::pair<std::uint32_t, std::uint32_t> sample(SenderId s, core::Time now) const;

 private:
  std::string rate_text(SenderId s, core::Time now) const;
  void record(SenderId s, core::Time now, bool accepted);

  Params p_;
  FloorEffect effect_;
  bool by_window_;
  std::uint32_t slots_;  ///< K (last_k) or D days (window)
  // last_k: a ring of 0/1 per sender. window: per-day counters per sender.
  std::vector<std::uint8_t> bits_;
  std::vector<std::uint32_t> head_, size_, accepted_;
  std::vector<std::uint16_t> day_total_, day_accepted_;
  std::vector<std::int64_t> last_day_;
  std::vector<core::Time> last_strike_;
};

}  // namespace linksim::platform
