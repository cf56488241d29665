// The answers scenarios/README.md gives for the library scenarios, asserted on the files as they
// stand (their world, platform and strategies; fewer replications): direction and rough size,
// with 95% t intervals over replications. An answer that changes fails here until the README's
// text is updated with it. Release only: at 100,000 members the sanitizer build would take
// minutes per scenario (LINKSIM_SLOW_TESTS=0 skips the assertions, not the scenario's checks).
#include <cmath>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "experiment_fixture.hpp"

using namespace linksim;

namespace {

using testing::run_library;

const experiment::SampleStats& stat(const testing::Outcome& out, const std::string& arm, const std::string& metric) {
  return out.metric(arm, metric).stats;
}

void print(const testing::Outcome& out, const std::string& metric) {
  for (const auto& a : out.summary.arms) {
    const auto& s = out.metric(a.name, metric).stats;
    std::printf("  %-24s %-20s %9.3f [%.3f, %.3f]\n", a.name.c_str(), metric.c_str(), s.mean, s.ci.lo, s.ci.hi);
  }
}

}  // namespace

TEST_CASE("default.json: cold gains the most connections, the email hybrid the most replies and meetings, no arm is restricted",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("default.json", 6);
  for (const char* m : {"connections_gained", "replies", "meetings", "restricted_days"}) print(out, m);
  // Connections: cold (197) > personalized (154) > hybrid_email (124) > content_led (20).
  CHECK(stat(out, "cold", "connections_gained").ci.lo > stat(out, "personalized", "connections_gained").ci.hi);
  CHECK(stat(out, "personalized", "connections_gained").ci.lo > stat(out, "hybrid_email", "connections_gained").ci.hi);
  CHECK(stat(out, "hybrid_email", "connections_gained").ci.lo > stat(out, "content_led", "connections_gained").ci.hi);
  // Replies and meetings: the hybrid (85, 21) above cold (47, 11.5).
  CHECK(stat(out, "hybrid_email", "replies").ci.lo > stat(out, "cold", "replies").ci.hi);
  CHECK(stat(out, "hybrid_email", "meetings").ci.lo > stat(out, "cold", "meetings").ci.hi);
  // Content's inbound connections are messaged: ~10 replies, ~2.3 meetings.
  CHECK(stat(out, "content_led", "inbound_replies").ci.lo > 5.0);
  CHECK(stat(out, "content_led", "inbound_replies").ci.hi < 15.0);
  CHECK(stat(out, "content_led", "inbound_meetings").ci.lo > 1.0);
  // Counting time at $50/h, a meeting through cold invitations ($69) is the cheapest, content ($1,329) the dearest.
  CHECK(stat(out, "cold", "meetings_per_1k_usd").ci.lo > stat(out, "hybrid_email", "meetings_per_1k_usd").ci.hi);
  CHECK(stat(out, "hybrid_email", "meetings_per_1k_usd").ci.lo > stat(out, "content_led", "meetings_per_1k_usd").ci.hi);
  // Rough sizes the README states: content ~20 connections (10-40), the hybrid's credits ~$138.
  CHECK(stat(out, "content_led", "connections_gained").mean > 10.0);
  CHECK(stat(out, "content_led", "connections_gained").mean < 40.0);
  CHECK(stat(out, "hybrid_email", "cost_usd").mean == Approx(138).margin(15));
  // "No arm is restricted on more than 0.1 of 84 days" (interval upper ends below 1 day).
  for (const char* arm : {"cold", "personalized", "content_led", "hybrid_email"}) {
    INFO(arm);
    CHECK(stat(out, arm, "restricted_days").ci.hi < 1.0);
  }
}

TEST_CASE("cold_vs_content.json: targeted cold beats blasting and posting, and the blaster is restricted most of the run",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("cold_vs_content.json", 6);
  for (const char* m : {"connections_gained", "restricted_days"}) print(out, m);
  // targeted_cold 198, cold_blast 62, content_led 19 connections.
  CHECK(stat(out, "targeted_cold", "connections_gained").ci.lo > 2.5 * stat(out, "cold_blast", "connections_gained").ci.hi);
  CHECK(stat(out, "cold_blast", "connections_gained").ci.lo > stat(out, "content_led", "connections_gained").ci.hi);
  // The blaster: restricted on 59 of 84 days (more than 40); the targeted sender almost never.
  CHECK(stat(out, "cold_blast", "restricted_days").ci.lo > 40.0);
  CHECK(stat(out, "targeted_cold", "restricted_days").ci.hi < 1.0);
}

namespace {
/// Per replication: what a daily cumulative series gained over days [from, to] (0-based, inclusive).
std::vector<double> gained(const testing::Outcome& out, const std::string& arm, const std::string& series, std::size_t from,
                           std::size_t to) {
  std::vector<double> g;
  for (std::size_t r = 0; r < out.runs.arms.front().runs.size(); ++r) {
    const auto& d = out.daily(arm, r, series);
    g.push_back(d.at(to) - (from == 0 ? 0.0 : d.at(from - 1)));
  }
  return g;
}
}  // namespace

TEST_CASE("cold_vs_content_6m.json: after six months targeted cold still leads on every outcome, content gains speed",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("cold_vs_content_6m.json", 10);  // the scenario's own 10
  for (const char* m : {"connections_gained", "replies", "meetings", "restricted_days", "hours_spent"}) print(out, m);
  // targeted_cold 522 connections, 110 replies, 27 meetings; content_led 44, 22, 5.5.
  for (const char* m : {"connections_gained", "replies", "meetings"}) {
    INFO(m);
    CHECK(stat(out, "targeted_cold", m).ci.lo > stat(out, "content_led", m).ci.hi);
  }
  // Content gains speed: its connections in the 5th-6th 28-day blocks (days 112-167) beat the
  // 2nd-3rd's (28-83): 14.6 against 11.6 (replies 7.5 against 5.9).
  const auto late = gained(out, "content_led", "connections", 112, 167), early = gained(out, "content_led", "connections", 28, 83);
  CHECK(experiment::paired_stats(late, early).ci.lo > 0.0);
  // The blaster is suspended after about 25 days: restricted on 157 of 182 days.
  CHECK(stat(out, "cold_blast", "suspended").mean == 1.0);
  CHECK(stat(out, "cold_blast", "restricted_days").ci.lo > 150.0);
}

TEST_CASE("cold_vs_content_12m.json: over a year content's monthly replies grow but stay below targeted cold's, which fall",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("cold_vs_content_12m.json", 6);
  for (const char* m : {"connections_gained", "replies", "meetings", "hours_spent", "meetings_per_hour"}) print(out, m);
  // Totals: targeted_cold 937 connections, 177 replies, 44 meetings; content_led 127, 66, 16.9.
  for (const char* m : {"connections_gained", "replies", "meetings"}) {
    INFO(m);
    CHECK(stat(out, "targeted_cold", m).ci.lo > stat(out, "content_led", m).ci.hi);
  }
  // No crossing: over the last three 28-day blocks (days 252-335) targeted cold still brings more
  // replies than content (~28 against ~19) and more connections (~178 against ~36), paired by
  // replication, although content's replies grew from the 2nd-4th blocks (days 28-111, ~10) and
  // cold's fell from the same blocks (~53) as its best prospects were used up.
  const auto content_late = gained(out, "content_led", "replies", 252, 335);
  const auto cold_late = gained(out, "targeted_cold", "replies", 252, 335);
  CHECK(experiment::paired_stats(cold_late, content_late).ci.lo > 0.0);
  const auto content_conn = gained(out, "content_led", "connections", 252, 335);
  const auto cold_conn = gained(out, "targeted_cold", "connections", 252, 335);
  CHECK(experiment::paired_stats(cold_conn, content_conn).ci.lo > 0.0);
  const auto content_early = gained(out, "content_led", "replies", 28, 111);
  const auto cold_early = gained(out, "targeted_cold", "replies", 28, 111);
  CHECK(experiment::paired_stats(content_late, content_early).ci.lo > 0.0);
  CHECK(experiment::paired_stats(cold_early, cold_late).ci.lo > 0.0);
  // Time: content costs about four times the hours for fewer meetings (0.06 against 0.71 per hour).
  CHECK(stat(out, "targeted_cold", "meetings_per_hour").ci.lo > 5.0 * stat(out, "content_led", "meetings_per_hour").ci.hi);
}

TEST_CASE("creator.json: an audience multiplies content's outcomes, and Connect mode beats Follow-first on all but followers",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("creator.json", 6);
  for (const char* m : {"connections_gained", "followers_gained", "replies", "meetings", "meetings_per_hour"}) print(out, m);
  // creator_connect 341 connections, 164 replies, 41 meetings; follow-first 73, 35, 9.0; ordinary 19.5, 10, 2.5.
  for (const char* m : {"connections_gained", "replies", "meetings"}) {
    INFO(m);
    CHECK(stat(out, "creator_connect", m).ci.lo > 3.0 * stat(out, "creator_follow_first", m).ci.hi);
    CHECK(stat(out, "creator_follow_first", m).ci.lo > stat(out, "ordinary", m).ci.hi);
  }
  // Follow-first turns most would-be invitations into follows: 234 followers against 107.
  CHECK(stat(out, "creator_follow_first", "followers_gained").ci.lo > 1.5 * stat(out, "creator_connect", "followers_gained").ci.hi);
  // A creator's posting pays for its hours (0.56 meetings an hour) where an ordinary member's does not (0.04).
  CHECK(stat(out, "creator_connect", "meetings_per_hour").ci.lo > 5.0 * stat(out, "ordinary", "meetings_per_hour").ci.hi);
}

TEST_CASE("existing_network.json: messaging the network one has brings meetings as cold invitations do, in three weeks, and adds to them",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("existing_network.json", 6);
  for (const char* m : {"replies", "meetings", "network_reply_rate", "meetings_per_hour"}) print(out, m);
  // network 15.8 [9.9, 21.7] meetings, cold 12.0, both 22.6: the network alone is no worse than
  // cold (its interval reaches above cold's mean), and together they beat cold.
  CHECK(stat(out, "network", "meetings").ci.lo > 5.0);
  CHECK(stat(out, "network", "meetings").ci.hi > stat(out, "cold", "meetings").mean);
  CHECK(stat(out, "both", "meetings").ci.lo > stat(out, "cold", "meetings").ci.hi);
  // About 20% of existing connections reply to a message and two follow-ups.
  CHECK(stat(out, "network", "network_reply_rate").mean > 0.12);
  CHECK(stat(out, "network", "network_reply_rate").mean < 0.30);
  // The network runs out: a median one (250 connections at 20 a day) in about three weeks, the
  // largest (lognormal sizes) later; the first 28 days bring over three times the last 28's replies.
  const auto first = gained(out, "network", "replies", 0, 27), last = gained(out, "network", "replies", 56, 83);
  for (std::size_t r = 0; r < first.size(); ++r) {
    std::printf("  network replies, days 1-28: %.1f, days 57-84: %.1f\n", first[r], last[r]);
    CHECK(first[r] > 3.0 * last[r]);
  }
}

TEST_CASE("email_vs_inmail.json: the hybrid brings as many replies as email alone at the lowest cost, InMail the fewest",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("email_vs_inmail.json", 6);
  for (const char* m : {"replies", "cost_usd"}) print(out, m);
  // Replies: hybrid 86 ~ email_finder 88 > email_unverified 81 > inmail_sales_nav 30: the hybrid
  // and the verified finder within 10% of each other.
  CHECK(std::abs(stat(out, "hybrid", "replies").mean - stat(out, "email_finder", "replies").mean) <
        0.10 * stat(out, "email_finder", "replies").mean);
  // Verified vs unverified differ by ~6 replies: compared by their paired difference (the arms
  // share members' draws).
  CHECK(out.diff("email_finder", "email_unverified", "replies").ci.lo > 0.0);
  CHECK(stat(out, "email_unverified", "replies").ci.lo > stat(out, "inmail_sales_nav", "replies").ci.hi);
  // Cost: the hybrid ($138) below the finder arms ($207-221) and InMail ($280).
  for (const char* arm : {"email_finder", "email_unverified", "inmail_sales_nav"}) {
    INFO(arm);
    CHECK(stat(out, "hybrid", "cost_usd").mean < stat(out, arm, "cost_usd").mean);
  }
  // With the sender's hours at $50: meetings per $1,000 InMail 6.2 > hybrid 4.6 > finder 3.3
  // ($162, $216 and $303 per meeting).
  print(out, "meetings_per_1k_usd");
  CHECK(stat(out, "inmail_sales_nav", "meetings_per_1k_usd").ci.lo > stat(out, "hybrid", "meetings_per_1k_usd").ci.hi);
  CHECK(stat(out, "hybrid", "meetings_per_1k_usd").ci.lo > stat(out, "email_finder", "meetings_per_1k_usd").ci.hi);
  // InMail's replies count every answer (12% of InMails), the interested half become leads.
  CHECK(stat(out, "inmail_sales_nav", "inmail_interested").mean < stat(out, "inmail_sales_nav", "inmail_replies").mean);
}

TEST_CASE("premium_vs_free.json: paid plans bring more replies and meetings than free", "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("premium_vs_free.json", 6);
  for (const char* m : {"replies", "meetings", "acceptance_rate"}) print(out, m);
  // Replies: premium_business 43, sales_nav_core 44, free 25; acceptance 0.23 vs 0.18.
  for (const char* arm : {"premium_business", "sales_nav_core"}) {
    INFO(arm);
    CHECK(stat(out, arm, "replies").ci.lo > stat(out, "free", "replies").ci.hi);
    CHECK(stat(out, arm, "meetings").ci.lo > stat(out, "free", "meetings").ci.hi);
    CHECK(stat(out, arm, "acceptance_rate").ci.lo > stat(out, "free", "acceptance_rate").ci.hi);
  }
}

TEST_CASE("pending_hygiene.json: withdrawing lowers pending but costs connections", "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("pending_hygiene.json", 6);
  for (const char* m : {"connections_gained", "pending_at_end", "invites_sent", "restricted_days"}) print(out, m);
  // no_hygiene 271 connections, 666 pending; 21 days 215 / 124; 14 days 186 / 85.
  CHECK(out.diff("withdraw_after_21_days", "no_hygiene", "connections_gained").ci.hi < 0.0);
  CHECK(out.diff("withdraw_after_14_days", "withdraw_after_21_days", "connections_gained").ci.hi < 0.0);
  CHECK(out.diff("withdraw_after_21_days", "no_hygiene", "pending_at_end").ci.hi < 0.0);
  CHECK(out.diff("withdraw_after_14_days", "withdraw_after_21_days", "pending_at_end").ci.hi < 0.0);
  // The pending cap holds no_hygiene back: the withdrawing arms send more.
  CHECK(out.diff("withdraw_after_21_days", "no_hygiene", "invites_sent").ci.lo > 0.0);
  for (const char* arm : {"no_hygiene", "withdraw_after_21_days", "withdraw_after_14_days"}) {
    INFO(arm);
    CHECK(stat(out, arm, "restricted_days").ci.hi < 1.0);
  }
}

TEST_CASE("pre_2021_vs_now.json: the pre-2021 rules let about twice the invitations and connections through",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("pre_2021_vs_now.json", 6);
  for (const char* m : {"invites_sent", "connections_gained", "restricted_days"}) print(out, m);
  // 2,310 vs 1,191 invitations, 409 vs 211 connections.
  const double ratio = stat(out, "linkedin_pre_2021", "connections_gained").mean / stat(out, "linkedin_2025", "connections_gained").mean;
  CHECK(ratio > 1.6);
  CHECK(ratio < 2.4);
  CHECK(stat(out, "linkedin_pre_2021", "invites_sent").ci.lo > 1.6 * stat(out, "linkedin_2025", "invites_sent").ci.hi);
  CHECK(stat(out, "linkedin_pre_2021", "restricted_days").ci.hi < 2.0);
}

TEST_CASE("ramp_up.json: full speed gains more than the ramp, and neither is restricted", "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("ramp_up.json", 6);
  for (const char* m : {"invites_sent", "connections_gained", "restricted_days", "acceptance_rate"}) print(out, m);
  // 109 vs 78 connections; 741 vs 567 invitations; new accounts accepted ~14% within the run.
  CHECK(out.diff("full_speed", "ramp_up", "connections_gained").ci.lo > 0.0);
  CHECK(out.diff("full_speed", "ramp_up", "invites_sent").ci.lo > 0.0);
  for (const char* arm : {"full_speed", "ramp_up"}) {
    INFO(arm);
    CHECK(stat(out, arm, "restricted_days").ci.hi < 1.0);
    CHECK(stat(out, arm, "acceptance_rate").mean > 0.08);
    CHECK(stat(out, arm, "acceptance_rate").mean < 0.18);
    // Below the 30% floor, yet the floor judges only after 50 answers among the last 100, which
    // few new accounts reach in 8 weeks: the senders' mean weekly cap stays near the plan's 100
    // (96-99 over the run), where a floor that bound most of them would halve it.
    double cap = 0.0;
    for (std::size_t r = 0; r < 6; ++r) {
      const auto& days = out.daily(arm, r, "weekly_cap");
      double sum = 0.0;
      for (double v : days) sum += v;
      cap += sum / static_cast<double>(days.size()) / 6.0;
    }
    CHECK(cap > 90.0);
    CHECK(cap < 100.0);  // some senders are judged
  }
}

TEST_CASE("limiter_stress.json: against adaptive abusers no policy catches every one, and the cap, the window and the floor each change spam delivered",
          "[integration][library]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("limiter_stress.json", 4);
  for (const char* m : {"spam_invites_delivered", "spammer_recall", "legit_false_positive_rate", "legit_invites_blocked",
                        "spammer_peak_invites_48h"})
    print(out, m);
  // Naive spammers and fake accounts are caught (scrutiny, reports); adaptive ones mostly are not:
  // recall about 0.5 under the preset, below 1 under every policy.
  for (const auto& a : out.summary.arms) {
    INFO(a.name);
    CHECK(stat(out, a.name, "spammer_recall").mean < 0.8);
    CHECK(stat(out, a.name, "spammer_recall").mean > 0.3);
  }
  CHECK(stat(out, "linkedin_2025", "legit_false_positive_rate").mean == 0.0);
  const std::string spam = "spam_invites_delivered";
  // Spam delivered (86,200 under the preset) rises with the weekly cap: adaptive spammers stay
  // under whatever cap they learn (cap 200: +38,600; cap 800: +63,100)...
  CHECK(out.diff("cap_200", "linkedin_2025", spam).ci.lo > 20000.0);
  CHECK(out.diff("cap_800", "cap_200", spam).ci.lo > 0.0);
  // ...with the window (a calendar week lets 2,800 more through)...
  CHECK(out.diff("calendar_week", "linkedin_2025", spam).ci.lo > 0.0);
  // ...and with the acceptance floor, which lowers low-acceptance senders' cap (off: +10,600; 45%: -17,100).
  CHECK(out.diff("no_acceptance_floor", "linkedin_2025", spam).ci.lo > 0.0);
  CHECK(out.diff("floor_45", "linkedin_2025", spam).ci.hi < 0.0);
  // 3 reports catch more spammers (recall +0.13) but restrict honest senders too (0.8%).
  CHECK(out.diff("reports_3", "linkedin_2025", "spammer_recall").ci.lo > 0.0);
  CHECK(stat(out, "reports_3", "legit_false_positive_rate").mean > 0.0);
  // Strikes for hitting the cap again and again cut spam (-6,100) but hit growth hackers who keep trying.
  CHECK(out.diff("limit_strikes", "linkedin_2025", spam).ci.hi < 0.0);
  CHECK(out.diff("limit_strikes", "linkedin_2025", "legit_false_positive_rate").ci.lo > 0.0);
  // The learned abuse score catches more (recall 0.58) and sooner (median 15 days against 39), at a
  // few false positives (0.4%).
  CHECK(out.diff("abuse_score", "linkedin_2025", "spammer_recall").ci.lo > 0.03);
  CHECK(out.diff("abuse_score", "linkedin_2025", "median_days_to_restrict_spammers").ci.hi < -10.0);
  CHECK(stat(out, "abuse_score", "legit_false_positive_rate").mean < 0.02);
  // Honest senders' cost in blocked invitations: calendar week (3) < preset (2,910) < pending cap
  // 500 (4,260) < token bucket (13,000), which also halves spammers' 48-hour bursts.
  CHECK(stat(out, "calendar_week", "legit_invites_blocked").ci.hi < stat(out, "linkedin_2025", "legit_invites_blocked").ci.lo);
  CHECK(stat(out, "linkedin_2025", "legit_invites_blocked").ci.hi < stat(out, "pending_500", "legit_invites_blocked").ci.lo);
  CHECK(stat(out, "pending_500", "legit_invites_blocked").ci.hi < stat(out, "token_bucket", "legit_invites_blocked").ci.lo);
  CHECK(out.diff("token_bucket", "linkedin_2025", "spammer_peak_invites_48h").ci.hi < -20.0);
  // A per-member budget of 2 stranger invitations in 28 days: spam -2,400, but 60,800 honest
  // invitations refused (21 times the preset's), and no honest sender restricted.
  CHECK(out.diff("member_budget", "linkedin_2025", spam).ci.hi < 0.0);
  CHECK(out.diff("member_budget", "linkedin_2025", spam).ci.lo > -10000.0);
  CHECK(stat(out, "member_budget", "legit_invites_blocked").ci.lo > 10.0 * stat(out, "linkedin_2025", "legit_invites_blocked").ci.hi);
  CHECK(stat(out, "member_budget", "legit_false_positive_rate").mean == 0.0);
}
