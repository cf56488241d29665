// GCRA against throttled's TestRateLimit table (tests/data/vectors/gcra.json), millisecond clock.
#include <catch2/catch.hpp>

#include "linksim/platform/limiters/gcra.hpp"
#include "vector_data.hpp"

using linksim::platform::Gcra;
using linksim::platform::MilliClock;

TEST_CASE("GCRA passes every throttled / redis-cell vector", "[platform][vectors]") {
  const auto doc = linksim::test::load_vectors("gcra.json");
  const auto& p = doc.at("parameters");
  const Gcra<MilliClock> gcra(p.at("emission_interval_ms").get<std::int64_t>(), p.at("max_burst").get<std::int64_t>());
  REQUIRE(gcra.delay_variation_tolerance() == p.at("delay_variation_tolerance_ms").get<std::int64_t>());
  Gcra<MilliClock>::State state;  // cases share one key, in order
  linksim::test::Tally tally{"gcra.json"};
  for (const auto& c : doc.at("cases")) {
    const auto r = gcra.rate_limit(state, c.at("t_ms").get<std::int64_t>(), c.at("quantity").get<std::int64_t>());
    const auto& e = c.at("expect");
    linksim::test::Mismatches m;
    m.expect("limited", r.limited, e.at("limited").get<bool>());
    m.expect("limit", r.limit, e.at("limit").get<std::int64_t>());
    m.expect("remaining", r.remaining, e.at("remaining").get<std::int64_t>());
    m.expect("reset_after_ms", r.reset_after, e.at("reset_after_ms").get<std::int64_t>());
    const nlohmann::json retry = r.retry_after ? nlohmann::json(*r.retry_after) : nlohmann::json(nullptr);
    m.expect("retry_after_ms", retry, e.at("retry_after_ms"));
    INFO("case " << c.at("index") << "\n" << m.text);
    CHECK(m.ok());
    tally.add(m.ok());
  }
  CHECK(tally.passed == 16);
}
