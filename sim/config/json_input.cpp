// Bounded JSON parsing for user input: a SAX handler builds the document, tracks the JSON path
// (so a number too large for a double is reported where it is) and stops at kMaxJsonDepth.
#include "linksim/config/json_input.hpp"

#include <utility>
#include <vector>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"

namespace linksim::config {

using nlohmann::json;

namespace {

std::pair<std::size_t, std::size_t> line_col(const std::string& text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

/// nlohmann's parser is iterative; this handler builds the value the same way its own DOM
/// parser does, with a depth limit and the path of the value being parsed.
class Builder {
 public:
  explicit Builder(json& root) : root_(root) {}

  bool null() { return put(json(nullptr)) != nullptr; }
  bool boolean(bool b) { return put(json(b)) != nullptr; }
  bool number_integer(json::number_integer_t v) { return put(json(v)) != nullptr; }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)) != nullptr; }
  bool number_float(json::number_float_t v, const json::string_t&) { return put(json(v)) != nullptr; }
  bool string(json::string_t& s) { return put(json(std::move(s))) != nullptr; }
  bool binary(json::binary_t& b) { return put(json::binary(std::move(b))) != nullptr; }
  bool start_object(std::size_t) { return open(json::object()); }
  bool key(json::string_t& k) {
    stack_.back().key = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string& token, const json::exception& e) {
    error_id = e.id;
    error_position = position;
    error_token = token;
    error_what = e.what();
    error_path = path();
    return false;
  }

  bool too_deep = false;
  int error_id = 0;
  std::size_t error_position = 0;
  std::string error_token, error_what, error_path;

 private:
  struct Frame {
    json* node;
    std::string key;  // the last key read (objects)
  };

  json* put(json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& top = stack_.back();
    if (top.node->is_object()) {
      json& slot = (*top.node)[top.key];  // a repeated key keeps the last value, as json::parse does
      slot = std::move(value);
      return &slot;
    }
    top.node->push_back(std::move(value));
    return &top.node->back();
  }
  bool open(json container) {
    if (stack_.size() >= kMaxJsonDepth) {
      too_deep = true;
      error_path = path();
      return false;
    }
    json* node = put(std::move(container));
    stack_.push_back(Frame{node, {}});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  // Where the next value goes: the key being read in an object, the next index in an array
  // (in an enclosing array, the open container is its last element).
  std::string path() const {
    std::string p;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const json& node = *stack_[i].node;
      const bool innermost = i + 1 == stack_.size();
      p = node.is_object() ? join_path(p, stack_[i].key) : join_path(p, node.size() - (innermost ? 0 : 1));
    }
    return p;
  }

  json& root_;
  std::vector<Frame> stack_;
};

}  // namespace

bool is_utf8(const std::string& text) {
  try {
    (void)json(text).dump();
    return true;
  } catch (const json::type_error&) {
    return false;
  }
}

std::size_t first_bracket_deeper_than(const std::string& text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string::npos;
}

json parse_json(const std::string& text, const std::string& origin) {
  json doc;
  Builder builder(doc);
  if (json::sax_parse(text, &builder)) return doc;
  if (builder.too_deep) {
    // The parser stopped at the opening bracket one level too deep; the text before it is valid
    // JSON, so counting brackets finds the same one.
    const std::size_t at = first_bracket_deeper_than(text, kMaxJsonDepth);
    const auto [line, col] = line_col(text, at);
    throw InputError(builder.error_path, fmt::format("JSON nested at most {} levels deep", kMaxJsonDepth),
                     fmt::format("a {}th level at {}:{}:{}", kMaxJsonDepth + 1, origin, line, col));
  }
  const std::size_t byte = builder.error_position;
  if (builder.error_id == 406) {  // out_of_range: number overflow; the position is the token's end
    const std::size_t start = byte >= builder.error_token.size() ? byte - builder.error_token.size() : 0;
    const auto [line, col] = line_col(text, start);
    throw InputError(builder.error_path, "a number within the range of a double (magnitude below 1.8e308)",
                     fmt::format("{} at {}:{}:{}", builder.error_token, origin, line, col));
  }
  const auto [line, col] = line_col(text, byte == 0 ? 0 : byte - 1);
  std::string what = builder.error_what;
  if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
  throw InputError("", "valid JSON", fmt::format("{} at {}:{}:{}", what, origin, line, col));
}

ValueParse parse_value(const std::string& text) {
  ValueParse r;
  Builder builder(r.value);
  if (json::sax_parse(text, &builder)) {
    r.status = ValueParse::Status::kOk;
    return r;
  }
  r.value = json();
  r.status = builder.too_deep ? ValueParse::Status::kTooDeep
             : builder.error_id == 406 ? ValueParse::Status::kOverflow
                                       : ValueParse::Status::kNotJson;
  return r;
}

}  // namespace linksim::config
