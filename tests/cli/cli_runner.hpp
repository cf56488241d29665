// Runs the linksim command built with the tests (LINKSIM_CLI_PATH) through a shell.
#pragma once
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

namespace linksim::testing {

struct CliResult {
  int code;         ///< exit code, -1 if the command did not exit normally
  std::string out;  ///< stdout and stderr together
};

/// A shell command's exit code and output (stdout and stderr together).
inline CliResult run_command(const std::string& command) {
  // Appended in steps: GCC 12 at -O3 reports a false -Warray-bounds for string + literal temporaries here.
  std::string cmd = command;
  cmd += " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe) != nullptr) out += buf.data();
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline CliResult run_cli(const std::string& args) {
  std::string command = LINKSIM_CLI_PATH;
  command += ' ';
  command += args;
  return run_command(command);
}

/// A file's bytes.
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// An empty directory under the system's temporary directory, named `prefix` + `name`.
inline std::string fresh_temp_dir(const std::string& prefix, const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / (prefix + name);
  std::filesystem::remove_all(dir);
  return dir.string();
}

}  // namespace linksim::testing
