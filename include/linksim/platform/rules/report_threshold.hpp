// Spam / "I don't know this person" reports: `reports` of them within `window` are a strike
// (practitioners' 2009–2015 rule: 5 reports). With require_email, a report strike's third
// restriction is the ladder's email_required step (invitations need the recipient's email, for the
// step's hours) instead of a week's block: one automation vendor's help centre describes the first
// restriction lifting the same day, the second after 48 hours, and the email requirement at the third.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class ReportThreshold final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "`reports` \"I don't know this person\" or spam reports within `window_days` are a strike. Option "
      "`require_email`: a report strike's third restriction is email_required (invitations need the "
      "recipient's email for its hours) instead of restricted_week.";
  /// A platform patch under which the rule acts in a small scenario with every rule on (a strike at the first report):
  /// tests/experiment/liveness_test.cpp varies each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen = R"({"rules": {"report_threshold": {"reports": 1}}})";
  struct Params {
    std::uint32_t reports = 5;
    core::Time window = 90 * core::kDay;
    bool require_email = true;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  ReportThreshold(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "report_threshold"; }
  /// Refuses nothing itself: its strikes restrict through the ladder.
  std::uint32_t checks() const override { return 0; }
  std::uint32_t outcomes() const override { return outcome_bit(OutcomeKind::kReported); }
  RuleCheck check(const Action&, SenderId, core::Time, const SenderBook&) const override { return RuleCheck::pass(); }
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

 private:
  Params p_;
  std::vector<core::Time> ring_;  ///< the last `reports` report times per sender (cleared after a strike)
  std::vector<std::uint32_t> head_;
};

}  // namespace linksim::platform
