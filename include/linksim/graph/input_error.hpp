// Input errors of the graph parameters. TEMPORARY: mirrors linksim::io::Issue / InputError until
// the io module lands on main; then this header becomes two `using` declarations.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace linksim::graph {

/// One problem in a scenario: JSON Pointer path, what was expected, what was found.
struct Issue {
  std::string path;
  std::string expected;
  std::string found;
  std::string hint;
  std::string to_string() const {
    std::string s = path + ": expected " + expected + ", found " + found;
    if (!hint.empty()) s += " (" + hint + ")";
    return s;
  }
};

/// Bad input (exit code 2). Holds every issue found, not just the first.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Issue> issues)
      : std::runtime_error(join(issues)), issues_(std::move(issues)) {}
  const std::vector<Issue>& issues() const { return issues_; }

 private:
  static std::string join(const std::vector<Issue>& issues) {
    std::string s;
    for (const auto& i : issues) {
      if (!s.empty()) s += '\n';
      s += i.to_string();
    }
    return s;
  }
  std::vector<Issue> issues_;
};

}  // namespace linksim::graph
