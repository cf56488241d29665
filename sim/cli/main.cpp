// The `linksim` command: run, validate, sweep, graph, explain, scenarios, sensitivity, robustness, attack.
// Exit codes: 0 ok, 1 runtime failure, 2 usage or input error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "linksim/core/version.hpp"
#include "linksim/config/errors.hpp"

int main(int argc, char** argv) {
  using namespace linksim::cli;
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
  try {
    return dispatch.action ? dispatch.action() : 2;
  } catch (const linksim::config::InputError& e) {
    for (const auto& issue : e.issues()) std::cerr << "error: " << issue.to_string() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "linksim: " << e.what() << '\n';
    return 1;
  }
}
