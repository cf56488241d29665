// Arm patches (JSON Merge Patches over the scenario): the input is one arm's patch, merged into
// the built-in default scenario and validated as `linksim validate` would; and patch_touches,
// which maps each issue back to the patch, on every issue path.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"

namespace {
const nlohmann::json& base_doc() {
  static const nlohmann::json doc = linksim::config::parse_json(linksim::config::default_scenario_text(), "default");
  return doc;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linksim;
  const std::string text = fuzz::text_of(data, size);
  nlohmann::json patch;
  try {
    patch = config::parse_json(text, "patch.json");
  } catch (const config::InputError& e) {
    fuzz::check_error(e);
    return 0;
  }
  nlohmann::json doc = base_doc();
  doc["arms"] = nlohmann::json::array({{{"name", "fuzz"}, {"patch", patch}}});
  const std::string scenario_text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  try {
    const auto scenario = config::load_scenario_text(scenario_text, "fuzz.json");
    experiment::check_scenario(scenario);
  } catch (const config::InputError& e) {
    fuzz::check_error(e);
    for (const auto& issue : e.issues())
      (void)config::patch_touches(patch, issue.path.rfind("/arms/0/patch", 0) == 0 ? issue.path.substr(13) : issue.path);
  }
  return 0;
}
