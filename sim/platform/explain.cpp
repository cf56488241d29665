#include "linksim/platform/explain.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "linksim/platform/rule_factory.hpp"

namespace linksim::platform {

namespace {

using nlohmann::json;

// One line per leaf: name, value, source; objects nest with indentation.
void leaves(const PlatformParams& p, const json& node, const std::string& pointer, int depth, std::ostream& out) {
  for (const auto& [k, v] : node.items()) {
    const std::string at = pointer + "/" + k;
    const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
    if (v.is_object()) {
      out << pad << k << '\n';
      leaves(p, v, at, depth + 1, out);
      continue;
    }
    out << fmt::format("{}{:<{}} {:<14} {}\n", pad, k, std::max(1, 28 - 2 * depth), v.dump(), p.source_of(at));
  }
}

}  // namespace

void explain_platform(const PlatformParams& p, std::ostream& out) {
  const json& e = p.effective;
  out << "platform preset " << p.preset << " (" << p.source_of("/preset") << ")\n";
  out << "\nplans\n";
  leaves(p, e.at("plans"), "/plans", 1, out);
  out << "\nrules, in the order they are checked (enabled ones)\n";
  std::vector<std::string> off;
  for (auto name : rule_names()) {
    const std::string n(name);
    if (!e.at("rules").contains(n)) continue;
    if (!e.at("rules").at(n).value("enabled", false)) {
      off.push_back(n);
      continue;
    }
    out << "  " << n << '\n';
    json params = e.at("rules").at(n);
    params.erase("enabled");
    if (params.empty()) out << "    (limits from the plans) " << p.source_of("/rules/" + n) << '\n';
    leaves(p, params, "/rules/" + n, 2, out);
  }
  out << "  disabled: " << (off.empty() ? std::string("none") : fmt::format("{}", fmt::join(off, ", "))) << '\n';
  out << "\nlimiters\n";
  if (e.at("limiters").empty()) out << "  none (" << p.source_of("/limiters") << ")\n";
  for (std::size_t i = 0; i < e.at("limiters").size(); ++i) {
    out << "  " << i << '\n';
    leaves(p, e.at("limiters").at(i), "/limiters/" + std::to_string(i), 2, out);
  }
  out << "\nescalation ladder\n";
  leaves(p, e.at("ladder"), "/ladder", 1, out);
}

}  // namespace linksim::platform
