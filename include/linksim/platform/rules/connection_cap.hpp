// At most 30,000 first-degree connections (seed; help a551012); beyond it, invitations are
// refused and people can only follow.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class ConnectionCap final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "No invitation at `max_connections` first-degree connections (following still works).";
  struct Params {
    std::uint32_t max_connections = 30000;
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  ConnectionCap(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "connection_cap"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

 private:
  Params p_;
};

}  // namespace linksim::platform
