// Invitation notes: at most the plan's note length (seed: 300 characters; practitioners: 200 on
// free accounts), and on plans with a quota at most that many personalized notes per billing
// month (help a550555: 5 a month on free accounts). Months are the simulator's 30-day months.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class Notes final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "The plan's invitation-note length (`note_chars`) and monthly quota of personalized notes "
      "(`notes_per_month`, 30-day months).";
  struct Params {
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string&, Issues&) const {}
  };

  Notes(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "notes"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// Personalized notes used in the month that holds `now`.
  std::uint32_t used(SenderId s, core::Time now) const;

 private:
  static bool counts(const Action& a) { return a.personalized && a.chars > 0; }
  std::vector<std::int32_t> month_;
  std::vector<std::uint32_t> used_;
};

}  // namespace linksim::platform
