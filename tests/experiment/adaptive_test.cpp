// Adaptive senders (strategy.adapt): each behaviour against the rule that would otherwise catch
// it, with only that rule on. Arms differ only in the behaviour (common random numbers), so the
// effect is judged on paired differences with 95% intervals over replications.
#include <catch2/catch.hpp>

#include "experiment/shard/adaptation.hpp"
#include "experiment_fixture.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

int reps() { return testing::fast_mode() ? 6 : 10; }

/// `count` abusive senders blasting `per_day` invitations a day to anyone (no note), with only the
/// rules in `rules` on; arm "base" as is, arm "adaptive" with `adapt` (and `strategy` patched in).
json doc(int count, int per_day, int horizon, const json& rules, const json& adapt, const json& strategy = json::object()) {
  json on = testing::all_rules_off();
  on.merge_patch(rules);
  json patch = {{"senders", {{"abuser", {{"strategy", strategy}}}}}};
  patch["senders"]["abuser"]["strategy"]["adapt"] = adapt;
  return {{"name", "adaptive"},
          {"description", "an adaptive behaviour against one rule"},
          {"horizon_days", horizon},
          {"replications", reps()},
          {"seed", 17},
          {"world", {{"members", testing::fast_mode() ? 8000 : 20000}}},
          {"platform", {{"rules", on}}},
          {"senders",
           {{"abuser",
             {{"count", count},
              {"label", "abusive"},
              {"focal", true},
              {"profile_strength", 0.2},
              {"strategy",
               {{"preset", "cold_blast"},
                {"targeting", {{"pool", "anyone"}}},
                {"invites", {{"per_day", per_day}, {"working_hours", false}, {"backoff_days", 0}, {"stop_at_weekly_cap", false}}},
                {"followups", {{"messages", 0}}}}}}}}},
          {"arms", json::array({{{"name", "base"}, {"patch", json::object()}}, {{"name", "adaptive"}, {"patch", patch}}})}};
}

experiment::PairedStats diff(const testing::Outcome& out, const std::string& metric) {
  return out.diff("adaptive", "base", metric);
}

}  // namespace

TEST_CASE("slowing after each penalty: fewer restrictions from spam reports, more delivered before suspension", "[adaptive]") {
  // report_threshold: 5 reports in 90 days is a strike; strikes climb the ladder to suspension.
  const auto out = testing::run(testing::scenario(doc(12, 60, 56, {{"report_threshold", {{"enabled", true}}}}, {{"slow_factor", 0.4}})));
  INFO("restrictions base " << out.metric("base", "restrictions").stats.mean << ", adaptive "
                            << out.metric("adaptive", "restrictions").stats.mean);
  const auto restrictions = diff(out, "restrictions");
  CHECK(restrictions.ci.hi < 0);  // slowing draws fewer reports, so fewer strikes
  const auto suspended = diff(out, "suspended");
  CHECK(suspended.mean_diff <= 0);
  // Pace × 0.4 per penalty: a slowed sender sends fewer a day, but for longer.
  CHECK(out.metric("adaptive", "restricted_days").stats.mean < out.metric("base", "restricted_days").stats.mean);
}

TEST_CASE("targeting in the sender's own region and industry escapes scrutiny", "[adaptive]") {
  const auto out = testing::run(testing::scenario(
      doc(10, 40, 21, {{"scrutiny", {{"enabled", true}}}}, json::object(),
          {{"targeting", {{"pool", "icp"}, {"same_industry", true}, {"same_region", true}}}})));
  // Anyone: most recipients are outside the sender's industry, so scrutiny strikes within days.
  CHECK(out.metric("base", "restrictions").stats.mean > 1.0);
  CHECK(out.metric("adaptive", "restrictions").stats.mean == 0.0);
  CHECK(out.metric("adaptive", "restricted_days").stats.mean == 0.0);
  CHECK(out.metric("base", "restricted_days").stats.mean > 1.0);
}

TEST_CASE("a ring of accounts that accept each other delays the acceptance floor", "[adaptive]") {
  // Floor 30% over the last 100 responses (at least 50), each breach a strike. Blasting to anyone,
  // a thin profile is accepted about one time in ten; 40 ring partners accepted at once carry the
  // rate over the floor until real answers outnumber them (a ring of 40: 39 partners each).
  const json floor = {{"acceptance_floor", {{"enabled", true}, {"effect", "strike"}, {"floor", 0.3}, {"min_responses", 50}, {"last_k", 100}}}};
  const auto out = testing::run(testing::scenario(doc(40, 30, 42, floor, {{"ring", 40}})));
  CHECK(out.metric("adaptive", "ring_connections").stats.mean == Approx(39.0));
  CHECK(out.metric("base", "ring_connections").stats.mean == 0.0);
  const auto& base = out.metric("base", "median_days_to_restrict_spammers").per_replication;
  const auto& ring = out.metric("adaptive", "median_days_to_restrict_spammers").per_replication;
  INFO("median days to restriction: base " << out.metric("base", "median_days_to_restrict_spammers").stats.mean
                                           << ", ring " << out.metric("adaptive", "median_days_to_restrict_spammers").stats.mean);
  const auto d = experiment::paired_stats(ring, base);
  CHECK(d.ci.lo > 1.0);  // restricted more than a day later
  CHECK(diff(out, "restrictions").ci.hi < 0);
}

TEST_CASE("rotating to fresh accounts keeps a suspended spammer sending", "[adaptive]") {
  // Reports climb the ladder fast at 80 a day; a suspended account sends nothing more unless the
  // sender opens another.
  const json reports = {{"report_threshold", {{"enabled", true}, {"reports", 3}, {"require_email", false}}}};
  const auto out = testing::run(testing::scenario(doc(12, 80, 84, reports, {{"rotate_accounts", 3}, {"rotate_at", "restricted_week"}})));
  INFO("invites base " << out.metric("base", "invites_sent").stats.mean << ", rotating "
                       << out.metric("adaptive", "invites_sent").stats.mean);
  const double rotated = out.metric("adaptive", "accounts_rotated").stats.mean;
  CHECK(rotated > 0.5);
  CHECK(rotated <= 3.0);
  CHECK(out.metric("base", "accounts_rotated").stats.mean == 0.0);
  CHECK(diff(out, "invites_sent").ci.lo > 0);
}

TEST_CASE("abusers who target open networkers are accepted more and restricted less and later by an acceptance floor",
          "[adaptive][open_networkers]") {
  // 40 thin-profile blasters, 30 a day to anyone for six weeks, only the acceptance floor on (30%
  // over the last 100 answers, at least 50, each breach a strike); 5% of the members advertise
  // open networking (1,000 of 20,000: more than a sender can invite before the floor acts).
  const json floor = {{"acceptance_floor", {{"enabled", true}, {"effect", "strike"}, {"floor", 0.3}, {"min_responses", 50}, {"last_k", 100}}}};
  json d = doc(40, 30, 42, floor, json::object(), {{"targeting", {{"open_networkers", true}}}});
  d["seed"] = 23;
  d["world"]["attributes"]["traits"]["open_networker_share"] = 0.05;
  const auto out = testing::run(testing::scenario(d));
  const auto& base = out.metric("base", "acceptance_rate").stats;
  const auto& open = out.metric("adaptive", "acceptance_rate").stats;
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
  const auto& r_open = out.metric("adaptive", "restrictions").stats;
  INFO("restrictions base " << r_base.mean << ", open " << r_open.mean);
  CHECK(r_open.ci.hi < r_base.ci.lo);
  CHECK(diff(out, "restrictions").ci.hi < 0);
  // Restricted later (the median is censored at the horizon when most are never restricted).
  CHECK(out.metric("adaptive", "median_days_to_restrict_spammers").stats.mean >
        out.metric("base", "median_days_to_restrict_spammers").stats.mean);
  CHECK(diff(out, "median_days_to_restrict_spammers").ci.lo > 0);
}

TEST_CASE("switching channel after a warning: the platform sees less, the abuse goes on by email", "[adaptive]") {
  // Three reports in 90 days are a strike; the first strike is a warning. Blasting 60 a day to
  // strangers draws reports within days; the switching sender stops inviting at the warning and
  // emails the same prospect list at the same pace instead, where no rule of the platform sees it.
  const json reports = {{"report_threshold", {{"enabled", true}, {"reports", 3}, {"require_email", false}}}};
  const auto out = testing::run(testing::scenario(doc(12, 60, 56, reports, {{"switch_to", "email"}, {"switch_at", "warning"}})));
  INFO("invites base " << out.metric("base", "invites_sent").stats.mean << ", switching "
                       << out.metric("adaptive", "invites_sent").stats.mean << "; other channels "
                       << out.metric("adaptive", "spam_other_channels").stats.mean);
  CHECK(out.metric("base", "warnings").stats.mean >= 1.0);
  CHECK(diff(out, "invites_sent").ci.hi < 0);
  CHECK(diff(out, "spam_invites_delivered").ci.hi < 0);
  // Fewer invitations after the warning draw fewer reports: fewer restrictions, none suspended.
  CHECK(diff(out, "restrictions").ci.hi < 0);
  CHECK(out.metric("adaptive", "suspended").stats.mean <= out.metric("base", "suspended").stats.mean);
  // The displaced volume: nothing by other channels before, about 60 first emails a day after.
  CHECK(out.metric("base", "spam_other_channels").stats.mean == 0.0);
  CHECK(diff(out, "spam_other_channels").ci.lo > 12 * 60 * 7);  // more than a week of it per sender
}

TEST_CASE("a channel switch moves the invitation volume at the penalty named, and a new account invites again", "[adaptive]") {
  strategy::StrategyParams st;
  st.invites.per_day = 40;
  st.email.per_day = 10;
  st.inmail.per_week = 15;
  st.adapt.switch_to = strategy::SwitchTo::kEmail;
  st.adapt.switch_rung = platform::rung(platform::Step::kRestrictedHours);
  experiment::Sender x;
  x.strategy = &st;
  CHECK(experiment::adaptation::invite_pace(x, 40) == 40);
  CHECK(experiment::adaptation::emails_per_day(x) == 10);
  platform::Transition warning;
  warning.effect = platform::Effect::kWarning;
  warning.step = platform::Step::kWarning;
  experiment::adaptation::on_penalty(x, warning, 1);
  CHECK_FALSE(x.switched);  // a warning is below restricted_hours
  platform::Transition hours = warning;
  hours.effect = platform::Effect::kRestriction;
  hours.step = platform::Step::kRestrictedHours;
  experiment::adaptation::on_penalty(x, hours, 1);
  REQUIRE(x.switched);
  CHECK(experiment::adaptation::invite_pace(x, 40) == 0);
  CHECK(experiment::adaptation::emails_per_day(x) == 40);    // the larger of 40 invitations and 10 emails
  CHECK(experiment::adaptation::inmails_per_week(x) == 15);  // not the channel switched to
  st.adapt.switch_to = strategy::SwitchTo::kInmail;
  CHECK(experiment::adaptation::inmails_per_week(x) == 200);  // 5 working days × 40
  CHECK(experiment::adaptation::emails_per_day(x) == 10);
  experiment::adaptation::rotate(x, 9);
  CHECK_FALSE(x.switched);
  CHECK(experiment::adaptation::invite_pace(x, 40) == 40);
  // A restriction outside the ladder (no step: an InMail ban) is no rung at all.
  platform::Transition ban;
  ban.effect = platform::Effect::kRestriction;
  st.adapt.switch_rung = 0;
  experiment::adaptation::on_penalty(x, ban, 1);
  CHECK_FALSE(x.switched);
}

TEST_CASE("probing the weekly cap and staying under it avoids strikes for hitting it again and again", "[adaptive]") {
  // The rolling weekly cap (100 on the free plan) with a strike after 10 refused attempts within a
  // week: a blaster that keeps trying at every slot is struck every week; one that learns the cap
  // from its first refusal stays 10% under it and is refused once.
  const json cap = {{"invite_cap_rolling", {{"enabled", true}, {"strike_after_denials", 10}, {"denials_window_days", 7}}}};
  const auto out = testing::run(testing::scenario(doc(10, 60, 42, cap, {{"probe_cap", true}, {"cap_margin", 0.1}})));
  const double base = out.metric("base", "warnings").stats.mean + out.metric("base", "restrictions").stats.mean;
  CHECK(base >= 4.0);  // about one strike a week for six weeks
  CHECK(out.metric("adaptive", "warnings").stats.mean == 0.0);
  CHECK(out.metric("adaptive", "restrictions").stats.mean == 0.0);
  CHECK(out.metric("adaptive", "invite_attempts_denied").stats.mean == Approx(1.0));
  // It gives up a tenth of the cap and loses none of its weeks to restrictions.
  const double sent = out.metric("adaptive", "invites_sent").stats.mean;
  CHECK(sent > 0.85 * out.metric("base", "invites_sent").stats.mean);
  CHECK(sent <= 100.0 + 90.0 * 5.0 + 1e-9);  // 100 in the first week, at most 90 in each of the next five
}

namespace {

/// 30 adaptive spammers among 70 casual users under the default rules (linkedin_2025), with one
/// arm per rule change.
json adaptive_population(const json& arms, const json& archetypes = json::object()) {
  json d = {{"name", "adaptive abusers"},
            {"description", "a rule against adaptive abusers"},
            {"horizon_days", 42},
            {"replications", reps()},
            {"seed", 23},
            {"world", {{"members", testing::fast_mode() ? 10000 : 20000}}},
            {"senders", json::object()},
            {"population", {{"senders", 100}, {"mix", {{"casual_user", 0.7}, {"adaptive_spammer", 0.3}}}}},
            {"arms", arms}};
  if (!archetypes.empty()) d["population"]["archetypes"] = archetypes;
  return d;
}

json arm(const std::string& name, const json& platform) {
  return {{"name", name}, {"patch", platform.empty() ? json::object() : json{{"platform", platform}}}};
}

}  // namespace

TEST_CASE("against adaptive spammers the weekly cap and the acceptance floor change spam delivered", "[adaptive][policy]") {
  const json arms = json::array({arm("linkedin_2025", json::object()),
                                 arm("cap_200", {{"plans", {{"free", {{"weekly_invite_cap", 200}}}}}}),
                                 arm("no_floor", {{"rules", {{"acceptance_floor", {{"enabled", false}}}}}})});
  const auto out = testing::run(testing::scenario(adaptive_population(arms)));
  const std::string spam = "spam_invites_delivered";
  INFO("spam delivered: default " << out.metric("linkedin_2025", spam).stats.mean << ", cap 200 "
                                  << out.metric("cap_200", spam).stats.mean << ", no floor "
                                  << out.metric("no_floor", spam).stats.mean);
  // Staying under whatever cap it learns, the adaptive spammer sends more under a higher cap...
  CHECK(out.diff("cap_200", "linkedin_2025", spam).ci.lo > 0);
  // ...and under a cap the acceptance floor no longer lowers.
  CHECK(out.diff("no_floor", "linkedin_2025", spam).ci.lo > 0);
  // Scrutiny never sees it (its own industry) and it slows after each penalty: not every one is restricted.
  CHECK(out.metric("linkedin_2025", "spammer_recall").stats.mean < 1.0);
}

TEST_CASE("against a spammer timing bursts at the window's boundary the window type changes spam delivered", "[adaptive][policy]") {
  // The boundary variant: 100 a day on Sundays and Mondays only, at any hour, no probing.
  const json boundary = {{"adaptive_spammer",
                          {{"strategy",
                            {{"invites", {{"per_day", 100}, {"days_of_week", {6, 0}}, {"working_hours", false}}},
                             {"adapt", {{"probe_cap", false}}}}}}}};
  const json arms = json::array({arm("rolling", json::object()),
                                 arm("calendar", {{"rules", {{"invite_cap_rolling", {{"enabled", false}}},
                                                             {"invite_cap_calendar", {{"enabled", true}}}}}})});
  const auto out = testing::run(testing::scenario(adaptive_population(arms, boundary)));
  const std::string spam = "spam_invites_delivered", peak = "spammer_peak_invites_48h";
  INFO("spam delivered: rolling " << out.metric("rolling", spam).stats.mean << ", calendar " << out.metric("calendar", spam).stats.mean);
  CHECK(out.diff("calendar", "rolling", spam).ci.lo > 0);
  CHECK(out.diff("calendar", "rolling", peak).ci.lo > 0);
}
