// Leaky bucket against nginx limit_req (tests/data/vectors/leaky_bucket_nginx.json): several
// zones per location (all-or-nothing charging), per-location burst / delay, and dry run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "linksim/platform/limiters/leaky_bucket.hpp"
#include "vector_data.hpp"

using linksim::platform::MilliClock;
using Bucket = linksim::platform::LeakyBucket<MilliClock>;
using nlohmann::json;

namespace {

std::int64_t delay_threshold(const std::string& mode) {
  if (mode == "nodelay") return Bucket::kNoDelay;
  if (mode.rfind("delay=", 0) == 0) return std::stoll(mode.substr(6)) * 1000;
  return 0;  // "delay all excess"
}

// The value of `key` in the location if it sets it, else in the zone, else `fallback`.
json setting(const json& loc, const json& zone, const char* key, const json& fallback) {
  if (loc.contains(key)) return loc.at(key);
  if (zone.contains(key)) return zone.at(key);
  return fallback;
}

struct Zone {
  json config;
  Bucket bucket;
  std::map<std::string, Bucket::State> keys;
};

bool run_case(const json& c, std::string& why) {
  std::vector<Zone> zones;
  for (const auto& z : c.at("zones")) zones.push_back(Zone{z, Bucket(z.at("rate_milli_per_s").get<std::int64_t>()), {}});
  linksim::test::Mismatches m;
  int i = 0;
  for (const auto& req : c.at("requests")) {
    const std::string at = "request " + std::to_string(i++);
    const auto now = req.at("t_ms").get<std::int64_t>();
    const json loc = (req.contains("location") && c.contains("locations"))
                         ? c.at("locations").at(req.at("location").get<std::string>()) : json::object();
    const bool dry_run = loc.value("dry_run", false);
    struct Hit { Zone* zone; Bucket::State* state; Bucket::Lookup lookup; };
    std::vector<Hit> hits;
    bool rejected = false;
    for (auto& z : zones) {
      const std::string name = z.config.at("zone");
      if (loc.contains("limits_in_order")) {
        const auto& order = loc.at("limits_in_order");
        if (std::find(order.begin(), order.end(), name) == order.end()) continue;
      }
      std::string key = "client";  // without `keys` every request has the same key
      if (req.contains("keys")) {
        if (!req.at("keys").contains(name)) continue;  // empty key: the zone is skipped
        key = req.at("keys").at(name);
      }
      const Bucket::Limit limit{setting(loc, z.config, "burst", 0).get<std::int64_t>() * 1000,
                                delay_threshold(setting(loc, z.config, "delay_mode", "").get<std::string>())};
      Bucket::State& st = z.keys[key];
      hits.push_back(Hit{&z, &st, z.bucket.lookup(st, now, limit)});
      if (hits.back().lookup.status == Bucket::Status::kRejected) {
        rejected = true;
        break;  // nginx stops at the first zone that rejects; none is charged
      }
    }
    std::int64_t delay = 0;
    bool delayed = false;
    if (!rejected)
      for (auto& h : hits) {
        h.zone->bucket.commit(*h.state, now, h.lookup);
        delay = std::max(delay, h.lookup.delay);
        delayed = delayed || h.lookup.status == Bucket::Status::kDelayed;
      }
    const int reject_status = req.value("reject_status", c.at("reject_status_default").get<int>());
    const int status = rejected && !dry_run ? reject_status : 200;
    std::string lr_status = rejected ? "REJECTED" : delayed ? "DELAYED" : "PASSED";
    if (dry_run && lr_status != "PASSED") lr_status += "_DRY_RUN";
    m.expect(at + " status", status, req.at("expect_status").get<int>());
    if (req.contains("expect_limit_req_status"))
      m.expect(at + " limit_req_status", lr_status, req.at("expect_limit_req_status").get<std::string>());
    if (req.contains("expect_delay_ms")) m.expect(at + " delay", dry_run ? 0 : delay, req.at("expect_delay_ms").get<std::int64_t>());
    if (req.contains("expect_excess_after")) {
      const auto& first = zones.front();
      const auto it = first.keys.find("client");
      m.expect(at + " excess_after", it == first.keys.end() ? 0 : it->second.excess,
               req.at("expect_excess_after").get<std::int64_t>());
    }
  }
  why = m.text;
  return m.ok();
}

}  // namespace

TEST_CASE("leaky bucket passes every nginx limit_req vector", "[platform][vectors]") {
  const auto doc = linksim::test::load_vectors("leaky_bucket_nginx.json");
  linksim::test::Tally tally{"leaky_bucket_nginx.json"};
  for (const auto& c : doc.at("cases")) {
    std::string why;
    const bool ok = run_case(c, why);
    INFO(c.at("name").get<std::string>() << "\n" << why);
    CHECK(ok);
    tally.add(ok);
  }
  CHECK(tally.passed == 6);
}
