// The Sobol' stage of `linksim sensitivity` (experiment/sobol_study.hpp), its report
// (report/sensitivity_report.hpp) and the CLI options --sobol, --sobol-samples, --sobol-only.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "../cli/cli_runner.hpp"
#include "experiment_fixture.hpp"
#include "linksim/experiment/ranges.hpp"
#include "linksim/experiment/screening.hpp"
#include "linksim/experiment/sobol_study.hpp"
#include "linksim/report/sensitivity_report.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

// A small world where nothing runs dry: one cohort, the given arms (as robustness_test.cpp's).
json sobol_tiny(const json& arms) {
  return {{"name", "sobol test"},
          {"description", "tiny world for the Sobol' stage tests"},
          {"horizon_days", 21},
          {"replications", 1},
          {"seed", 5},
          {"world", {{"members", testing::fast_mode() ? 1500 : 2000}}},
          {"senders", {{"focal", {{"count", 3}, {"plan", "free"}, {"strategy", {{"preset", "targeted_cold"}}}}}}},
          {"arms", arms}};
}

experiment::VariantSetup sobol_setup(const json& doc, const std::vector<std::string>& params,
                                     const std::vector<std::string>& metrics, std::vector<json> overrides = {}) {
  experiment::VariantSetup s;
  s.text = doc.dump();
  s.origin = "<sobol test>";
  s.overrides = std::move(overrides);
  s.parameters = experiment::select_ranged(params);
  s.metrics = experiment::select_metrics(metrics);
  s.threads = 2;
  return s;
}

json sobol_one_arm() { return json::array({json{{"name", "cold"}, {"patch", json::object()}}}); }

}  // namespace

TEST_CASE("Sobol' stage on the model: inert parameters have S1 = ST = 0 exactly, the live one most of the variance",
          "[sensitivity][sobol]") {
  // No arm sends InMail, so the InMail response parameters are never read: at every row
  // f(A_B^i) = f(A) to the bit, hence every sum of the estimators is 0.
  const json doc = sobol_tiny(sobol_one_arm());
  const std::vector<std::string> params{"inmail.intercept", "inmail.mutual", "invite.accept.intercept"};
  experiment::VariantRunner runner(sobol_setup(doc, params, {"connections_gained", "replies"}));
  experiment::SobolStudyOptions options;
  options.parameters = {0, 1, 2};
  options.sobol.base_samples = 8;
  options.analysis.resamples = 200;
  options.analysis.seed = 5;
  const auto study = experiment::run_sobol_study(runner, options);
  REQUIRE(study.outputs.size() == 2);
  CHECK(study.points == 8 * 5);
  CHECK(study.tornado_points == 7);
  CHECK(runner.worlds_generated() == 1);  // response parameters only: one world for every point
  const std::size_t connections = 0;
  REQUIRE(study.indices.variance[connections] > 0.0);
  for (const std::size_t inert : {0u, 1u}) {
    INFO(params[inert]);
    const auto& c = study.indices.at(connections, inert);
    CHECK(c.first == 0.0);
    CHECK(c.total == 0.0);
    CHECK(c.first_ci.lo == 0.0);
    CHECK(c.first_ci.hi == 0.0);
    CHECK(c.total_ci.lo == 0.0);
    CHECK(c.total_ci.hi == 0.0);
    CHECK(study.tornado_low(connections, inert) == study.tornado_centre[connections]);
    CHECK(study.tornado_high(connections, inert) == study.tornado_centre[connections]);
  }
  // The only live parameter: f(A_B^(2)) = f(B) row by row, so it carries the whole variance.
  const auto& live = study.indices.at(connections, 2);
  CHECK(live.total > 0.5);
  CHECK(live.first > 0.5);
  CHECK(live.total_ci.contains(live.total));
  CHECK(study.ranking(connections).front() == 2);
  CHECK(study.tornado_ranking(connections).front() == 2);
  // A higher acceptance intercept gains more connections (on the smaller world of LINKSIM_SLOW_TESTS=0
  // the low bound ties with the centre).
  CHECK(study.tornado_high(connections, 2) > study.tornado_centre[connections]);
  CHECK(study.tornado_low(connections, 2) <= study.tornado_centre[connections]);
  CHECK(study.tornado_low(connections, 2) < study.tornado_high(connections, 2));

  experiment::VariantRunner again(sobol_setup(doc, params, {"connections_gained", "replies"}));
  CHECK(experiment::sobol_json(experiment::run_sobol_study(again, options), nullptr).dump() ==
        experiment::sobol_json(study, nullptr).dump());
}

TEST_CASE("the parameters the screening hands to the Sobol' stage: largest mu* share over the outputs, then the mean share",
          "[sensitivity][sobol]") {
  experiment::ScreeningResult r;
  for (const char* name : {"a", "b", "c", "d"}) {
    experiment::RangedParameter p;
    p.pointer = "/x/" + std::string(name);
    p.name = name;
    r.parameters.push_back(p);
  }
  r.outputs = {{"arm", "", "m1"}, {"arm", "", "m2"}, {"arm", "", "m3"}};
  r.indices.parameters = 4;
  r.indices.outputs = 3;
  r.indices.cells.resize(12);
  const auto set = [&](std::size_t o, std::size_t p, double mu_star) { r.indices.cells[o * 4 + p].mu_star = mu_star; };
  // m1: a leads (share 1), b 0.5. m2 (other units): d leads, c 0.9, a 0.1.
  // m3: every effect is rounding (largest < 1e-9): no parameter scores from it.
  set(0, 0, 100.0);
  set(0, 1, 50.0);
  set(1, 3, 2.0);
  set(1, 2, 1.8);
  set(1, 0, 0.2);
  set(2, 1, 1e-12);
  const auto scores = experiment::screening_scores(r);
  REQUIRE(scores.size() == 4);
  // a and d both lead an output (share 1); a's mean share (1 + 0.1) / 3 beats d's 1 / 3.
  CHECK(scores[0].parameter == 0);
  CHECK(scores[0].max_share == 1.0);
  CHECK(scores[0].mean_share == Approx(1.1 / 3).epsilon(1e-12));
  CHECK(scores[1].parameter == 3);
  CHECK(scores[2].parameter == 2);
  CHECK(scores[2].max_share == Approx(0.9).epsilon(1e-12));
  CHECK(scores[3].parameter == 1);
  CHECK(scores[3].max_share == Approx(0.5).epsilon(1e-12));
  CHECK(experiment::top_parameters(r, 2) == std::vector<std::size_t>{0, 3});
  CHECK(experiment::top_parameters(r, 9).size() == 4);

  // On the model: a Morris run with two inert parameters picks the live one first.
  experiment::VariantRunner runner(sobol_setup(sobol_tiny(sobol_one_arm()), {"inmail.intercept", "inmail.mutual", "invite.accept.intercept"},
                                               {"connections_gained"}));
  experiment::ScreeningOptions options;
  options.morris.trajectories = 3;
  options.morris.seed = 3;
  const auto screening = experiment::run_screening(runner, options);
  CHECK(experiment::top_parameters(screening, 1) == std::vector<std::size_t>{2});
  const auto model_scores = experiment::screening_scores(screening);
  CHECK(model_scores[1].max_share == 0.0);
  CHECK(model_scores[2].max_share == 0.0);
}

TEST_CASE("the tornado's centre is the scenario's own value: --set and arm patches", "[sensitivity][sobol]") {
  json arms = json::array();
  arms.push_back({{"name", "fixed"}, {"patch", {{"world", {{"response", {{"inmail", {{"intercept", -2.0}}}}}}}}}});
  arms.push_back({{"name", "cold"}, {"patch", json::object()}});
  const json set = {{"world", {{"response", {{"invite", {{"accept", {{"intercept", -0.9}}}}}}}}}};
  experiment::VariantRunner runner(
      sobol_setup(sobol_tiny(arms), {"invite.accept.intercept", "inmail.intercept", "reply.window_days"}, {"replies"}, {set}));
  const auto values = experiment::scenario_values(runner);
  REQUIRE(values.size() == 3);
  CHECK(values[0] == -0.9);  // --set
  // Pinned by the first arm: read from the second, which has the schema default.
  CHECK(values[1] == runner.parameters()[1].default_value);
  CHECK(values[2] == runner.parameters()[2].default_value);
}

TEST_CASE("linksim sensitivity --sobol: bad input exits 2 naming the option and writes nothing", "[sensitivity][sobol][cli]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "sobol_cli_bad_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path scenario = dir / "tiny.json";
  std::ofstream(scenario) << sobol_tiny(sobol_one_arm()).dump(2);
  const std::string base = "sensitivity " + scenario.string() + " --params invite.accept.intercept,inmail.intercept --reps 1";
  struct Bad {
    std::string args, option, says;
  };
  const std::vector<Bad> cases = {
      {"--sobol 3", "--sobol", "at most 2"},
      {"--sobol 0", "--sobol", "at least 1"},
      {"--sobol 2 --sobol-samples 1", "--sobol-samples", "at least 2"},
      {"--sobol-samples 8", "--sobol-samples", "--sobol K or --sobol-only"},
      {"--sobol-only --sobol 2", "--sobol", "--sobol-only"},
      {"--sobol-only --trajectories 3", "--trajectories", "--sobol-only"},
      {"--sobol-only --sobol-samples 0", "--sobol-samples", "at least 2"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const fs::path out = dir / ("out" + std::to_string(i));
    const auto r = testing::run_cli(base + " " + cases[i].args + " --out " + out.string());
    INFO(cases[i].args << "\n" << r.out);
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("error: " + cases[i].option) && Catch::Contains(cases[i].says));
    CHECK(!fs::exists(out));
  }
  fs::remove_all(dir);
}

TEST_CASE("linksim sensitivity --sobol writes sobol.csv, tornado.csv and a sensitivity.html with three charts, the same bytes "
          "at 1 and 2 threads",
          "[sensitivity][sobol][cli]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "sobol_cli_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path scenario = dir / "tiny.json";
  json arms = json::array();
  arms.push_back({{"name", "cold"}, {"patch", json::object()}});
  arms.push_back({{"name", "personal"}, {"patch", {{"senders", {{"focal", {{"strategy", {{"preset", "personalized"}}}}}}}}}});
  json doc = sobol_tiny(arms);
  doc["name"] = "sobol <script>alert(1)</script>";
  std::ofstream(scenario) << doc.dump(2);
  const std::string args = "sensitivity " + scenario.string() +
                           " --params inmail.intercept,invite.accept.intercept,invite.attention --metrics connections_gained,replies"
                           " --reps 1 --trajectories 2 --sobol 2 --sobol-samples 4";
  for (const char* threads : {"1", "2"}) {
    const auto r = testing::run_cli(args + " --threads " + threads + " --out " + (dir / threads).string());
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("Sobol' indices of 2 parameters: N = 4 base samples, 16 points"));
    CHECK_THAT(r.out, Catch::Contains("cold: connections_gained") && Catch::Contains("invite.accept.intercept ST "));
  }
  for (const char* file : {"sensitivity.json", "sensitivity.csv", "sobol.csv", "tornado.csv", "sensitivity.html"}) {
    INFO(file);
    CHECK(fs::exists(dir / "1" / file));
    CHECK(testing::slurp(dir / "1" / file) == testing::slurp(dir / "2" / file));
  }
  const json out = json::parse(testing::slurp(dir / "1" / "sensitivity.json"));
  CHECK(out["method"] == "morris");
  CHECK(out["outputs"].size() == 6);  // the Morris keys stay as they were
  const json& sobol = out["sobol"];
  REQUIRE(sobol["parameters"].size() == 2);
  // The inert InMail intercept is ranked last by the screening and left out; the two live ones
  // each lead some output.
  const std::set<std::string> varied{sobol["parameters"][0]["name"].get<std::string>(),
                                     sobol["parameters"][1]["name"].get<std::string>()};
  CHECK(varied == std::set<std::string>{"invite.accept.intercept", "invite.attention"});
  CHECK(sobol["selection"]["scores"].back()["parameter"] == "inmail.intercept");
  CHECK(sobol["selection"]["scores"].back()["max_share"] == 0.0);
  CHECK(sobol["selection"]["scores"][0]["max_share"] == 1.0);
  CHECK(sobol["design"]["points"] == 16);
  CHECK(sobol["design"]["tornado_points"] == 5);
  CHECK(sobol["outputs"].size() == 6);
  CHECK(testing::slurp(dir / "1" / "sobol.csv").rfind("arm,baseline,metric,parameter,pointer,S1,S1_low,S1_high,ST,ST_low,ST_high,variance\n", 0) == 0);

  const std::string html = testing::slurp(dir / "1" / "sensitivity.html");
  for (const char* id : {"id=\"chart-morris-scatter\"", "id=\"chart-sobol-bars\"", "id=\"chart-tornado\"", "id=\"sobol-table\""}) {
    INFO(id);
    CHECK(html.find(id) != std::string::npos);
  }
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("sobol &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(report::sensitivity_charts(out).size() == 3);

  // Sobol' alone on --params: no screening, no sensitivity.csv, no Morris chart.
  const auto only = testing::run_cli("sensitivity " + scenario.string() +
                                     " --params invite.accept.intercept,inmail.intercept --metrics replies --reps 1 --sobol-only"
                                     " --sobol-samples 4 --out " + (dir / "only").string());
  INFO(only.out);
  REQUIRE(only.code == 0);
  CHECK(!fs::exists(dir / "only" / "sensitivity.csv"));
  const json only_doc = json::parse(testing::slurp(dir / "only" / "sensitivity.json"));
  CHECK(only_doc["method"] == "sobol");
  CHECK(only_doc["sobol"]["parameters"].size() == 2);
  CHECK(only_doc["sobol"]["selection"].is_null());
  const std::string only_html = testing::slurp(dir / "only" / "sensitivity.html");
  CHECK(only_html.find("id=\"chart-morris-scatter\"") == std::string::npos);
  CHECK(only_html.find("id=\"chart-tornado\"") != std::string::npos);
  fs::remove_all(dir);
}
