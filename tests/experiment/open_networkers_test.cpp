// An abusive cohort that targets open networkers (strategy.targeting.open_networkers) against an
// acceptance-rate floor: the members who advertise that they accept everyone lift the abuser's
// acceptance rate over the floor, so the rule restricts it less and later. Arms differ only in
// the option (common random numbers); each arm's mean comes with its 95% interval.
#include <catch2/catch.hpp>

#include <cstdio>

#include "experiment_fixture.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

int open_reps() { return testing::fast_mode() ? 6 : 10; }

/// 40 thin-profile abusers blasting 30 invitations a day to anyone (no note) for six weeks, with
/// only the acceptance floor on: 30% over the last 100 answers (at least 50), each breach a
/// strike. 5% of the 20,000 members advertise open networking (1,000: more than a sender can
/// invite before the floor acts). Arm "open" targets only them.
json doc() {
  json rules = testing::all_rules_off();
  rules.merge_patch({{"acceptance_floor", {{"enabled", true}, {"effect", "strike"}, {"floor", 0.3}, {"min_responses", 50}, {"last_k", 100}}}});
  const json open = {{"senders", {{"abuser", {{"strategy", {{"targeting", {{"open_networkers", true}}}}}}}}}};
  return {{"name", "open_networkers"},
          {"description", "abusers targeting open networkers against an acceptance floor"},
          {"horizon_days", 42},
          {"replications", open_reps()},
          {"seed", 23},
          {"world", {{"members", testing::fast_mode() ? 8000 : 20000}, {"attributes", {{"traits", {{"open_networker_share", 0.05}}}}}}},
          {"platform", {{"rules", rules}}},
          {"senders",
           {{"abuser",
             {{"count", 40},
              {"label", "abusive"},
              {"focal", true},
              {"profile_strength", 0.2},
              {"strategy",
               {{"preset", "cold_blast"},
                {"targeting", {{"pool", "anyone"}}},
                {"invites", {{"per_day", 30}, {"working_hours", false}, {"backoff_days", 0}, {"stop_at_weekly_cap", false}}},
                {"followups", {{"messages", 0}}}}}}}}},
          {"arms", json::array({{{"name", "base"}, {"patch", json::object()}}, {{"name", "open"}, {"patch", open}}})}};
}

void print(const testing::Outcome& out, const char* metric) {
  for (const char* arm : {"base", "open"}) {
    const auto& s = out.metric(arm, metric).stats;
    std::printf("open networkers: %s %s %.4f [%.4f, %.4f]\n", arm, metric, s.mean, s.ci.lo, s.ci.hi);
  }
}

}  // namespace

TEST_CASE("abusers who target open networkers are accepted more and restricted less and later by an acceptance floor",
          "[adaptive][open_networkers]") {
  const auto out = testing::run(testing::scenario(doc()));
  for (const char* m : {"acceptance_rate", "restrictions", "median_days_to_restrict_spammers", "invites_sent"}) print(out, m);
  const auto& base = out.metric("base", "acceptance_rate").stats;
  const auto& open = out.metric("open", "acceptance_rate").stats;
  INFO("acceptance base " << base.mean << " [" << base.ci.lo << ", " << base.ci.hi << "], open " << open.mean << " ["
                          << open.ci.lo << ", " << open.ci.hi << "]");
  // Separate intervals: the open arm's lowest plausible mean above the base's highest.
  CHECK(open.ci.lo > base.ci.hi);
  CHECK(open.mean > base.mean + 0.1);
  // acceptance_rate is over invitations sent (pending ones too); the floor reads the last 100
  // answers. The base's rate is under the floor (30%) either way and it is struck; the open
  // networkers' answers keep the rate over the floor and it never is (below).
  CHECK(base.mean < 0.3);
  const auto& r_base = out.metric("base", "restrictions").stats;
  const auto& r_open = out.metric("open", "restrictions").stats;
  INFO("restrictions base " << r_base.mean << " [" << r_base.ci.lo << ", " << r_base.ci.hi << "], open " << r_open.mean << " ["
                            << r_open.ci.lo << ", " << r_open.ci.hi << "]");
  CHECK(r_open.ci.hi < r_base.ci.lo);
  CHECK(out.diff("open", "base", "restrictions").ci.hi < 0);
  // Restricted later (the median is censored at the horizon when most are never restricted).
  const auto& d_base = out.metric("base", "median_days_to_restrict_spammers").stats;
  const auto& d_open = out.metric("open", "median_days_to_restrict_spammers").stats;
  CHECK(d_open.mean > d_base.mean);
  CHECK(out.diff("open", "base", "median_days_to_restrict_spammers").ci.lo > 0);
}
