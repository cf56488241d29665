// Escaping for text that goes into HTML: element content and attributes, and JSON data inlined
// in a <script> element. Every string that comes from a scenario passes through one of these.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace linksim::report {

/// Escapes & < > " ' as character references; safe in element content and quoted attributes.
std::string html_escape(std::string_view text);

/// Serializes `value` as JSON that is safe inside a <script> element: '<', '>' and '&' become
/// \u003c, \u003e and \u0026 (so "</script>" or "<!--" in a string cannot end or confuse the
/// element), non-ASCII becomes \u escapes (so U+2028/U+2029 are harmless) and invalid UTF-8 is
/// replaced by U+FFFD instead of throwing.
std::string json_for_script(const nlohmann::json& value);

}  // namespace linksim::report
