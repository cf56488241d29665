// Out-of-region / out-of-industry scrutiny (seed: "sending too many requests to users outside your
// geographic region or industry may trigger additional scrutiny"). Each invitation weighs
// region_weight if out of region plus industry_weight if out of industry (at most 1); when the
// weights of the last K invitations reach threshold·K, a strike, and the count starts over.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class Scrutiny final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "The weighted share of out-of-region (`region_weight`) and out-of-industry (`industry_weight`) "
      "invitations among the last `last_k`: at `threshold` or above, a strike.";
  /// A platform patch under which the rule acts in a small scenario with every rule on: a coarse
  /// search (precision 0.3) makes off-profile invitations. tests/experiment/liveness_test.cpp varies
  /// each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen =
      R"({"plans": {"free": {"search_filter_precision": 0.3}, "premium_career": {"search_filter_precision": 0.3}, "premium_business": {"search_filter_precision": 0.3}, "sales_nav_core": {"search_filter_precision": 0.3}, "sales_nav_advanced": {"search_filter_precision": 0.3}, "recruiter_lite": {"search_filter_precision": 0.3}, "recruiter": {"search_filter_precision": 0.3}}})";
  struct Params {
    std::uint32_t last_k = 50;
    double region_weight = 1.0;
    double industry_weight = 1.0;
    double threshold = 0.8;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  Scrutiny(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "scrutiny"; }
  std::uint32_t checks() const override { return 0; }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  RuleCheck check(const Action&, SenderId, core::Time, const SenderBook&) const override { return RuleCheck::pass(); }
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// Sum of the last K weights, in hundredths.
  std::uint32_t score(SenderId s) const { return sum_[s]; }

 private:
  Params p_;
  std::uint32_t w_region_, w_industry_, limit_;  // hundredths
  std::vector<std::uint8_t> weights_;            // ring of K weights (hundredths) per sender
  std::vector<std::uint32_t> head_, size_, sum_;
};

}  // namespace linksim::platform
