// Answers must not depend on how many members are simulated: the default scenario's headline
// metrics at 100,000 and 400,000 members (a factor 4) agree within their intervals or 10%.
// What made them drift before (docs/model.md, "Senders' networks"): senders' networks drawn
// from the world (now from their own distribution) and search results that shared connections
// with the sender by chance in a small world (now strangers to the response models), and a
// content cascade whose reach grew with the hubs a bigger world holds (now feed competition:
// response.content.feed_connections).
// Release only: a 400,000-member world per replication takes minutes under the sanitizers.
#include <cmath>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "experiment_fixture.hpp"

using namespace linksim;

namespace {

testing::Outcome run_default(std::uint32_t members, int replications) {
  config::Overrides o;
  o.patches = {{{"replications", replications}, {"world", {{"members", members}}}}};
  return testing::run(config::load_scenario_file(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/default.json", o));
}

/// The two means agree: their difference lies inside the 95% interval of a difference (the two
/// half-widths combined in quadrature), or is at most 10% of the larger mean.
bool agree(const experiment::SampleStats& a, const experiment::SampleStats& b) {
  const double ha = (a.ci.hi - a.ci.lo) / 2.0, hb = (b.ci.hi - b.ci.lo) / 2.0;
  const double diff = std::abs(a.mean - b.mean);
  return diff <= std::sqrt(ha * ha + hb * hb) || diff <= 0.10 * std::max(std::abs(a.mean), std::abs(b.mean));
}

}  // namespace

TEST_CASE("the default scenario's outreach answers hold when the world grows fourfold", "[integration][size]") {
  if (testing::fast_mode()) return;
  const auto small = run_default(100000, 8);
  const auto large = run_default(400000, 8);
  for (const char* arm : {"cold", "personalized", "content_led", "hybrid_email"})
    for (const char* metric : {"acceptance_rate", "connections_gained", "replies", "meetings", "cost_usd", "hours_spent"}) {
      const auto& a = small.metric(arm, metric).stats;
      const auto& b = large.metric(arm, metric).stats;
      std::printf("  %-13s %-19s 100k %9.3f [%.3f, %.3f]  400k %9.3f [%.3f, %.3f]\n", arm, metric, a.mean, a.ci.lo, a.ci.hi,
                  b.mean, b.ci.lo, b.ci.hi);
      INFO(arm << " " << metric << ": " << a.mean << " at 100k vs " << b.mean << " at 400k");
      CHECK(agree(a, b));
    }
}
