// Restrictions: what honest senders should see (docs/platform.md, "Restrictions: what honest
// senders should see"). The linkedin_2025 preset on the default world, fixed seeds:
//
// - careful senders (at most 100 invitations a week, ICP / same-industry targeting, no note) are
//   rarely restricted: fewer than 10% of them restricted in 12 weeks, and restricted on fewer than
//   5% of days (practitioners' safe-limit guidance; help a551012: most restrictions lift within a
//   week);
// - an untargeted blaster (40 a day to anyone, low acceptance) is restricted within about two
//   weeks (practitioners).
//
// Tolerances: the targets hold for the point estimates over every sender of every replication
// (80 sender-runs per arm), and for the upper end of the 95% t interval over replications where
// stated. "Restricted at least once" is bounded by the mean number of restrictions per sender (a
// restricted sender has at least one), so `restrictions` < 0.10 implies fewer than 10% restricted;
// the trace of replication 0 counts the senders themselves too.
//
// The class "acceptance >= 30%": the default world's targeted cold sender is fitted to 27% eventual
// acceptance (docs/model.md: practitioners' cold figure); 60% of members are dormant, so of the
// invitations of its first 4 weeks about 21% are accepted by day 84 (printed below). It is the
// nearest honest sender the model has: a sender with higher acceptance draws fewer reports and so
// fewer strikes. An untargeted blaster's prospects differ only by the homophily coefficients
// (judgement), so its acceptance is only about a point lower: the row's "low acceptance" is not
// reproduced, only its direction (docs/model.md, "Restrictions").
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "experiment_fixture.hpp"
#include "linksim/platform/ladder.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

constexpr int kHorizon = 84;
constexpr double kDaySeconds = static_cast<double>(core::kDay);

// The same in the sanitizer run: the targets are shares of senders, so fewer would coarsen them.
constexpr int kSenders = 20;
constexpr int kReps = 4;

json arm(const std::string& name, const json& strategy) {
  return {{"name", name}, {"patch", {{"senders", {{"focal", {{"strategy", strategy}}}}}}}};
}

/// The default world and platform (linkedin_2025), free plan, 12 weeks.
json scenario_doc(std::uint64_t seed) {
  return {{"name", "restrictions calibration"},
          {"description", "integration test: restrictions honest senders and blasters see"},
          {"horizon_days", kHorizon},
          {"replications", kReps},
          {"seed", seed},
          {"senders", {{"focal", {{"count", kSenders}, {"plan", "free"}}}}}};
}

namespace tr = experiment::trace;

/// A ladder step past the warning (InMail bans and reinstatements have names of their own).
bool is_ladder_restriction(const std::string& step) {
  return step != "warning" && std::find(platform::kStepNames.begin(), platform::kStepNames.end(), step) != platform::kStepNames.end();
}

/// Per traced sender (replication 0): the time of the first ladder restriction.
std::map<std::uint32_t, core::Time> first_restrictions(const testing::MemoryTrace& trace, const std::string& arm_name) {
  std::map<std::uint32_t, core::Time> first;
  for (const auto& l : trace.arm(arm_name))
    if (const auto* t = std::get_if<tr::Ladder>(&l.record.event); t && is_ladder_restriction(t->to))
      first.emplace(l.record.sender, l.record.time);
  return first;
}

/// Accepted share of the invitations sent in the first `days` days, by the end of the run
/// (replication 0): acceptance on invitations old enough to have been answered.
double early_acceptance(const testing::MemoryTrace& trace, const std::string& arm_name, int days) {
  std::set<std::pair<std::uint32_t, std::int64_t>> early, accepted;
  for (const auto& l : trace.arm(arm_name)) {
    const auto key = std::make_pair(l.record.sender, l.record.member);
    if (std::holds_alternative<tr::InviteSent>(l.record.event) && l.record.time < days * core::kDay) early.insert(key);
    if (std::holds_alternative<tr::InviteAccepted>(l.record.event)) accepted.insert(key);
  }
  double hits = 0;
  for (const auto& k : early) hits += accepted.count(k) ? 1 : 0;
  return early.empty() ? 0.0 : hits / static_cast<double>(early.size());
}

}  // namespace

TEST_CASE("careful senders are rarely restricted and an untargeted blaster is restricted within about two weeks",
          "[integration][restrictions]") {
  json doc = scenario_doc(41);
  // targeted_cold: 20 on each working day (100 a week) to the same industry, no note (the default
  // scenario's cold arm). cold_blast: 40 a day to anyone, no note.
  doc["arms"] = {arm("targeted_cold", {{"preset", "targeted_cold"}}), arm("cold_blast", {{"preset", "cold_blast"}})};
  testing::MemoryTrace trace;
  const auto out = testing::run(testing::scenario(doc), &trace);
  for (const char* a : {"targeted_cold", "cold_blast"}) {
    std::printf("  %-18s", a);
    for (const char* m : {"invites_sent", "acceptance_rate", "warnings", "restrictions", "restricted_days"}) {
      const auto& s = out.metric(a, m).stats;
      std::printf("  %s %.3g [%.3g, %.3g]", m, s.mean, s.ci.lo, s.ci.hi);
    }
    std::printf("  (replication 0: %zu of %d restricted, acceptance of the first 4 weeks' invitations %.3f)\n",
                first_restrictions(trace, a).size(), kSenders, early_acceptance(trace, a, 28));
  }

  SECTION("careful senders") {
    // Careful: never more than 100 invitations in 7 days (mean over senders, and the free plan's
    // cap binds each one).
    for (int r = 0; r < kReps; ++r) {
      const auto& weekly = out.daily("targeted_cold", static_cast<std::size_t>(r), "invites_weekly");
      CHECK(*std::max_element(weekly.begin(), weekly.end()) <= 100.0);
    }
    // Fewer than 10% restricted in 12 weeks: the mean number of restrictions bounds the share.
    const auto& restrictions = out.metric("targeted_cold", "restrictions").stats;
    CHECK(restrictions.mean < 0.10);
    CHECK(static_cast<double>(first_restrictions(trace, "targeted_cold").size()) < 0.10 * kSenders);
    // Restricted on fewer than 5% of days, the 95% interval's upper end included.
    CHECK(out.metric("targeted_cold", "restricted_days").stats.ci.hi < 0.05 * kHorizon);
    // Near the class (see above): the first 4 weeks' invitations 18-30% accepted by day 84.
    CHECK(early_acceptance(trace, "targeted_cold", 28) > 0.18);
    CHECK(early_acceptance(trace, "targeted_cold", 28) < 0.30);
  }

  SECTION("an untargeted blaster") {
    // Lower acceptance than the careful sender's, on invitations old enough to be answered (the
    // blaster's within-run rate is on invitations of its first days only, before the ladder
    // stops it, so it is not comparable): strangers anywhere vs strangers of one's industry.
    CHECK(early_acceptance(trace, "cold_blast", 28) < early_acceptance(trace, "targeted_cold", 28));
    // Every traced blaster restricted within two weeks; in every replication at least one
    // restriction per sender on average, and more restricted days than the careful senders.
    const auto first = first_restrictions(trace, "cold_blast");
    CHECK(first.size() == static_cast<std::size_t>(kSenders));
    for (const auto& [sender, t] : first) {
      INFO("sender " << sender << " first restricted on day " << static_cast<double>(t) / kDaySeconds);
      CHECK(t < 14 * core::kDay);
    }
    for (double v : out.metric("cold_blast", "restrictions").per_replication) CHECK(v >= 1.0);
    CHECK(out.diff("cold_blast", "targeted_cold", "restricted_days").ci.lo > 0.05 * kHorizon);
  }

  SECTION("the counters agree with one another in every replication") {
    // A restricted day needs a restriction; a warning alone never makes one.
    for (const char* a : {"targeted_cold", "cold_blast"}) {
      const auto& days = out.metric(a, "restricted_days").per_replication;
      const auto& count = out.metric(a, "restrictions").per_replication;
      for (std::size_t r = 0; r < days.size(); ++r) {
        INFO(a << " replication " << r);
        CHECK((days[r] == 0.0 || count[r] > 0.0));
      }
    }
  }
}

TEST_CASE("the default scenario's careful arms are restricted on fewer than 5% of days", "[integration][restrictions]") {
  // scenarios/default.json as it stands (free plan, 10 senders per arm, 12 weeks), 5 replications.
  config::Overrides o;
  o.patches = {{{"replications", 5}}};
  const auto out = testing::run(config::load_scenario_file(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/default.json", o));
  for (const char* a : {"cold", "personalized", "hybrid_email"}) {
    INFO(a);
    const auto& days = out.metric(a, "restricted_days").stats;
    const auto& count = out.metric(a, "restrictions").stats;
    std::printf("  default %-13s restricted_days %.3g [%.3g, %.3g]  restrictions %.3g [%.3g, %.3g]  warnings %.3g\n", a,
                days.mean, days.ci.lo, days.ci.hi, count.mean, count.ci.lo, count.ci.hi,
                out.metric(a, "warnings").stats.mean);
    CHECK(days.ci.hi < 0.05 * kHorizon);
    CHECK(count.mean < 0.10);
  }
}
