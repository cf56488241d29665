#include "linksim/platform/param_reader.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "linksim/platform/action.hpp"

namespace linksim::platform {

using nlohmann::json;

ParamReader::ParamReader(const json& obj, std::string path, Issues& issues)
    : obj_(obj), path_(std::move(path)), issues_(issues) {
  if (!obj_.is_object()) issues_.push_back({path_, "an object", config::describe(obj_), {}});
}

const json* ParamReader::member(std::string_view key, const char* expected) {
  read_.insert(std::string(key));
  if (!obj_.is_object()) return nullptr;
  const auto it = obj_.find(std::string(key));
  if (it == obj_.end() || it->is_null()) {
    issues_.push_back({config::join_path(path_, std::string(key)), expected, "nothing (the key is missing)", {}});
    return nullptr;
  }
  return &*it;
}

void ParamReader::get(std::string_view key, bool& out) {
  if (const json* v = member(key, "a boolean")) {
    if (v->is_boolean()) out = v->get<bool>();
    else issues_.push_back({config::join_path(path_, std::string(key)), "a boolean", config::describe(*v), {}});
  }
}

void ParamReader::get(std::string_view key, std::uint32_t& out) {
  if (const json* v = member(key, "an integer >= 0")) {
    if (v->is_number_integer() && v->get<std::int64_t>() >= 0 && v->get<std::int64_t>() <= UINT32_MAX)
      out = v->get<std::uint32_t>();
    else issues_.push_back({config::join_path(path_, std::string(key)), "an integer >= 0", config::describe(*v), {}});
  }
}

void ParamReader::get(std::string_view key, std::int32_t& out) {
  if (const json* v = member(key, "an integer")) {
    if (v->is_number_integer() && v->get<std::int64_t>() >= INT32_MIN && v->get<std::int64_t>() <= INT32_MAX)
      out = v->get<std::int32_t>();
    else issues_.push_back({config::join_path(path_, std::string(key)), "an integer", config::describe(*v), {}});
  }
}

void ParamReader::get(std::string_view key, double& out) {
  if (const json* v = member(key, "a number")) {
    if (v->is_number()) out = v->get<double>();
    else issues_.push_back({config::join_path(path_, std::string(key)), "a number", config::describe(*v), {}});
  }
}

void ParamReader::get(std::string_view key, std::string& out) {
  if (const json* v = member(key, "a string")) {
    if (v->is_string()) out = v->get<std::string>();
    else issues_.push_back({config::join_path(path_, std::string(key)), "a string", config::describe(*v), {}});
  }
}

void ParamReader::get_duration(std::string_view key, core::Time unit, core::Time& out) {
  double x = 0.0;
  const std::size_t before = issues_.size();
  get(key, x);
  if (issues_.size() != before) return;
  const double seconds = x * static_cast<double>(unit);
  if (!std::isfinite(seconds) || std::abs(seconds) > 1e15) {
    issues_.push_back({config::join_path(path_, std::string(key)), "a duration below 10^15 seconds", num(x), {}});
    return;
  }
  out = static_cast<core::Time>(std::llround(seconds));
}

void ParamReader::get_actions(std::string_view key, std::uint32_t& mask) {
  const json* v = member(key, "a list of actions");
  if (!v) return;
  const std::string at = config::join_path(path_, std::string(key));
  if (!v->is_array()) {
    issues_.push_back({at, "a list of actions", config::describe(*v), {}});
    return;
  }
  std::uint32_t m = 0;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    bool found = false;
    for (std::size_t k = 0; k < kActionKinds; ++k)
      if (e.is_string() && e.get<std::string>() == kActionNames[k]) {
        m |= 1u << k;
        found = true;
      }
    if (!found)
      issues_.push_back({config::join_path(at, i), "one of invite, inmail, message, follow, post", config::describe(e), {}});
  }
  mask = m;
}

void ParamReader::finish() {
  if (!obj_.is_object()) return;
  std::vector<std::string> known(read_.begin(), read_.end());
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  for (const auto& [k, v] : obj_.items()) {
    if (read_.count(k)) continue;
    const std::string near = config::nearest(k, known);
    issues_.push_back({config::join_path(path_, k), "one of the keys " + list, "unknown key \"" + k + "\"",
                       near.empty() ? std::string() : "did you mean \"" + near + "\"?"});
  }
}

void expect(Issues& issues, bool ok, const std::string& path, std::string_view key, std::string expected,
            std::string found) {
  if (!ok) issues.push_back({config::join_path(path, std::string(key)), std::move(expected), std::move(found), {}});
}

std::string quote(std::string_view s) { return fmt::format("\"{}\"", s); }

std::string num(double x) { return fmt::format("{:g}", x); }

std::string in_units(core::Time t, core::Time unit) {
  return num(static_cast<double>(t) / static_cast<double>(unit));
}

void throw_if_invalid(std::string_view what, const Issues& issues) {
  if (issues.empty()) return;
  std::string msg(what);
  for (const auto& i : issues) msg += "\n  " + i.to_string();
  throw std::invalid_argument(msg);
}

}  // namespace linksim::platform
