// Parsing JSON from users (scenario files, `--set` and `--vary` values) with limits: nesting
// depth, and numbers a double can hold. Whatever the input, the result is a value or an
// InputError naming the JSON path or the line and column — never a crash deep in a recursion.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace linksim::config {

/// Deepest nesting of arrays and objects accepted (the library's scenarios nest at most 9 deep).
/// Deeper documents would make recursive code (validation, merge patches, copies) overflow the stack.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Parses scenario text. Throws InputError: a syntax error with `origin:line:col`, nesting deeper
/// than kMaxJsonDepth with `origin:line:col`, a number beyond the range of a double at its JSON path.
nlohmann::json parse_json(const std::string& text, const std::string& origin);

/// A value typed on the command line.
struct ValueParse {
  enum class Status { kOk, kNotJson, kTooDeep, kOverflow };
  Status status = Status::kNotJson;
  nlohmann::json value;  ///< set when kOk
};
/// Parses `text` as a JSON value without throwing (`--set a=b` takes `b` as a string when it is
/// not JSON; the caller decides what too deep or too large means).
ValueParse parse_value(const std::string& text);

/// True when `text` is valid UTF-8 (JSON output requires it; a file's strings are checked by the parser).
bool is_utf8(const std::string& text);

/// Nesting depth of arrays and objects in `text` (0 for a scalar), counted lexically (brackets
/// outside strings); and the byte offset of the first bracket deeper than `limit`, or npos.
std::size_t first_bracket_deeper_than(const std::string& text, std::size_t limit);

}  // namespace linksim::config
