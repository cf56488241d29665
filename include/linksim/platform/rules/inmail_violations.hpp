// InMail violations (an InMail flagged as spam or inappropriate): send bans of 24 hours, then
// 72 hours, then a week for each further one (help a1322781).
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class InmailViolations final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "An InMail flagged as spam brings a send ban of `ban_hours` (one entry per violation; the last "
      "repeats).";
  struct Params {
    std::vector<core::Time> bans = {24 * core::kHour, 72 * core::kHour, 168 * core::kHour};
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  InmailViolations(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "inmail_violations"; }
  std::uint32_t checks() const override { return 0; }  // the ban itself is a ladder restriction
  std::uint32_t outcomes() const override { return outcome_bit(OutcomeKind::kInmailReported); }
  RuleCheck check(const Action&, SenderId, core::Time, const SenderBook&) const override { return RuleCheck::pass(); }
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  std::uint32_t violations(SenderId s) const { return count_[s]; }

 private:
  Params p_;
  std::vector<std::uint32_t> count_;
};

}  // namespace linksim::platform
