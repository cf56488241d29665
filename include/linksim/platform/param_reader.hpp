// Reading a rule's parameters from JSON and checking them, collecting every problem as an
// config::Issue (JSON path, expected, found) instead of stopping at the first. Rule constructors use
// the same checks and throw std::invalid_argument naming the parameter.
#pragma once
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/core/time.hpp"
#include "linksim/config/errors.hpp"

namespace linksim::platform {

using Issues = std::vector<config::Issue>;

/// `s` in double quotes (out of line: GCC 12 inlines "\"" + s + "\"" into a bogus -Wstringop-overflow).
std::string quote(std::string_view s);

/// A string parameter with a fixed set of spellings, parsed once (in from_json) into the enum E
/// whose values are the indexes of `Spellings`, so rules compare enums, never strings, once built.
/// A spelling outside the set is kept as read: validate() reports it with the other range checks
/// (from_json reports only missing keys and wrong types, and a failed from_json skips validate).
template <class E, const auto& Spellings>
class Choice {
 public:
  /// Unknown, spelt "" (a limiter has no default algorithm).
  Choice() = default;
  /// Implicit, so a Params default reads `Choice<…> effect = Effect::kStrike`.
  Choice(E v) : value_(v), known_(true) {}
  static Choice parse(std::string_view s) {
    for (std::size_t i = 0; i < Spellings.size(); ++i)
      if (Spellings[i] == s) return Choice(static_cast<E>(i));
    Choice c;
    c.unknown_ = std::string(s);
    return c;
  }
  bool known() const { return known_; }
  /// The value; meaningful only when known() (validate refuses the rest).
  E value() const { return value_; }
  std::string_view spelling() const {
    return known_ ? Spellings[static_cast<std::size_t>(value_)] : std::string_view(unknown_);
  }
  /// "\"spelling\"", the `found` of a validation message.
  std::string quoted() const { return quote(spelling()); }
  friend bool operator==(const Choice& c, E v) { return c.known_ && c.value_ == v; }

 private:
  E value_{};
  bool known_ = false;
  std::string unknown_;
};

/// Reads the members of one JSON object; a missing key or a wrong type becomes an issue and
/// leaves the output untouched. `finish()` reports the keys nobody read (with the valid names).
class ParamReader final {
 public:
  ParamReader(const nlohmann::json& obj, std::string path, Issues& issues);
  void get(std::string_view key, bool& out);
  void get(std::string_view key, std::uint32_t& out);
  void get(std::string_view key, std::int32_t& out);
  void get(std::string_view key, double& out);
  void get(std::string_view key, std::string& out);
  /// A string parsed into a Choice; a non-string leaves `out` untouched, as for any type error.
  template <class E, const auto& S>
  void get(std::string_view key, Choice<E, S>& out) {
    std::string s;
    const std::size_t before = issues_.size();
    get(key, s);
    if (issues_.size() == before) out = Choice<E, S>::parse(s);
  }
  /// A number of `unit`s (key names say the unit: window_days, ban_hours …), kept in seconds.
  void get_duration(std::string_view key, core::Time unit, core::Time& out);
  /// A list of action names ("invite", "message" …) as an action_bit mask.
  void get_actions(std::string_view key, std::uint32_t& mask);
  /// Marks a key as known without reading it.
  void allow(std::string_view key) { read_.insert(std::string(key)); }
  void finish();
  const std::string& path() const { return path_; }

 private:
  const nlohmann::json* member(std::string_view key, const char* expected);
  const nlohmann::json& obj_;
  std::string path_;
  Issues& issues_;
  std::set<std::string> read_;
};

/// Appends an issue at path/key unless `ok`.
void expect(Issues& issues, bool ok, const std::string& path, std::string_view key, std::string expected,
            std::string found);
/// A duration in `unit`s for messages ("-3" days).
std::string in_units(core::Time t, core::Time unit);
std::string num(double x);
/// Throws std::invalid_argument "<what>: <path>: expected …, found …; …" if there are issues.
void throw_if_invalid(std::string_view what, const Issues& issues);

}  // namespace linksim::platform
