// Command-line overrides as merge patches (applied by nlohmann::json::merge_patch), and which
// paths a patch touches.
#include "linksim/config/merge_patch.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/config/json_input.hpp"

namespace linksim::config {

using nlohmann::json;

json patch_from_assignment(const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--set", "PATH=VALUE (for example platform.preset=linkedin_2025)", "\"" + assignment + "\"");
  if (!is_utf8(assignment))
    throw InputError("--set", "UTF-8 text", describe(json(assignment)) + " (bytes that are not UTF-8)");
  const std::string path = assignment.substr(0, eq);
  const std::string text = assignment.substr(eq + 1);
  std::string pointer;  // the JSON path the assignment sets, for errors
  std::size_t keys = 0;
  for (std::size_t start = 0;;) {
    const auto dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (key.empty()) throw InputError("--set", "a dotted path of non-empty keys", "\"" + path + "\"");
    if (++keys > kMaxJsonDepth)
      throw InputError("--set", fmt::format("a dotted path of at most {} keys", kMaxJsonDepth),
                       fmt::format("{} keys in {}", std::count(path.begin(), path.end(), '.') + 1, describe(json(path))));
    pointer = join_path(pointer, key);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  ValueParse parsed = parse_value(text);
  json value;
  switch (parsed.status) {
    case ValueParse::Status::kOk: value = std::move(parsed.value); break;
    case ValueParse::Status::kNotJson: value = text; break;
    case ValueParse::Status::kTooDeep:
      throw InputError(pointer, fmt::format("a value nested at most {} levels deep", kMaxJsonDepth),
                       "a deeper value in --set " + describe(json(assignment)));
    case ValueParse::Status::kOverflow:
      throw InputError(pointer, "numbers within the range of a double (magnitude below 1.8e308)",
                       "--set " + describe(json(assignment)));
  }
  json patch = json::object();
  json* node = &patch;
  std::size_t start = 0;
  for (;;) {
    const auto dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (key.empty())
      throw InputError("--set", "a dotted path of non-empty keys (for example world.members=5000)", "\"" + path + "\"");
    // A merge patch replaces a list whole, so arms.0.… would turn the arms into an object.
    if (start == 0 && key == "arms" && dot != std::string::npos)
      throw InputError("--set", "a path into objects; arms is a list, which --set can only replace whole",
                       "\"" + path + "\"",
                       "an arm changes its base: --set world.members=5000 reaches every arm whose patch does not set "
                       "it; to change one arm, edit its patch in the file, or replace the list: --set 'arms=[{\"name\":"
                       "\"a\",\"patch\":{}}]'");
    if (dot == std::string::npos) {
      (*node)[key] = value;
      break;
    }
    node = &(*node)[key];
    start = dot + 1;
  }
  return patch;
}

bool patch_touches(const json& patch, const std::string& path) {
  const json* node = &patch;
  std::size_t pos = 1;
  if (path.empty() || path == "/") return true;
  for (;;) {
    if (!node->is_object()) return true;  // the patch replaced an ancestor wholesale
    const auto next = path.find('/', pos);
    const std::string raw = path.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    std::string key;  // RFC 6901 unescaping: ~1 is '/', ~0 is '~'
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        key += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        key += raw[i];
      }
    }
    auto it = node->find(key);
    if (it == node->end()) return false;
    if (next == std::string::npos) return true;
    node = &*it;
    pos = next + 1;
  }
}

}  // namespace linksim::config
