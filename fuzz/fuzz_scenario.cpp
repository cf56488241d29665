// Scenario files as `linksim validate` reads them: parse, schema, arms, defaults, then every
// module's semantic checks (experiment::check_scenario), exactly the path of cli::load.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = linksim::fuzz::text_of(data, size);
  linksim::fuzz::expect_handled([&] {
    const auto scenario = linksim::config::load_scenario_text(text, "fuzz.json");
    linksim::experiment::check_scenario(scenario);
  });
  return 0;
}
