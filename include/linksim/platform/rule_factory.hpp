// Builds platform rules by name: the one place that knows every rule. An unknown name fails
// loudly with the list of valid names.
#pragma once
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linksim/platform/param_reader.hpp"
#include "linksim/platform/rule.hpp"

namespace linksim::platform {

/// Every rule name, in the order the Policy consults them (cheap and common denials first).
std::span<const std::string_view> rule_names();
/// "a, b, c" for messages.
std::string rule_name_list();

/// Checks one rule's parameters (the JSON object under platform.rules.<name>), appending every
/// problem; an unknown name is one issue at `path` listing the valid names.
void check_rule_params(std::string_view name, const nlohmann::json& params, const std::string& path, Issues& issues);

/// Builds the rule `name` for the senders of `book`. Throws io::InputError for an unknown name
/// (listing the valid ones) and std::invalid_argument for bad parameters.
std::unique_ptr<Rule> make_rule(std::string_view name, const nlohmann::json& params, const SenderBook& book);

}  // namespace linksim::platform
