// Token bucket against golang.org/x/time/rate's tests (tests/data/vectors/token_bucket.json),
// including the optional operations cancel, set_limit and set_burst.
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>

#include "linksim/platform/limiters/token_bucket.hpp"
#include "vector_data.hpp"

using linksim::platform::MilliClock;
using Bucket = linksim::platform::TokenBucket<MilliClock>;

namespace {

bool run_case(const nlohmann::json& c, std::string& why) {
  Bucket bucket(c.at("limit_per_s").get<double>(), c.at("burst").get<std::int64_t>());
  Bucket::State s;
  std::map<std::string, Bucket::Reservation> named;
  linksim::test::Mismatches m;
  int i = 0;
  for (const auto& step : c.at("steps")) {
    const std::string op = step.at("op");
    const std::string at = "step " + std::to_string(i++) + " (" + op + ")";
    const auto t = step.at("t_ms").get<std::int64_t>();
    if (op == "allow") {
      const auto n = step.at("n").get<std::int64_t>();
      m.expect(at + " tokens_before", bucket.tokens_at(s, t), step.at("expect_tokens_before").get<double>());
      m.expect(at + " ok", bucket.allow(s, t, n), step.at("expect_ok").get<bool>());
    } else if (op == "reserve") {
      std::optional<std::int64_t> max_wait;
      if (!step.at("max_wait_ms").is_null()) max_wait = step.at("max_wait_ms").get<std::int64_t>();
      const auto r = bucket.reserve(s, t, step.at("n").get<std::int64_t>(), max_wait);
      m.expect(at + " ok", r.ok, step.at("expect_ok").get<bool>());
      const nlohmann::json tta = r.ok ? nlohmann::json(r.time_to_act) : nlohmann::json(nullptr);
      m.expect(at + " time_to_act", tta, step.at("expect_time_to_act_ms"));
      if (step.contains("id")) named[step.at("id")] = r;
    } else if (op == "cancel") {
      bucket.cancel(s, named.at(step.at("reservation")), t);
    } else if (op == "set_limit") {
      bucket.set_rate(s, t, step.at("limit").get<double>());
    } else if (op == "set_burst") {
      bucket.set_burst(s, t, step.at("burst").get<std::int64_t>());
    } else {
      m.text += "  unknown op " + op + "\n";
    }
  }
  why = m.text;
  return m.ok();
}

}  // namespace

TEST_CASE("token bucket passes every golang.org/x/time/rate vector", "[platform][vectors]") {
  const auto doc = linksim::test::load_vectors("token_bucket.json");
  linksim::test::Tally tally{"token_bucket.json"};
  for (const auto& c : doc.at("cases")) {
    std::string why;
    const bool ok = run_case(c, why);
    INFO(c.at("name").get<std::string>() << "\n" << why);
    CHECK(ok);
    tally.add(ok);
  }
  CHECK(tally.passed == 19);
}
