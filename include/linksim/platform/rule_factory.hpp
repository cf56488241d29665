// The rule registry: the one place that knows every rule (one registration line each in
// rule_factory.cpp). A rule's parameters are read from JSON and checked once, into a RuleSpec
// that builds the rule for a Policy without any JSON. An unknown name fails loudly with the
// list of valid names. The registry also describes each rule (R::kSummary, R::Params::schema()):
// `linksim rules` prints that, and tools/platform/write_schema.py generates from it the schema's
// rule definitions and the rules table of docs/platform.md. The presets' defaults are checked
// against rule_names() by tests/platform/rule_registry_test.cpp.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linksim/platform/param_reader.hpp"
#include "linksim/platform/rule.hpp"

namespace linksim::platform {

/// One address per parameter type: RuleSpec::params_as checks the type without RTTI.
template <class P>
inline constexpr char kParamsTag = 0;

/// A rule with its typed parameters (R::Params, parsed and validated), ready to build. Copies share
/// the parameters, which are immutable.
struct RuleSpec {
  std::string_view name;               ///< the registry's name (static storage)
  std::shared_ptr<const void> params;  ///< the rule's R::Params
  std::unique_ptr<Rule> (*build)(const void* params, const SenderBook& book) = nullptr;
  const void* type = nullptr;          ///< &kParamsTag<R::Params>
  /// The rule keeps state per member (recipient) across senders (R::kMemberView), so it must see
  /// every sender's actions: a replication with it runs its senders in one event loop.
  bool member_view = false;

  /// The rule for the senders of `book` (its constructor re-checks the parameters: cheap, no JSON).
  std::unique_ptr<Rule> make(const SenderBook& book) const { return build(params.get(), book); }
  /// The parameters as P, or nullptr if this rule's parameters are of another type.
  template <class P>
  const P* params_as() const {
    return type == &kParamsTag<P> ? static_cast<const P*>(params.get()) : nullptr;
  }
};

/// Every rule name, in the order the Policy consults them (cheap and common denials first).
std::span<const std::string_view> rule_names();

/// What a rule is, for people and generated files: R::kSummary and R::Params::schema().
struct RuleInfo {
  std::string_view name;
  std::string_view summary;
  bool member_view = false;  ///< R::kMemberView
  ParamSchema (*schema)() = nullptr;
  /// R::kActsWhen: a platform patch (JSON) under which the rule acts in a small scenario with
  /// every rule on; empty when it acts without one.
  std::string_view acts_when;
};
/// Every rule's description, in the order of rule_names().
std::span<const RuleInfo> rule_infos();
/// "a, b, c" for messages.
std::string rule_name_list();

/// Reads and checks one rule's parameters (the JSON object under platform.rules.<name>), appending
/// every problem: the JSON paths under `path`; an unknown name is one issue at `path` listing the
/// valid names. Nothing when there was an issue.
std::optional<RuleSpec> read_rule(std::string_view name, const nlohmann::json& params, const std::string& path,
                                  Issues& issues);
/// read_rule without the result.
void check_rule_params(std::string_view name, const nlohmann::json& params, const std::string& path, Issues& issues);

}  // namespace linksim::platform
