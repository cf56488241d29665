// `linksim attack`: the strategy space's map from the unit cube (exact), its input errors, the
// search's determinism, and the claim the command exists for: the best response it finds gets
// more spam through the default policy than any fixed abusive archetype.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "experiment_fixture.hpp"
#include "linksim/config/errors.hpp"
#include "linksim/experiment/attack.hpp"

using namespace linksim;
using namespace linksim::experiment::attack;
using nlohmann::json;

namespace {

std::string limiter_stress_text() {
  std::ifstream in(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/limiter_stress.json");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

/// limiter_stress on a smaller world (the attacker's outcome is per account: the world's size
/// sets how many strangers there are to invite, far more than 12 weeks use either way).
std::vector<json> small_world() { return {{{"world", {{"members", testing::fast_mode() ? 8000 : 20000}}}}}; }

std::string error_text(const std::function<void()>& f) {
  try {
    f();
  } catch (const config::InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("attack space: each type maps the unit interval onto its values exactly", "[attack]") {
  const Space space = parse_space(json::parse(R"({"dimensions": {
      "a.int": {"type": "integer", "low": 0, "high": 4},
      "a.log": {"type": "integer", "low": 5, "high": 200, "scale": "log"},
      "a.num": {"type": "number", "low": 0.2, "high": 1},
      "a.flag": {"type": "boolean"},
      "a.pick": {"type": "choice", "choices": ["x", "y", "z"]}}})"),
                                  "test");
  REQUIRE(space.dimensions.size() == 5);
  const auto& d = space.dimensions;  // sorted by key: a.flag, a.int, a.log, a.num, a.pick
  CHECK(d[0].key == "a.flag");
  CHECK(d[0].value(0.49) == false);
  CHECK(d[0].value(0.5) == true);
  CHECK(d[1].value(0.0) == 0);
  CHECK(d[1].value(0.2) == 1);  // five equal cells
  CHECK(d[1].value(0.799) == 3);
  CHECK(d[1].value(1.0) == 4);
  CHECK(d[1].value(-3.0) == 0);  // clamped
  CHECK(d[2].value(0.0) == 5);
  CHECK(d[2].value(1.0) == 200);
  // Equal cells of log(value): the geometric midpoint of [5, 201) is about 31.7.
  CHECK(d[2].value(0.5) == 31);
  CHECK(d[3].value(0.5).get<double>() == Approx(0.6).margin(1e-12));
  CHECK(d[4].value(0.0) == "x");
  CHECK(d[4].value(0.34) == "y");
  CHECK(d[4].value(1.0) == "z");
  // coordinate() inverts value() on every value a dimension has.
  for (int v = 0; v <= 4; ++v) CHECK(d[1].value(d[1].coordinate(v)) == v);
  for (int v = 5; v <= 200; ++v) CHECK(d[2].value(d[2].coordinate(v)) == v);
  CHECK(d[2].value(d[2].coordinate(1000)) == 200);  // the nearest value it has
  CHECK(d[3].value(d[3].coordinate(0.35)).get<double>() == Approx(0.35).margin(1e-12));
  for (const char* v : {"x", "y", "z"}) CHECK(d[4].value(d[4].coordinate(v)) == v);
  CHECK(d[0].value(d[0].coordinate(true)) == true);
  CHECK(d[0].value(d[0].coordinate(false)) == false);
}

TEST_CASE("attack space: a point becomes a nested strategy patch and a choice of objects merges", "[attack]") {
  const Space space = parse_space(json::parse(R"({"dimensions": {
      "invites.per_day": {"type": "integer", "low": 10, "high": 20},
      "invites": {"type": "choice", "choices": [{"note": "none", "note_chars": 0}, {"note": "template", "note_chars": 200}]},
      "adapt.probe_cap": {"type": "boolean"}}})"),
                                  "test");
  // Sorted: adapt.probe_cap, invites, invites.per_day.
  const std::vector<double> u{0.9, 0.7, 0.0};
  CHECK(strategy_patch(space, u) ==
        json::parse(R"({"adapt": {"probe_cap": true}, "invites": {"note": "template", "note_chars": 200, "per_day": 10}})"));
  CHECK(default_space().dimensions.size() >= 15);
  // The start of the search: the nearest point to a strategy; objects match on their keys.
  const json own = json::parse(R"({"adapt": {"probe_cap": false}, "invites": {"note": "template", "note_chars": 200, "per_day": 15}})");
  CHECK(strategy_patch(space, point_of(space, own)) == own);
}

TEST_CASE("attack space: bad input names the path, the expected and the found value", "[attack]") {
  const auto parse = [](const char* text) { return error_text([&] { (void)parse_space(json::parse(text), "s.json"); }); };
  CHECK_THAT(parse(R"({"dimensions": {"a.b": {"type": "float"}}})"),
             Catch::Contains("s.json:/dimensions/a.b/type") && Catch::Contains("\"float\""));
  CHECK_THAT(parse(R"({"dimensions": {"a.b": {"type": "number", "low": 2, "high": 1}}})"),
             Catch::Contains("/dimensions/a.b/high") && Catch::Contains("above low"));
  CHECK_THAT(parse(R"({"dimensions": {"a.b": {"type": "integer", "low": 0, "high": 9, "scale": "log"}}})"),
             Catch::Contains("/dimensions/a.b/low") && Catch::Contains("above 0"));
  CHECK_THAT(parse(R"({"dimensions": {"a.b": {"type": "choice", "choices": ["x"]}}})"), Catch::Contains("at least two"));
  CHECK_THAT(parse(R"({"dimensions": {"a": {"type": "boolean"}, "a.b": {"type": "boolean"}}})"),
             Catch::Contains("/dimensions/a") && Catch::Contains("a choice of objects"));
  CHECK_THAT(parse(R"({"dimensions": {}})"), Catch::Contains("at least one"));
  CHECK_THAT(parse(R"({"dimension": {}})"), Catch::Contains("/dimensions"));
}

TEST_CASE("attack: bad scenarios, attackers and arms are input errors", "[attack]") {
  Options o;
  o.candidates = 2;
  o.replications = 1;
  o.validation = 2;
  const std::string text = limiter_stress_text();
  CHECK_THAT(error_text([&] { (void)run_attack(config::default_scenario_text(), "default", {}, default_space(), o); }),
             Catch::Contains("/population"));
  Options legit = o;
  legit.attacker = "recruiter";
  CHECK_THAT(error_text([&] { (void)run_attack(text, "ls", small_world(), default_space(), legit); }),
             Catch::Contains("--attacker") && Catch::Contains("abusive"));
  Options unknown = o;
  unknown.attacker = "spamer";
  CHECK_THAT(error_text([&] { (void)run_attack(text, "ls", small_world(), default_space(), unknown); }),
             Catch::Contains("spammer"));
  Options arm = o;
  arm.arms = {"cap_201"};
  CHECK_THAT(error_text([&] { (void)run_attack(text, "ls", small_world(), default_space(), arm); }),
             Catch::Contains("--arms") && Catch::Contains("cap_200"));
  // A space value the schema refuses is reported before anything runs.
  const Space bad = parse_space(json::parse(R"({"dimensions": {"invites.per_day": {"type": "integer", "low": 1, "high": 5000}}})"), "s");
  CHECK_THAT(error_text([&] { (void)run_attack(text, "ls", small_world(), bad, o); }), Catch::Contains("invites.per_day"));
}

TEST_CASE("attack: the search is reproducible for a seed whatever the thread count", "[attack]") {
  Options o;
  o.arms = {"linkedin_2025", "cap_800"};
  o.accounts = 10;
  o.candidates = 14;  // 7 design points, then a round of 7 local candidates per arm
  o.replications = 1;
  o.validation = 2;
  o.finalists = 2;
  const std::string text = limiter_stress_text();
  o.threads = 1;
  const json one = result_json(run_attack(text, "ls", small_world(), default_space(), o));
  o.threads = 2;
  const json two = result_json(run_attack(text, "ls", small_world(), default_space(), o));
  CHECK(one == two);
  CHECK(one["arms"].size() == 2);
  CHECK(one["candidates"].size() == 28);
  CHECK(one["search"]["runs"] == 2 * 14 + 2 * (2 + 4) * 2);
  std::vector<json> seeded = small_world();
  seeded.push_back({{"seed", 8}});
  const json other = result_json(run_attack(text, "ls", seeded, default_space(), o));
  CHECK(other["candidates"] != one["candidates"]);
}

TEST_CASE("attack: the best response beats every fixed abusive archetype against the default policy", "[attack]") {
  Options o;
  o.arms = {"linkedin_2025"};
  o.accounts = 30;
  o.candidates = 40;
  o.replications = 2;
  o.validation = 8;
  const Result r = run_attack(limiter_stress_text(), "ls", small_world(), default_space(), o);
  REQUIRE(r.arms.size() == 1);
  const ArmResult& arm = r.arms[0];
  REQUIRE(arm.archetypes.size() == 4);  // spammer, adaptive_spammer, fake_account, fake_ring
  for (const Measured& m : arm.archetypes) {
    INFO(m.name << ": " << m.spam_mean() << " vs best response " << arm.best.spam_mean());
    // Paired over the same fresh replications: the 95% interval of the difference is above 0.
    std::vector<double> diff;
    for (std::size_t i = 0; i < m.spam.size(); ++i) diff.push_back(arm.best.spam[i] - m.spam[i]);
    CHECK(experiment::t_interval(diff).lo > 0.0);
  }
  // The weekly cap (100 in a rolling 7 days) bounds what any one account can deliver.
  CHECK(arm.best.spam_mean() <= 100.0);
}
