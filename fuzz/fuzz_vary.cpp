// `linksim sweep --vary PATH=v1,v2,...` (one axis a line, at most 4): the axes, their grid, and
// every point's assignments loaded over the built-in default scenario (the first 3 points in full;
// `sweep` validates every point before it runs any).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/experiment/check.hpp"
#include "linksim/experiment/sweep.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linksim;
  const auto lines = fuzz::lines_of(fuzz::text_of(data, size), 4);
  fuzz::expect_handled([&] {
    std::vector<experiment::SweepAxis> axes;
    for (const auto& line : lines) axes.push_back(experiment::parse_axis(line));
    const auto points = experiment::grid(axes);
    for (std::size_t i = 0; i < points.size(); ++i) {
      config::Overrides overrides;
      for (const auto& a : points[i].assignments) overrides.patches.push_back(config::patch_from_assignment(a));
      if (i >= 3) { if (i >= 64) break; continue; }
      const auto scenario = config::default_scenario(overrides);
      experiment::check_scenario(scenario);
    }
  });
  return 0;
}
