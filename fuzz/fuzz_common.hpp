// Shared by the libFuzzer harnesses: what "handled" means for bad input. An InputError is the
// only acceptable failure (the CLI turns it into exit 2), and each of its issues must say where:
// a JSON path, a command-line option, or (for the whole document) a line and column.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "linksim/config/errors.hpp"

namespace linksim::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Splits on '\n' (the harnesses that take several command-line arguments take one a line).
inline std::vector<std::string> lines_of(const std::string& text, std::size_t max_lines) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && out.size() < max_lines) {
    const auto nl = text.find('\n', start);
    out.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

[[noreturn]] inline void fail(const std::string& why) {
  std::fprintf(stderr, "fuzz: %s\n", why.c_str());
  std::abort();
}

/// Checks the message an InputError would print: every issue names where (a JSON Pointer, the
/// root included, or an option such as --set) and what was expected.
inline void check_error(const config::InputError& e) {
  if (e.issues().empty()) fail("InputError without issues");
  for (const auto& issue : e.issues()) {
    // "" is the root ("/: expected valid JSON, found … at file:3:7", "/: expected object").
    const auto& p = issue.path;
    const bool names_place = p.empty() || p[0] == '/' || p.rfind("--", 0) == 0;
    if (!names_place) fail("issue names no JSON path, option or line:column: " + issue.to_string());
    if (issue.expected.empty()) fail("issue says nothing about what was expected: " + issue.to_string());
  }
}

/// Runs `f`; an InputError is checked and accepted, anything else escapes (libFuzzer reports an
/// uncaught exception as a crash: the CLI would have exited 1 with a library message).
template <class F>
void expect_handled(F&& f) {
  try {
    f();
  } catch (const config::InputError& e) {
    check_error(e);
  }
}

}  // namespace linksim::fuzz
