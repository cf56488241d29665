// `linksim validate SCENARIO... [--set PATH=VALUE]...`: every error of every file, one line each; exit 2 if any.
#include <iostream>

#include "commands.hpp"

namespace linksim::cli {

void add_validate(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("validate", "Check scenario files against the schema and the model's rules");
  auto files = std::make_shared<std::vector<std::string>>();
  auto sets = std::make_shared<std::vector<std::string>>();
  cmd->add_option("scenario", *files, "Scenario files or library names")->required();
  cmd->add_option("--set", *sets, "Override a value in every file before checking it: PATH=VALUE (as for run)")
      ->allow_extra_args(false);
  cmd->callback([&d, files, sets] {
    d.action = [files, sets] {
      int code = 0;
      for (const auto& f : *files) {
        try {
          const config::Scenario s = load(f, *sets);
          std::cout << f << ": ok (" << s.arms.size() << " arm" << (s.arms.size() == 1 ? "" : "s") << ", "
                    << s.replications << " replications, " << s.horizon_days << " days)\n";
        } catch (const config::InputError& e) {
          for (const auto& issue : e.issues()) std::cerr << f << ": error: " << issue.to_string() << '\n';
          code = 2;
        }
      }
      return code;
    };
  });
}

}  // namespace linksim::cli
