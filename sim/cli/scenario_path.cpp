// Where a scenario argument points: a file, or a scenario of the library by name.
#include <filesystem>
#include <algorithm>
#include <system_error>

#include "commands.hpp"
#include "linksim/config/errors.hpp"

namespace linksim::cli {

namespace fs = std::filesystem;

std::vector<fs::path> library_dirs() {
  return {fs::path("scenarios"), fs::path(LINKSIM_SOURCE_DIR) / "scenarios"};
}

std::vector<std::string> library_names() {
  std::vector<std::string> names;
  for (const auto& dir : library_dirs()) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".json" && e.path().filename() != "schema.json") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;  // the first library found, as `linksim scenarios` lists it
  }
  return names;
}

std::string resolve_scenario(const std::string& arg) {
  if (arg.empty()) return arg;
  std::error_code ec;
  const fs::path p(arg);
  if (fs::is_directory(p, ec))
    throw config::InputError("", "a scenario file", "\"" + arg + "\" (a directory)",
                             "name a .json file, for example " + (p / "default.json").string() +
                                 ", or a library scenario by name: linksim run ramp_up");
  if (fs::exists(p, ec)) return arg;
  // A bare name (ramp_up or ramp_up.json) is looked up in the library `linksim scenarios` lists.
  if (!p.has_parent_path()) {
    const std::string file = p.extension() == ".json" ? arg : arg + ".json";
    for (const auto& dir : library_dirs())
      if (fs::is_regular_file(dir / file, ec)) return (dir / file).string();
  }
  std::string hint = "`linksim scenarios` lists the library";
  if (!p.has_parent_path())
    if (const std::string near = config::nearest(p.stem().string(), library_names()); !near.empty())
      hint = "did you mean the library scenario \"" + near + "\"? (`linksim run " + near + "`)";
  throw config::InputError("", "a readable scenario file or a library scenario name", "\"" + arg + "\" (cannot open: no such file)", hint);
}

}  // namespace linksim::cli
