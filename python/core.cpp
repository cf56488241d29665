// linksim._core: the simulator for Python (pybind11). The same library calls as `linksim run`,
// `linksim validate` and `linksim explain`: a scenario (file or JSON text) with --set overrides,
// run arms × replications, summarized and written as results.json's document and daily.csv's
// text, so the numbers are the CLI's to the byte. python/linksim/__init__.py turns them into
// pandas DataFrames. An input error becomes linksim.InputError carrying each issue's JSON path.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "linksim/config/errors.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/experiment/summary.hpp"
#include "linksim/report/results.hpp"
#include "linksim/report/run_document.hpp"

namespace py = pybind11;
using namespace linksim;

namespace {

// The built-in default for "", JSON text when `source` starts with '{', else a file path; then
// the checks `linksim validate` makes.
config::Scenario load(const std::string& source, const std::vector<std::string>& sets) {
  config::Overrides overrides;
  for (const auto& s : sets) overrides.patches.push_back(config::patch_from_assignment(s));
  const std::size_t first = source.find_first_not_of(" \t\r\n");
  config::Scenario s = source.empty()                                    ? config::default_scenario(overrides)
                       : first != std::string::npos && source[first] == '{' ? config::load_scenario_text(source, "<python>", overrides)
                                                                            : config::load_scenario_file(source, overrides);
  experiment::check_scenario(s);
  return s;
}

// (results.json text, daily.csv text) of a whole run.
std::pair<std::string, std::string> run(const std::string& source, const std::vector<std::string>& sets, unsigned threads) {
  const config::Scenario scenario = load(source, sets);
  experiment::RunOutcome outcome;
  {
    py::gil_scoped_release release;  // the run does not touch Python objects
    experiment::RunOptions options;
    options.threads = threads;
    const auto model = experiment::make_model(scenario, nullptr, experiment::threads_per_replication(scenario, threads));
    outcome = experiment::run_experiment(scenario, model, options);
  }
  const experiment::Summary summary = experiment::summarize(outcome.arms, experiment::summary_options(scenario));
  const nlohmann::json results = report::to_json(report::run_document(scenario, summary, outcome.complete));
  return {results.dump(2) + "\n", report::daily_csv(outcome)};
}

// Each arm's effective configuration (world, platform, senders), as JSON text.
std::string explain(const std::string& source, const std::vector<std::string>& sets) {
  const config::Scenario s = load(source, sets);
  nlohmann::json arms = nlohmann::json::object();
  for (const auto& arm : s.arms) arms[arm.name] = arm.config;
  return nlohmann::json{{"name", s.name}, {"description", s.description}, {"horizon_days", s.horizon_days},
                        {"replications", s.replications}, {"seed", s.seed}, {"arms", arms}}
      .dump();
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "linksim's simulator (see the linksim package)";
  static py::exception<config::InputError> input_error(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const config::InputError& e) {
      py::list issues;
      for (const auto& i : e.issues()) issues.append(py::make_tuple(i.path, i.expected, i.found, i.hint));
      PyErr_SetObject(input_error.ptr(), py::make_tuple(py::str(e.what()), issues).ptr());
    }
  });
  m.def("run", &run, py::arg("source"), py::arg("sets"), py::arg("threads") = 0,
        "Runs a scenario: (results.json text, daily.csv text).");
  m.def("validate", [](const std::string& source, const std::vector<std::string>& sets) { load(source, sets); },
        py::arg("source"), py::arg("sets"), "Raises InputError when the scenario is invalid.");
  m.def("explain", &explain, py::arg("source"), py::arg("sets"), "Each arm's effective configuration, as JSON text.");
}
