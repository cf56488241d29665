// `--set PATH=VALUE` (one assignment a line, at most 8) over the built-in default scenario, as
// `linksim run --set ... ` and `linksim validate` load it.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linksim;
  const auto lines = fuzz::lines_of(fuzz::text_of(data, size), 8);
  fuzz::expect_handled([&] {
    config::Overrides overrides;
    for (const auto& line : lines) overrides.patches.push_back(config::patch_from_assignment(line));
    const auto scenario = config::default_scenario(overrides);
    experiment::check_scenario(scenario);
  });
  return 0;
}
