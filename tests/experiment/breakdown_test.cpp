// The breakdowns of a policy scenario (results.json's `breakdown`): every ladder transition is
// attributed to the rule that caused it, and the per-cohort and per-rule figures agree with the
// senders' own data (first restrictions, the trace, the arm's totals).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "experiment_fixture.hpp"
#include "linksim/metrics/registry.hpp"
#include "linksim/platform/ladder.hpp"
#include "linksim/report/results.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

/// A small mixed population (the default archetype mix) on a small world, with the given rules.
json tiny_population(const json& rules, int replications = 3) {
  return {{"name", "breakdown test"},
          {"description", "attribution of restrictions to rules"},
          {"horizon_days", 28},
          {"replications", replications},
          {"seed", 11},
          {"world", {{"members", 3000}}},
          {"senders", json::object()},
          {"population", {{"senders", 60}}},
          {"platform", {{"rules", rules}}}};
}

json only(const std::string& rule, const json& params = json::object()) {
  json rules = testing::all_rules_off();
  rules[rule] = params;
  rules[rule]["enabled"] = true;
  return rules;
}

/// The acceptance floor alone, striking (not just lowering the cap) below a floor of 50%: it
/// restricts spammers and fake accounts, and in some replications a legitimate sender too.
json floor_strikes() { return only("acceptance_floor", {{"effect", "strike"}, {"floor", 0.5}}); }

double value(const metrics::GroupResult& g, std::string_view name) { return g.values.at(std::string(name)); }

double scalar(const metrics::RunResult& r, std::string_view name) { return r.scalars.at(std::string(name)); }

const std::vector<metrics::RunResult>& runs(const testing::Outcome& out) { return out.runs.arms.at(0).runs; }

}  // namespace

TEST_CASE("with one rule on, every restriction is that rule's and its precision is the abusive share of the restricted senders",
          "[breakdown][policy]") {
  const auto out = testing::run(testing::scenario(tiny_population(floor_strikes())));
  double restricted_somewhere = 0, legit_restricted_somewhere = 0;
  for (const metrics::RunResult& run : runs(out)) {
    const auto& b = run.breakdown;
    REQUIRE(b.rules.size() == 1);
    const metrics::GroupResult& rule = b.rules[0];
    CHECK(rule.name == "acceptance_floor");
    // Every restriction of every sender (the sender metric is a mean over all of them: a pure
    // population has no focal cohort) is the rule's.
    double senders = 0, restricted = 0, abusive_restricted = 0;
    for (const auto& c : b.cohorts) {
      const double n = value(c, "senders");
      const double r = std::round(value(c, "restricted_share") * n);  // from Sender::first_restricted
      senders += n;
      restricted += r;
      if (c.label == "abusive") abusive_restricted += r;
    }
    CHECK(senders == 60);
    CHECK(value(rule, "restrictions") == Approx(scalar(run, "restrictions") * senders));
    CHECK(value(rule, "senders_restricted") == restricted);
    CHECK(value(rule, "abusive_restricted") == abusive_restricted);
    if (restricted > 0) {
      CHECK(value(rule, "precision") == abusive_restricted / restricted);
      CHECK(scalar(run, "restriction_precision") == abusive_restricted / restricted);
    } else {
      CHECK(std::isnan(value(rule, "precision")));
      CHECK(scalar(run, "restriction_precision") == 0.0);
    }
    restricted_somewhere += restricted;
    legit_restricted_somewhere += restricted - abusive_restricted;
  }
  // The test tests something: the floor catches spammers in 4 weeks, and a legitimate sender.
  CHECK(restricted_somewhere > 0);
  CHECK(legit_restricted_somewhere > 0);
}

TEST_CASE("with the default rules, every restriction and warning is attributed to some rule", "[breakdown][policy]") {
  const auto out = testing::run(testing::scenario(tiny_population(json::object())));
  double total = 0;
  for (const metrics::RunResult& run : runs(out)) {
    double restrictions = 0, warnings = 0;
    for (const auto& rule : run.breakdown.rules) {
      restrictions += value(rule, "restrictions");
      warnings += value(rule, "warnings");
      CHECK(value(rule, "abusive_restricted") <= value(rule, "senders_restricted"));
    }
    CHECK(restrictions == Approx(scalar(run, "restrictions") * 60));
    CHECK(warnings == Approx(scalar(run, "warnings") * 60));
    total += restrictions;
  }
  CHECK(total > 0);
}

TEST_CASE("a cohort's restricted share is the hand count of its senders the trace shows restricted", "[breakdown][policy]") {
  testing::MemoryTrace trace;
  const auto s = testing::scenario(tiny_population(floor_strikes()));
  const auto out = testing::run(s, &trace);
  // Senders are numbered cohort by cohort, in the resolved scenario's key order.
  std::vector<std::pair<std::string, int>> cohorts;
  for (const auto& [name, cohort] : s.arms[0].config.at("senders").items())
    cohorts.emplace_back(name, cohort.at("count").get<int>());
  std::set<std::uint32_t> restricted;
  for (const auto& line : trace.arm(s.arms[0].name)) {
    if (line.replication != 0) continue;
    const auto* ladder = std::get_if<experiment::trace::Ladder>(&line.record.event);
    // Only acceptance_floor strikes: every transition is a ladder step, a restriction past the warning.
    if (ladder == nullptr) continue;
    REQUIRE(std::find(platform::kStepNames.begin(), platform::kStepNames.end(), ladder->to) != platform::kStepNames.end());
    if (ladder->to != "warning") restricted.insert(line.record.sender);
  }
  const auto& b = runs(out).at(0).breakdown;
  REQUIRE(b.cohorts.size() == cohorts.size());
  std::uint32_t first = 0;
  double all = 0;
  for (std::size_t c = 0; c < cohorts.size(); ++c) {
    const auto n = static_cast<std::uint32_t>(cohorts[c].second);
    const auto count = std::count_if(restricted.begin(), restricted.end(), [&](std::uint32_t x) { return x >= first && x < first + n; });
    INFO(cohorts[c].first);
    CHECK(b.cohorts[c].name == cohorts[c].first);
    CHECK(value(b.cohorts[c], "senders") == n);
    CHECK(value(b.cohorts[c], "restricted_share") == Approx(static_cast<double>(count) / n).margin(1e-12));
    all += static_cast<double>(count);
    first += n;
  }
  CHECK(all > 0);
  CHECK(value(b.rules.at(0), "senders_restricted") == all);
}

TEST_CASE("the cohorts' invitations add up to the arm's totals, and a lone cap's refusals to every refusal",
          "[breakdown][policy]") {
  const auto out = testing::run(testing::scenario(tiny_population(only("invite_cap_rolling"))));
  for (const metrics::RunResult& run : runs(out)) {
    const auto& b = run.breakdown;
    double abusive_sent = 0, legit_blocked = 0, sent = 0, blocked = 0, connections = 0;
    for (const auto& c : b.cohorts) {
      const double n = value(c, "senders");
      sent += value(c, "invites_sent");
      blocked += value(c, "invites_blocked");
      connections += value(c, "connections_gained_per_sender") * n;
      CHECK(value(c, "invites_sent_per_sender") * n == Approx(value(c, "invites_sent")));
      CHECK(value(c, "invites_blocked_per_sender") * n == Approx(value(c, "invites_blocked")));
      if (c.label == "abusive") abusive_sent += value(c, "invites_sent");
      else legit_blocked += value(c, "invites_blocked");
      // A cap never restricts: nobody's first restriction, so the censored median is the horizon.
      CHECK(value(c, "restricted_share") == 0.0);
      CHECK(value(c, "median_days_to_first_restriction") == 28.0);
    }
    CHECK(abusive_sent == scalar(run, "spam_invites_delivered"));
    CHECK(legit_blocked == scalar(run, "legit_invites_blocked"));
    CHECK(sent == Approx(scalar(run, "invites_sent") * 60));
    CHECK(connections == Approx(scalar(run, "connections_gained") * 60));
    // The cap is the only rule and nothing restricts: it refused every refused attempt.
    REQUIRE(b.rules.size() == 1);
    const auto& cap = b.rules[0];
    CHECK(value(cap, "restrictions") == 0);
    CHECK(std::isnan(value(cap, "precision")));
    CHECK(value(cap, "invites_denied_legit") + value(cap, "invites_denied_abusive") ==
          Approx(scalar(run, "invite_attempts_denied") * 60));
    CHECK(value(cap, "invites_denied_abusive") > 0);  // spammers send 100 a day against 100 a week
  }
}

TEST_CASE("results.json has a breakdown for a population and none without abusive senders", "[breakdown][report]") {
  const auto s = testing::scenario(tiny_population(floor_strikes()));
  const auto out = testing::run(s);
  const json j = report::results_json(s, out.summary, true);
  const json& b = j.at("arms").at(0).at("breakdown");
  CHECK(b.at("cohorts").at("spammer").at("label") == "abusive");
  CHECK(b.at("cohorts").at("casual_user").at("label") == "legit");
  const json& share = b.at("cohorts").at("spammer").at("restricted_share");
  CHECK(share.at("per_replication").size() == 3);
  CHECK(share.at("ci_method") == "logit_t");
  CHECK(share.at("ci95").size() == 2);
  // Every registered breakdown metric of its group, and nothing else.
  for (const auto& def : metrics::kBreakdownMetrics) {
    const json& group = def.group == metrics::Group::kCohort ? b.at("cohorts").at("spammer") : b.at("rules").at("acceptance_floor");
    INFO(def.name);
    CHECK(group.contains(std::string(def.name)));
  }
  CHECK(b.at("cohorts").at("spammer").at("focal") == true);  // a pure population: every sender counts
  CHECK(b.at("cohorts").at("spammer").size() == 2 + 8);  // label, focal and the cohort metrics
  CHECK(b.at("rules").size() == 1);

  // No abusive cohort: no breakdown, and nothing else changes shape.
  json legit = tiny_population(floor_strikes());
  legit["population"]["mix"] = {{"casual_user", 0.8}, {"recruiter", 0.2}};
  const auto s2 = testing::scenario(legit);
  const json j2 = report::results_json(s2, testing::run(s2).summary, true);
  CHECK_FALSE(j2.at("arms").at(0).contains("breakdown"));
  CHECK_FALSE(j2.at("arms").at(0).at("metrics").contains("restriction_precision"));
}
