// The `linksim` command: run, validate, sweep, graph, explain, scenarios, rules, sensitivity, robustness,
// attack, merge.
// Exit codes: 0 ok, 1 runtime failure, 2 usage or input error.
//
// Under `mpirun -np N`, `run`, `sweep`, `sensitivity` and `robustness` share their work among the
// N processes and rank 0 writes exactly what one process writes; the other commands run on rank 0
// alone. Only rank 0 prints (the other ranks' standard streams are muted), except for a failure of
// their own after the work was shared out, which they print with their rank and which ends the job.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "linksim/core/version.hpp"
#include "linksim/config/errors.hpp"
#include "linksim/experiment/process_group.hpp"
#include "mpi_session.hpp"

namespace {

// Every process of the job reads the same input, so before the work is shared out an error is
// the same everywhere: each process ends with it and only rank 0 reports it. After, the failing
// process reports it and ends the job (the others may be waiting for its results).
int fail(linksim::cli::MpiSession& mpi, int code, const std::function<void(std::ostream&)>& report) {
  const auto& group = linksim::experiment::process_group();
  if (group.size() > 1 && group.working()) {
    std::cerr.clear();
    std::cerr << "[rank " << group.rank() << "] ";
    report(std::cerr);
    std::cerr.flush();
    mpi.abort(code);
  }
  report(std::cerr);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace linksim::cli;
  MpiSession mpi(argc, argv);
  if (!mpi.problem().empty()) {
    std::cerr << "error: " << mpi.problem() << '\n';
    return 2;
  }
  const auto& group = linksim::experiment::process_group();
  if (group.rank() != 0) {
    std::cout.setstate(std::ios::badbit);
    std::cerr.setstate(std::ios::badbit);
  }
  CLI::App app{"linksim — a discrete-event simulator and policy sandbox for outreach under platform limits"};
  app.set_version_flag("--version", std::string(linksim::core::version()));
  app.require_subcommand(1);
  Dispatch dispatch;
  add_run(app, dispatch);
  add_validate(app, dispatch);
  add_sweep(app, dispatch);
  add_graph(app, dispatch);
  add_explain(app, dispatch);
  add_scenarios(app, dispatch);
  add_rules(app, dispatch);
  add_sensitivity(app, dispatch);
  add_robustness(app, dispatch);
  add_attack(app, dispatch);
  add_merge(app, dispatch);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (group.size() > 1) {
    bool distributed = false;
    for (const char* name : {"run", "sweep", "sensitivity", "robustness"}) distributed = distributed || app.got_subcommand(name);
    // The other commands are quick or write one thing: rank 0 does it, the others wait.
    if (!distributed && group.rank() != 0) return 0;
  }
  try {
    return dispatch.action ? dispatch.action() : 2;
  } catch (const linksim::config::InputError& e) {
    return fail(mpi, 2, [&e](std::ostream& out) {
      for (const auto& issue : e.issues()) out << "error: " << issue.to_string() << '\n';
    });
  } catch (const std::exception& e) {
    return fail(mpi, 1, [&e](std::ostream& out) { out << "linksim: " << e.what() << '\n'; });
  }
}
