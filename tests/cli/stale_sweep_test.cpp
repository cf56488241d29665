// `linksim sweep` resume never reuses a point computed for another configuration (issue 18, item 2).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace fs = std::filesystem;

namespace {
nlohmann::json read_json(const fs::path& p) { return nlohmann::json::parse(std::ifstream(p)); }
}  // namespace

TEST_CASE("a sweep rerun after a --set change runs every point again and says why", "[sweep][cli]") {
  const fs::path out = fs::temp_directory_path() / "linksim_stale_sweep_test";
  fs::remove_all(out);
  const std::string base = "sweep " + std::string(LINKSIM_SOURCE_DIR) +
                           "/scenarios/ramp_up.json --vary senders.focal.count=1,2 --reps 1 --seed 3 --set world.members=2000 --out " +
                           out.string();
  auto first = linksim::testing::run_cli(base + " --set horizon_days=7");
  INFO(first.out);
  REQUIRE(first.code == 0);
  CHECK(first.out.find("2 points (0 reused") != std::string::npos);
  const auto before = read_json(out / "points" / "000" / "results.json");
  REQUIRE(before.at("config_hash").is_string());
  CHECK(before.at("config_hash").get<std::string>().size() == 16);

  SECTION("the same configuration is reused") {
    const auto again = linksim::testing::run_cli(base + " --set horizon_days=7");
    INFO(again.out);
    CHECK(again.out.find("2 points (2 reused from an earlier run, 0 run now)") != std::string::npos);
  }
  SECTION("another --set value is another configuration") {
    const auto changed = linksim::testing::run_cli(base + " --set horizon_days=14");
    INFO(changed.out);
    REQUIRE(changed.code == 0);
    CHECK(changed.out.find("2 points (0 reused from an earlier run, 2 run now)") != std::string::npos);
    CHECK(changed.out.find("running again: the configuration changed since the earlier result") != std::string::npos);
    const auto after = read_json(out / "points" / "000" / "results.json");
    CHECK(after.at("scenario").at("horizon_days") == 14);
    CHECK(after.at("config_hash") != before.at("config_hash"));
  }
  SECTION("a result without a hash (an older linksim) is not trusted") {
    auto j = read_json(out / "points" / "001" / "results.json");
    j.erase("config_hash");
    std::ofstream(out / "points" / "001" / "results.json") << j.dump();
    const auto rerun = linksim::testing::run_cli(base + " --set horizon_days=7");
    INFO(rerun.out);
    CHECK(rerun.out.find("2 points (1 reused from an earlier run, 1 run now)") != std::string::npos);
    CHECK(rerun.out.find("no configuration hash") != std::string::npos);
  }
}
