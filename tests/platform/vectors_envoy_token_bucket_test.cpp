// Token bucket against Envoy's TokenBucketImpl / AtomicTokenBucketImpl tests
// (tests/data/vectors/envoy_token_bucket.json), including reset, accessors and consume_exact.
#include <catch2/catch.hpp>

#include <string>

#include "linksim/platform/limiters/token_bucket.hpp"
#include "vector_data.hpp"

using linksim::platform::MilliClock;
using Bucket = linksim::platform::TokenBucket<MilliClock>;

namespace {

bool run_case(const nlohmann::json& c, std::string& why) {
  const Bucket bucket = Bucket::envoy(c.at("fill_rate_per_s").get<double>(), c.at("max_tokens").get<std::int64_t>());
  Bucket::State s;
  std::int64_t now = 0;
  linksim::test::Mismatches m;
  int i = 0;
  for (const auto& step : c.at("steps")) {
    const std::string op = step.at("op");
    const std::string at = "step " + std::to_string(i++) + " (" + op + ")";
    if (op == "set_time_ms") {
      now = step.at("t_ms").get<std::int64_t>();
    } else if (op == "consume") {
      const auto got = bucket.consume(s, now, step.at("n").get<std::int64_t>(), step.at("allow_partial").get<bool>());
      m.expect(at + " consumed", got, step.at("expect_consumed").get<std::int64_t>());
      if (step.contains("expect_next_token_ms"))
        m.expect(at + " next_token", bucket.next_token_delay(s), step.at("expect_next_token_ms").get<std::int64_t>());
    } else if (op == "next_token_available") {
      m.expect(at, bucket.next_token_delay(s), step.at("expect_ms").get<std::int64_t>());
    } else if (op == "reset") {
      bucket.reset(s, now, step.at("tokens").get<double>());
    } else if (op == "fill_rate") {
      m.expect(at, bucket.rate(), step.at("expect").get<double>());
    } else if (op == "max_tokens") {
      m.expect(at, bucket.burst(), step.at("expect").get<std::int64_t>());
    } else if (op == "remaining_tokens") {
      m.expect(at, bucket.remaining(s, now), step.at("expect").get<double>());
    } else if (op == "consume_one") {
      m.expect(at, bucket.consume(s, now, 1, false) == 1, step.at("expect").get<bool>());
    } else if (op == "consume_exact") {
      m.expect(at, bucket.consume_exact(s, now, step.at("amount").get<double>()),
               step.at("expect_consumed").get<double>());
    } else {
      m.text += "  unknown op " + op + "\n";
    }
  }
  why = m.text;
  return m.ok();
}

}  // namespace

TEST_CASE("token bucket passes every Envoy vector", "[platform][vectors]") {
  const auto doc = linksim::test::load_vectors("envoy_token_bucket.json");
  linksim::test::Tally tally{"envoy_token_bucket.json"};
  for (const auto& c : doc.at("cases")) {
    std::string why;
    const bool ok = run_case(c, why);
    INFO(c.at("name").get<std::string>() << "\n" << why);
    CHECK(ok);
    tally.add(ok);
  }
  CHECK(tally.passed == 17);
}
