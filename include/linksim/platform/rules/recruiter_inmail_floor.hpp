// Recruiter InMail response-rate floor (help a413271): on >= 100 InMails in 14 days, a response
// rate (replies and "not interested" both count) under 13% brings a warning; still under it after
// a 7-day grace, bulk InMail is banned for 2 weeks. Evaluated when an InMail goes out; responses
// count on the day they arrive.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class RecruiterInmailFloor final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "For the `plans` listed: a response rate below `min_response_rate` on at least `min_inmails` InMails "
      "within `window_days` brings a warning, `grace_days` to improve, then an InMail ban of `ban_days`.";
  /// A platform patch under which the rule acts in a small scenario with every rule on (judged after 3 InMails):
  /// tests/experiment/liveness_test.cpp varies each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen = R"({"rules": {"recruiter_inmail_floor": {"min_inmails": 3}}})";
  struct Params {
    std::uint32_t plans = 0;  ///< bit per PlanId the floor applies to
    double min_response_rate = 0.13;
    std::uint32_t min_inmails = 100;
    core::Time window = 14 * core::kDay;  ///< whole days
    core::Time grace = 7 * core::kDay;
    core::Time ban = 14 * core::kDay;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  RecruiterInmailFloor(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "recruiter_inmail_floor"; }
  std::uint32_t checks() const override { return 0; }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInmail); }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action&, SenderId, core::Time, const SenderBook&) const override { return RuleCheck::pass(); }
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// (responses, InMails sent) over the window ending today.
  std::pair<std::uint32_t, std::uint32_t> sample(SenderId s, core::Time now) const;

 private:
  void add(SenderId s, core::Time now, bool sent);
  std::string rate_text(SenderId s, core::Time now) const;

  Params p_;
  std::uint32_t days_;
  std::vector<std::uint8_t> applies_;
  std::vector<std::uint32_t> sent_, responded_;  ///< per sender × day of the window (ring)
  std::vector<std::int64_t> last_day_;
  std::vector<core::Time> grace_until_;          ///< warned, and when the grace ends; -1: not warned
};

}  // namespace linksim::platform
