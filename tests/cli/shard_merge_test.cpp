// `linksim run --shard I/N` and `linksim merge`: the shards of a run, merged, are the run.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/partial.hpp"

namespace {
using linksim::testing::run_cli;
using linksim::testing::slurp;
std::string shard_dir(const std::string& name) { return linksim::testing::fresh_temp_dir("linksim_shard_test_", name); }
// Small enough for the sanitizer build: 3 arms' worth of work in seconds.
const std::string kSmall = "--set world.members=4000 --set horizon_days=14 --reps 5 --threads 2";
}  // namespace

TEST_CASE("three shards merged write byte for byte what one process writes: results.json, daily.csv, report.html", "[cli][shards]") {
  const std::string dir = shard_dir("equal");
  const auto whole = run_cli("run " + kSmall + " --out " + dir + "/whole");
  REQUIRE(whole.code == 0);
  for (int i = 0; i < 3; ++i) {
    const auto part = run_cli("run " + kSmall + " --shard " + std::to_string(i) + "/3 --out " + dir + "/parts");
    INFO(part.out);
    REQUIRE(part.code == 0);
    CHECK(part.out.find("partial-" + std::to_string(i) + "-of-3.json") != std::string::npos);
  }
  // Shard 2 of 3 holds replications 2 only (5 replications: 0, 3 | 1, 4 | 2).
  const auto p2 = nlohmann::json::parse(slurp(dir + "/parts/partial-2-of-3.json"));
  REQUIRE(p2.at("replications").size() == 1);
  CHECK(p2.at("replications")[0].at("replication") == 2);
  CHECK(!std::filesystem::exists(dir + "/parts/results.json"));  // a shard writes only its partial

  // Any order of the files.
  const auto merged = run_cli("merge " + dir + "/parts/partial-2-of-3.json " + dir + "/parts/partial-0-of-3.json " + dir +
                              "/parts/partial-1-of-3.json --out " + dir + "/merged");
  INFO(merged.out);
  REQUIRE(merged.code == 0);
  for (const char* file : {"results.json", "daily.csv", "report.html"})
    CHECK(slurp(dir + "/whole/" + file) == slurp(dir + "/merged/" + file));
}

TEST_CASE("merge refuses a missing shard, a shard given twice, another configuration's shard and a file that is no partial", "[cli][shards]") {
  const std::string dir = shard_dir("refuse");
  for (int i = 0; i < 2; ++i)
    REQUIRE(run_cli("run " + kSmall + " --shard " + std::to_string(i) + "/2 --out " + dir + "/a").code == 0);
  REQUIRE(run_cli("run " + kSmall + " --seed 7 --shard 1/2 --out " + dir + "/b").code == 0);
  const std::string a0 = dir + "/a/partial-0-of-2.json", a1 = dir + "/a/partial-1-of-2.json", b1 = dir + "/b/partial-1-of-2.json";

  const auto missing = run_cli("merge " + a0 + " --out " + dir + "/m1");
  CHECK(missing.code == 2);
  CHECK(missing.out.find("no partial for shard 1/2") != std::string::npos);
  const auto twice = run_cli("merge " + a0 + " " + a0 + " " + a1 + " --out " + dir + "/m2");
  CHECK(twice.code == 2);
  CHECK(twice.out.find("/shard/index: expected each shard once") != std::string::npos);
  const auto other = run_cli("merge " + a0 + " " + b1 + " --out " + dir + "/m3");
  INFO(other.out);
  CHECK(other.code == 2);
  CHECK(other.out.find(b1 + ":/config_hash") != std::string::npos);
  CHECK(other.out.find("seed 7") != std::string::npos);
  const auto bad_shard = run_cli("run " + kSmall + " --shard 2/2 --out " + dir + "/c");
  CHECK(bad_shard.code == 2);
  CHECK(bad_shard.out.find("--shard: expected I/N with 0 <= I < N") != std::string::npos);
  const auto trace_elsewhere = run_cli("run " + kSmall + " --shard 1/2 --trace " + dir + "/t.jsonl --out " + dir + "/c");
  CHECK(trace_elsewhere.code == 2);
  CHECK(trace_elsewhere.out.find("--trace: expected --shard 0/N") != std::string::npos);
  // Nothing was written by a refused merge.
  for (const char* m : {"/m1", "/m2", "/m3"}) CHECK(!std::filesystem::exists(dir + m));
}

TEST_CASE("a partial reads back the same doubles, NaN and infinities included, and an edited one is refused", "[shards]") {
  using namespace linksim;
  const config::Scenario s = config::default_scenario({});
  experiment::RunOutcome outcome;
  for (const auto& arm : s.arms) {
    experiment::ArmRuns runs{arm.name, arm.description, {}};
    metrics::RunResult r;
    r.scalars = {{"a", 0.1 + 0.2}, {"b", std::nan("")}, {"c", -HUGE_VAL}, {"d", 1e-310}};
    r.daily = {{"s", {1.0 / 3.0, 2e300}}};
    r.breakdown.rules.push_back({"burst", "", false, {{"precision", std::nan("")}}});
    r.events = 12345;
    runs.runs.push_back(r);
    outcome.arms.push_back(runs);
  }
  outcome.replications = {1};
  outcome.replications_completed = 1;
  const experiment::Shard shard{1, 4};
  const nlohmann::json j = nlohmann::json::parse(experiment::partial_json(s, outcome, shard).dump());
  const experiment::Partial p = experiment::partial_from_json(j, "p.json");
  CHECK(p.shard.index == 1);
  CHECK(p.shard.count == 4);
  REQUIRE(p.outcome.arms.size() == s.arms.size());
  const auto& r = p.outcome.arms[0].runs.at(0);
  CHECK(r.scalars.at("a") == 0.1 + 0.2);
  CHECK(std::isnan(r.scalars.at("b")));
  CHECK(r.scalars.at("c") == -HUGE_VAL);
  CHECK(r.scalars.at("d") == 1e-310);
  CHECK(r.daily.at("s") == std::vector<double>{1.0 / 3.0, 2e300});
  CHECK(std::isnan(r.breakdown.rules.at(0).values.at("precision")));
  CHECK(r.events == 12345);

  nlohmann::json edited = j;
  edited["scenario"]["seed"] = 99;  // the hash no longer matches what it holds
  CHECK_THROWS_AS(experiment::partial_from_json(edited, "p.json"), config::InputError);
  nlohmann::json wrong_rep = j;
  wrong_rep["replications"][0]["replication"] = 2;  // not shard 1/4's
  CHECK_THROWS_AS(experiment::partial_from_json(wrong_rep, "p.json"), config::InputError);
}
