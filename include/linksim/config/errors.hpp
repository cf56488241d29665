// Input errors that name the JSON path, what was expected and what was found.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace linksim::config {

/// One problem in a scenario. `path` is a JSON Pointer ("/arms/2/patch/platform/rules").
struct Issue {
  std::string path;
  std::string expected;
  std::string found;
  std::string hint;  ///< optional, e.g. `did you mean "weekly_cap"?`

  /// One line: `<path>: expected <expected>, found <found> (<hint>)`.
  std::string to_string() const;
};

/// Bad input (exit code 2). Holds every issue found, not just the first.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Issue> issues);
  InputError(std::string path, std::string expected, std::string found, std::string hint = {});
  const std::vector<Issue>& issues() const { return issues_; }

 private:
  std::vector<Issue> issues_;
};

/// A short, single-line rendering of a JSON value for "found …" (strings quoted, long values cut).
std::string describe(const nlohmann::json& value);

/// A computed number for people: at most ten significant digits (0.9, not 0.8999999999999999).
std::string human_number(double value);

/// Appends `/key` to a JSON Pointer, escaping `~` and `/` (RFC 6901).
std::string join_path(const std::string& base, const std::string& key);
std::string join_path(const std::string& base, std::size_t index);

/// The candidate equal to `word` but for case, else the one closest by edit distance, or "" when
/// none is close enough to be a typo.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace linksim::config
