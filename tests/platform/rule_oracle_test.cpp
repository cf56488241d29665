// Property tests: on random action streams (fixed seeds), each windowed rule, driven through the
// Policy, agrees with a brute-force oracle that keeps every timestamp.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixture.hpp"
#include "oracle.hpp"

using namespace linksim::test;
using linksim::core::Time;
namespace core = linksim::core;

namespace {

struct Send {
  Time t;
  bool resolved;
};

// Ladder steps that block nothing (suspension must block something: posts), so strikes can be
// counted without restrictions changing the stream.
const json kHarmlessLadder = {{"steps", {{"restricted_hours", {{"blocks", json::array()}}},
                                         {"restricted_days", {{"blocks", json::array()}}},
                                         {"restricted_week", {{"blocks", json::array()}}},
                                         {"email_required", {{"blocks", json::array()}}},
                                         {"restricted_month", {{"blocks", json::array()}}},
                                         {"feature_limits", {{"blocks", json::array()}}},
                                         {"account_review", {{"blocks", json::array()}}},
                                         {"suspension", {{"blocks", {"post"}}}}}}};

// A random answer to a random pending invitation, now and then.
void maybe_resolve(core::Rng& rng, Policy& policy, std::vector<Send>& sends, Time now) {
  if (sends.empty() || core::uniform_below(rng, 3) != 0) return;
  Send& s = sends[core::uniform_below(rng, static_cast<std::uint32_t>(sends.size()))];
  if (s.resolved) return;
  s.resolved = true;
  const OutcomeKind kinds[] = {OutcomeKind::kAccepted, OutcomeKind::kDeclined, OutcomeKind::kReported,
                               OutcomeKind::kWithdrawn};
  policy.observe(outcome(kinds[core::uniform_below(rng, 4)], 0, s.t), 0, now);
}

// The first tick >= now at which `usage` drops below cap, if only time passes (kNever if never).
template <class Usage>
Time first_free(Time now, std::uint32_t cap, const std::vector<Time>& candidates, Usage usage) {
  Time best = core::kNever;
  for (Time c : candidates)
    if (c >= now && c < best && usage(c) < cap) best = c;
  return best;
}

}  // namespace

TEST_CASE("rolling cap agrees with the timestamp oracle, with and without pending counting", "[platform][property]") {
  for (int seed = 0; seed < streams(100); ++seed) {
    auto rng = core::make_rng(21, static_cast<std::uint64_t>(seed), core::Purpose::kTest);
    const bool pending = seed % 2 == 1;
    const std::uint32_t cap = 1 + core::uniform_below(rng, 12);
    const Time window = (1 + core::uniform_below(rng, 7)) * kDay;
    const std::vector<PlanId> plans = {PlanId::kFree};
    Policy policy(params_with({"invite_cap_rolling"},
                              {{"plans", {{"free", {{"weekly_invite_cap", cap}}}}},
                               {"rules", {{"invite_cap_rolling", {{"window_days", window / kDay}, {"count_pending", pending}}}}}}),
                  plans);
    std::vector<Send> sends;
    const auto usage = [&](Time t) {
      std::uint32_t u = 0;
      for (const Send& s : sends) u += (s.t > t - window) || (pending && !s.resolved);
      return u;
    };
    for (Time now : random_times(rng, 300, window)) {
      maybe_resolve(rng, policy, sends, now);
      const bool ok = usage(now) < cap;
      const Decision d = policy.check(invite(0), 0, now);
      INFO("seed " << seed << " t " << now << " pending " << pending);
      REQUIRE(d.allowed() == ok);
      if (!ok) {
        std::vector<Time> candidates;
        for (const Send& s : sends)
          if (!pending || s.resolved) candidates.push_back(s.t + window);
        REQUIRE(d.retry_at == first_free(now, cap, candidates, usage));
      }
      if (ok) sends.push_back({now, false});
    }
  }
}

TEST_CASE("calendar cap agrees with the timestamp oracle, with and without pending counting", "[platform][property]") {
  for (int seed = 0; seed < streams(100); ++seed) {
    auto rng = core::make_rng(22, static_cast<std::uint64_t>(seed), core::Purpose::kTest);
    const bool pending = seed % 2 == 1;
    const std::uint32_t cap = 1 + core::uniform_below(rng, 12);
    const std::vector<PlanId> plans = {PlanId::kFree};
    Policy policy(params_with({"invite_cap_calendar"}, {{"plans", {{"free", {{"weekly_invite_cap", cap}}}}},
                                                        {"rules", {{"invite_cap_calendar", {{"count_pending", pending}}}}}}),
                  plans);
    std::vector<Send> sends;
    for (Time now : random_times(rng, 300, kWeek)) {
      maybe_resolve(rng, policy, sends, now);
      std::uint32_t usage = 0;
      for (const Send& s : sends)
        usage += core::week_of(s.t) == core::week_of(now) || (pending && !s.resolved && s.t < now);
      const Decision d = policy.check(invite(0), 0, now);
      INFO("seed " << seed << " t " << now);
      REQUIRE(d.allowed() == (usage < cap));
      if (d.allowed()) sends.push_back({now, false});
    }
  }
}

TEST_CASE("burst (deny and strike modes) agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < streams(100); ++seed) {
    auto rng = core::make_rng(23, static_cast<std::uint64_t>(seed), core::Purpose::kTest);
    const bool deny = seed % 2 == 0;
    const std::uint32_t count = 2 + core::uniform_below(rng, 6);
    const Time window = (1 + core::uniform_below(rng, 30)) * kMinute;
    const std::vector<PlanId> plans = {PlanId::kFree};
    Policy policy(params_with({"burst"}, {{"rules", {{"burst", {{"count", count}, {"window_minutes", window / kMinute},
                                                                {"effect", deny ? "deny" : "strike"}}}}},
                                          {"ladder", kHarmlessLadder}}),
                  plans);
    std::vector<Time> sent;
    Time last_strike = kLongAgo;
    std::size_t strikes = 0;
    for (Time now : random_times(rng, 300, window)) {
      const auto in_window = static_cast<std::uint32_t>(
          std::count_if(sent.begin(), sent.end(), [&](Time t) { return t > now - window; }));
      const bool ok = !deny || in_window + 1 < count;
      const Decision d = policy.check(invite(0), 0, now);
      INFO("seed " << seed << " t " << now);
      REQUIRE(d.allowed() == ok);
      if (!ok) continue;
      sent.push_back(now);
      if (!deny && in_window + 1 >= count && now - last_strike >= window) {
        last_strike = now;
        ++strikes;
      }
      REQUIRE(policy.transitions().size() == strikes);
    }
  }
}

TEST_CASE("daily message cap agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < streams(100); ++seed) {
    auto rng = core::make_rng(24, static_cast<std::uint64_t>(seed), core::Purpose::kTest);
    const std::uint32_t cap = 1 + core::uniform_below(rng, 10);
    const std::vector<PlanId> plans = {PlanId::kFree};
    Policy policy(params_with({"message_daily_cap"}, {{"plans", {{"free", {{"daily_message_cap", cap}}}}}}), plans);
    std::vector<Time> sent;
    for (Time now : random_times(rng, 300, kDay)) {
      const auto today = std::count_if(sent.begin(), sent.end(), [&](Time t) { return core::day_of(t) == core::day_of(now); });
      const Decision d = policy.check(act(ActionKind::kMessage, 1, 10), 0, now);
      INFO("seed " << seed << " t " << now);
      REQUIRE(d.allowed() == (today < cap));
      if (!d.allowed()) REQUIRE(d.retry_at == core::start_of_day(now) + kDay);
      if (d.allowed()) sent.push_back(now);
    }
  }
}

TEST_CASE("acceptance floor over a window of days agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < streams(100); ++seed) {
    auto rng = core::make_rng(25, static_cast<std::uint64_t>(seed), core::Purpose::kTest);
    const std::uint32_t days = 1 + core::uniform_below(rng, 10);
    const std::uint32_t min_responses = 1 + core::uniform_below(rng, 8);
    const std::vector<PlanId> plans = {PlanId::kFree};
    Policy policy(params_with({"acceptance_floor"}, {{"rules", {{"acceptance_floor",
        {{"basis", "window"}, {"window_days", days}, {"min_responses", min_responses}, {"floor", 0.4}}}}}}), plans);
    std::vector<std::pair<Time, bool>> responses;
    const double p_accept = 0.2 + 0.4 * core::uniform01(rng);
    for (Time now : random_times(rng, 300, kDay)) {
      const bool accepted = core::bernoulli(rng, p_accept);
      policy.observe(outcome(accepted ? OutcomeKind::kAccepted : OutcomeKind::kDeclined, 0, 0), 0, now);
      responses.emplace_back(now, accepted);
      std::uint32_t acc = 0, total = 0;
      for (const auto& [t, a] : responses)
        if (core::day_of(t) > core::day_of(now) - days) {
          ++total;
          acc += a;
        }
      const bool below = total >= min_responses && acc < 0.4 * total;
      INFO("seed " << seed << " t " << now << " " << acc << "/" << total);
      REQUIRE(policy.senders().cap_percent[0] == (below ? 50 : 100));
    }
  }
}

TEST_CASE("report threshold agrees with the timestamp oracle", "[platform][property]") {
  for (int seed = 0; seed < streams(100); ++seed) {
    auto rng = core::make_rng(26, static_cast<std::uint64_t>(seed), core::Purpose::kTest);
    const std::uint32_t reports = 1 + core::uniform_below(rng, 6);
    const Time window = (1 + core::uniform_below(rng, 20)) * kDay;
    const std::vector<PlanId> plans = {PlanId::kFree};
    Policy policy(params_with({"report_threshold"}, {{"rules", {{"report_threshold", {{"reports", reports},
                                                                 {"window_days", window / kDay}}}}},
                                                     {"ladder", kHarmlessLadder}}),
                  plans);
    std::vector<Time> since_strike;
    std::size_t strikes = 0;
    for (Time now : random_times(rng, 200, window)) {
      policy.observe(outcome(OutcomeKind::kReported, 0, 0), 0, now);
      since_strike.push_back(now);
      const auto recent = std::count_if(since_strike.begin(), since_strike.end(), [&](Time t) { return t > now - window; });
      if (recent >= reports) {
        ++strikes;
        since_strike.clear();
      }
      INFO("seed " << seed << " t " << now);
      REQUIRE(policy.transitions().size() == strikes);
    }
  }
}
