// `linksim rules`: the platform's rules as the registry knows them, in the order the platform
// checks them: what each does, whether a preset turns it on, and each parameter's default, bounds
// and meaning. `--json` prints the same for tools (tools/platform/write_schema.py reads it).
#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/config/errors.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/platform/rule_factory.hpp"

namespace linksim::cli {

namespace {

// "(> 0, <= 1)" from a parameter's schema, "" when it has no bounds.
std::string bounds_text(const platform::ParamSchema& s) {
  std::string b;
  const auto add = [&](const char* key, const char* op) {
    if (s.contains(key)) b += fmt::format("{}{} {}", b.empty() ? "" : ", ", op, s[key].dump());
  };
  add("minimum", ">=");
  add("exclusiveMinimum", ">");
  add("maximum", "<=");
  add("exclusiveMaximum", "<");
  if (s.contains("enum")) {
    for (const auto& e : s["enum"]) b += (b.empty() ? "one of " : " | ") + e.get<std::string>();
  }
  return b.empty() ? b : " (" + b + ")";
}

platform::ParamSchema rules_json(const std::string& preset, const nlohmann::json& defaults) {
  platform::ParamSchema rules = platform::ParamSchema::array();
  for (const auto& r : platform::rule_infos()) {
    const std::string name(r.name);
    rules.push_back({{"name", name},
                     {"summary", r.summary},
                     {"member_view", r.member_view},
                     {"schema", r.schema()},
                     {"acts_when", r.acts_when.empty() ? platform::ParamSchema() : platform::ParamSchema::parse(r.acts_when)},
                     {"defaults", platform::ParamSchema(defaults.value(name, nlohmann::json::object()))}});
  }
  return {{"preset", preset}, {"rules", rules}};
}

void print_rules(const std::string& preset, const nlohmann::json& defaults) {
  std::cout << fmt::format("The platform's rules, in the order it checks them (defaults of preset {}):\n", preset);
  for (const auto& r : platform::rule_infos()) {
    const nlohmann::json d = defaults.value(std::string(r.name), nlohmann::json::object());
    std::cout << fmt::format("\n{} ({})\n  {}\n", r.name, d.value("enabled", false) ? "on" : "off", r.summary);
    const platform::ParamSchema schema = r.schema();
    for (const auto& [key, s] : schema.items())
      std::cout << fmt::format("  {} = {}{}: {}\n", key, d.contains(key) ? d.at(key).dump() : "–", bounds_text(s),
                               s.value("description", ""));
  }
  std::cout << "\nEvery value's source: linksim explain. Turn a rule off in a scenario with "
               "{\"platform\": {\"rules\": {\"NAME\": {\"enabled\": false}}}}.\n";
}

}  // namespace

void add_rules(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("rules", "List the platform's rules: what each does, its parameters and their defaults");
  struct Args {
    std::string preset = "linkedin_2025";
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--preset", args->preset, "Show this platform preset's defaults (default linkedin_2025)");
  cmd->add_flag("--json", args->json, "Print the rules as one JSON document");
  cmd->callback([&d, args] {
    d.action = [args] {
      const auto names = platform::platform_preset_names();
      if (std::find(names.begin(), names.end(), args->preset) == names.end()) {
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        throw config::InputError("--preset", "one of the presets " + list, "\"" + args->preset + "\"");
      }
      const nlohmann::json& defaults = platform::platform_preset(args->preset).at("platform").at("rules");
      if (args->json) std::cout << rules_json(args->preset, defaults).dump(2) << '\n';
      else print_rules(args->preset, defaults);
      return 0;
    };
  });
}

}  // namespace linksim::cli
