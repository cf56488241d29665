// Error formatting and typo suggestions for scenario input.
#include "linksim/config/errors.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include <fmt/format.h>

namespace linksim::config {

namespace {
std::string join_lines(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) {
    if (!out.empty()) out += '\n';
    out += i.to_string();
  }
  return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string Issue::to_string() const {
  std::string line = (path.empty() ? std::string("/") : path) + ": expected " + expected + ", found " + found;
  if (!hint.empty()) line += " (" + hint + ")";
  return line;
}

InputError::InputError(std::vector<Issue> issues)
    : std::runtime_error(join_lines(issues)), issues_(std::move(issues)) {}

InputError::InputError(std::string path, std::string expected, std::string found, std::string hint)
    : InputError(std::vector<Issue>{Issue{std::move(path), std::move(expected), std::move(found), std::move(hint)}}) {}

std::string describe(const nlohmann::json& value) {
  std::string s;
  if (value.is_object()) s = "an object";
  else if (value.is_array()) s = "an array of " + std::to_string(value.size());
  else if (value.is_discarded()) s = "nothing";
  else s = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // never throws on bad UTF-8
  if (s.size() > 60) {
    std::size_t cut = 57;  // not inside a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

std::string human_number(double value) {
  // Ten significant digits: a sum of 0.3 + 0.6 prints as 0.9, not 0.8999999999999999.
  return fmt::format("{:.10g}", value);
}

std::string join_path(const std::string& base, const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return base + "/" + escaped;
}

std::string join_path(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
  // A difference of case only ("VP" for "vp") is always the one meant, however short the word.
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (const auto& c : candidates)
    if (c != word && lower(c) == lower(word)) return c;
  std::string best;
  std::size_t best_d = SIZE_MAX;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // A typo is at most a third of the word (and at least one edit) away.
  const std::size_t allowed = std::max<std::size_t>(1, (word.size() + 2) / 3);
  return best_d <= allowed ? best : std::string{};
}

}  // namespace linksim::config
