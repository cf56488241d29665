// `linksim validate` exits 2 on bad platform sections and names the JSON path.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
struct Run {
  int code;
  std::string output;
};
Run validate(const std::string& platform) {
  const auto file = std::filesystem::temp_directory_path() / "linksim_platform_bad.json";
  std::ofstream(file) << R"({"name": "t", "description": "q", "platform": )" << platform << "}";
  const std::string cmd = std::string(LINKSIM_CLI_PATH) + " validate " + file.string() + " 2>&1";
  Run r{0, {}};
  FILE* pipe = popen(cmd.c_str(), "r");
  std::array<char, 512> buf{};
  while (pipe && fgets(buf.data(), buf.size(), pipe)) r.output += buf.data();
  const int status = pipe ? pclose(pipe) : -1;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::filesystem::remove(file);
  return r;
}
}  // namespace

TEST_CASE("linksim validate: bad platform sections exit 2 with the path and the valid names", "[platform][cli]") {
  const Run unknown_rule = validate(R"({"rules": {"weekly_cap": {"enabled": true}}})");
  CHECK(unknown_rule.code == 2);
  CHECK_THAT(unknown_rule.output, Catch::Contains("/platform/rules/weekly_cap") && Catch::Contains("invite_cap_rolling"));
  const Run negative = validate(R"({"rules": {"burst": {"window_minutes": -5}}})");
  CHECK(negative.code == 2);
  CHECK_THAT(negative.output, Catch::Contains("/platform/rules/burst/window_minutes"));
  const Run zero_cap = validate(R"({"plans": {"free": {"weekly_invite_cap": 0}}})");
  CHECK(zero_cap.code == 2);
  CHECK_THAT(zero_cap.output, Catch::Contains("/platform/plans/free/weekly_invite_cap"));
  const Run unknown_plan = validate(R"({"plans": {"premium": {}}})");
  CHECK(unknown_plan.code == 2);
  CHECK_THAT(unknown_plan.output, Catch::Contains("/platform/plans/premium") && Catch::Contains("premium_career"));
  CHECK(validate(R"({"preset": "linkedin_pre_2021", "rules": {"burst": {"count": 30}}})").code == 0);
}
