// Shared helpers for the reference-vector tests: load a file from tests/data/vectors and keep a
// tally of passing cases that each test prints (the figure the issue asks for).
#pragma once
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace linksim::test {

inline nlohmann::json load_vectors(const std::string& file) {
  const std::string path = std::string(LINKSIM_TEST_DATA) + "/vectors/" + file;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return nlohmann::json::parse(in);
}

/// Counts cases; a case passes when every expectation in it holds.
struct Tally {
  std::string file;
  int total = 0;
  int passed = 0;
  void add(bool ok) {
    ++total;
    passed += ok ? 1 : 0;
  }
  ~Tally() { std::cout << "vectors " << file << ": " << passed << "/" << total << " cases pass\n"; }
};

/// Collects mismatches within one case so the failure message lists all of them.
struct Mismatches {
  std::string text;
  template <class A, class B>
  void expect(const std::string& what, const A& got, const B& want) {
    if (!(got == want)) text += "  " + what + ": got " + nlohmann::json(got).dump() + ", want " +
                                nlohmann::json(want).dump() + "\n";
  }
  bool ok() const { return text.empty(); }
};

}  // namespace linksim::test
