// Reading and checking a limiter entry of platform.limiters.
#include "linksim/platform/rules/limiter_rule.hpp"

namespace linksim::platform {

namespace {
std::string algorithm_list() {
  std::string s;
  for (auto a : kLimiterAlgorithms) s += (s.empty() ? "" : ", ") + std::string(a);
  return s;
}
}  // namespace

bool LimiterParams::windowed() const {
  return algorithm == LimiterAlgorithm::kFixedWindow || algorithm == LimiterAlgorithm::kSlidingLog ||
         algorithm == LimiterAlgorithm::kSlidingCounter;
}

LimiterParams LimiterParams::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  LimiterParams p;
  ParamReader r(j, path, issues);
  r.get("algorithm", p.algorithm);
  r.get_actions("actions", p.actions);
  const bool known = p.algorithm.known();
  if (known && p.windowed()) {
    r.get("limit", p.limit);
    r.get_duration("window_hours", core::kHour, p.window);
  } else if (known) {
    r.get("rate", p.rate);
    r.get_duration("per_hours", core::kHour, p.per);
    r.get("burst", p.burst);
  }
  if (known) r.finish();  // keys of another algorithm are errors too
  return p;
}

void LimiterParams::validate(const std::string& path, Issues& issues) const {
  const bool known = algorithm.known();
  expect(issues, known, path, "algorithm", "one of " + algorithm_list(), algorithm.quoted());
  expect(issues, actions != 0, path, "actions", "at least one action", "an empty list");
  if (!known) return;
  if (windowed()) {
    expect(issues, limit >= 1, path, "limit", ">= 1", std::to_string(limit));
    expect(issues, window >= 1, path, "window_hours", "> 0", in_units(window, core::kHour));
    return;
  }
  expect(issues, rate > 0.0, path, "rate", "> 0", num(rate));
  expect(issues, per >= 1, path, "per_hours", "> 0", in_units(per, core::kHour));
  const std::uint32_t min_burst = algorithm == LimiterAlgorithm::kTokenBucket ? 1 : 0;
  expect(issues, burst >= min_burst, path, "burst", ">= " + std::to_string(min_burst), std::to_string(burst));
  if (algorithm == LimiterAlgorithm::kGcra && rate > 0.0 && per >= 1)
    expect(issues, static_cast<double>(per) / rate >= 1.0, path, "rate", "at most one per second for gcra",
           num(rate));
}

}  // namespace linksim::platform
