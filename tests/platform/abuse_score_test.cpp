// The learning abuse score: naive-Bayes log-odds per sender from outcomes and mutual connections,
// a strike at the threshold (after min_evidence outcomes), then the score starts over.
#include <catch2/catch.hpp>

#include <cmath>

#include "fixture.hpp"
#include "linksim/platform/rules/abuse_score.hpp"

using namespace linksim::test;
using linksim::core::Time;

namespace {

double logit(double p) { return std::log(p / (1.0 - p)); }

// The parameters these cases were worked out with (the defaults but a stronger stranger signal,
// 0.9 against 0.4: each case is about the arithmetic, not the default), and their log likelihood
// ratios written out from the formulas.
AbuseScore::Params worked() {
  AbuseScore::Params p;
  p.p_zero_mutual_abusive = 0.9;
  p.p_zero_mutual_legit = 0.4;
  return p;
}
const double kStart = logit(0.05);
const double kAccepted = std::log(0.10 / 0.35);
const double kRefused = std::log(0.90 / 0.65);
const double kReported = std::log(0.03 / 0.003);
const double kStranger = std::log(0.9 / 0.4);
const double kMutual = std::log(0.1 / 0.6);

double sigmoid(double l) { return 1.0 / (1.0 + std::exp(-l)); }

// The rule alone, on `senders` free senders, with the preset's ladder.
struct Harness {
  explicit Harness(AbuseScore::Params p = worked(), std::size_t senders = 1)
      : params(platform_params_from_json(json::object(), "/platform")),
        book(params.plans, std::vector<PlanId>(senders, PlanId::kFree)),
        ladder(params.ladder, senders),
        rule(p, book) {}
  void invite(SenderId s, std::uint16_t mutual, Time t) {
    Action a = linksim::test::invite(7);
    a.mutual = mutual;
    Context ctx{book, ladder};
    rule.commit(a, s, t, ctx);
  }
  void respond(SenderId s, OutcomeKind k, Time t) {
    Context ctx{book, ladder};
    rule.observe(outcome(k, 7, 0), s, t, ctx);
  }
  std::size_t strikes() const { return ladder.transitions().size(); }
  PlatformParams params;
  SenderBook book;
  Ladder ladder;
  AbuseScore rule;
};

AbuseScore::Params eager() {
  AbuseScore::Params p = worked();
  p.min_evidence = 0;
  return p;
}

// i-th of a run spread evenly so that `n` of every `d` are hits (Bresenham).
bool hit(int i, int n, int d) { return (i + 1) * n / d > i * n / d; }

}  // namespace

TEST_CASE("the abuse score is the closed-form naive-Bayes posterior of the evidence", "[platform]") {
  Harness h;
  CHECK(h.rule.posterior(0) == Approx(0.05).margin(1e-15));
  h.invite(0, 0, 0);
  h.invite(0, 0, 1);
  h.invite(0, 4, 2);
  h.invite(0, 65535, 3);
  h.invite(0, 0, 4);
  h.respond(0, OutcomeKind::kAccepted, kHour);
  h.respond(0, OutcomeKind::kIgnored, kHour + 1);
  h.respond(0, OutcomeKind::kIgnored, kHour + 2);
  h.respond(0, OutcomeKind::kDeclined, kHour + 3);
  h.respond(0, OutcomeKind::kReported, kHour + 4);
  h.respond(0, OutcomeKind::kAccepted, kHour + 5);
  h.respond(0, OutcomeKind::kWithdrawn, kHour + 6);  // the sender's own act: no evidence
  const double l = kStart + 3 * kStranger + 2 * kMutual + 2 * kAccepted + 3 * kRefused + kReported;
  CHECK(h.rule.log_odds(0) == Approx(l).margin(1e-12));
  CHECK(h.rule.posterior(0) == Approx(sigmoid(l)).margin(1e-12));
  CHECK(h.rule.posterior(0) == Approx(0.0348295).margin(1e-7));  // sigmoid(-3.3218…), written out
  CHECK(h.rule.evidence(0) == 6);
  CHECK(h.strikes() == 0);  // 6 outcomes < min_evidence 20

  SECTION("the rule observes exactly the four response outcomes") {
    CHECK(h.rule.outcomes() == (outcome_bit(OutcomeKind::kAccepted) | outcome_bit(OutcomeKind::kIgnored) |
                                outcome_bit(OutcomeKind::kDeclined) | outcome_bit(OutcomeKind::kReported)));
    CHECK(h.rule.counts() == action_bit(ActionKind::kInvite));
    CHECK(h.rule.checks() == 0);
  }
}

TEST_CASE("other parameters change the weights as the formulas say", "[platform]") {
  AbuseScore::Params p;
  p.prior = 0.2;
  p.p_accept_abusive = 0.3;
  p.p_accept_legit = 0.3;  // equal: acceptances and refusals carry no evidence
  p.p_report_abusive = 0.05;
  p.p_report_legit = 0.01;
  p.p_zero_mutual_abusive = 0.6;
  p.p_zero_mutual_legit = 0.5;
  Harness h(p);
  for (int i = 0; i < 10; ++i) h.respond(0, i % 2 ? OutcomeKind::kAccepted : OutcomeKind::kDeclined, i);
  CHECK(h.rule.log_odds(0) == Approx(logit(0.2)).margin(1e-12));
  h.respond(0, OutcomeKind::kReported, 20);
  h.invite(0, 0, 21);
  h.invite(0, 1, 22);
  CHECK(h.rule.log_odds(0) == Approx(logit(0.2) + std::log(5.0) + std::log(1.2) + std::log(0.8)).margin(1e-12));
}

TEST_CASE("the strike comes at the outcome where the posterior reaches the threshold, not before", "[platform]") {
  Harness h(eager());
  // Refusals only: L = logit(0.05) + n log(0.9 / 0.65) reaches logit(0.95) between n = 18 and 19.
  for (int i = 0; i < 18; ++i) h.respond(0, OutcomeKind::kIgnored, i * kMinute);
  CHECK(h.rule.posterior(0) == Approx(sigmoid(kStart + 18 * kRefused)).margin(1e-12));
  CHECK(h.rule.posterior(0) < 0.95);
  CHECK(h.rule.posterior(0) > 0.948);  // 0.9486: just below
  CHECK(h.strikes() == 0);
  h.respond(0, OutcomeKind::kDeclined, 18 * kMinute);
  REQUIRE(h.strikes() == 1);
  const Transition& t = h.ladder.transitions()[0];
  CHECK(t.reason ==
        "abuse score 0.962 ≥ 0.95 after 19 outcomes: 0 accepted, 19 ignored or declined, 0 reported (0 invitations, 0 "
        "to members with no mutual connection)");
  CHECK(t.to == "warning");  // a general strike: the first is a warning
  CHECK(t.time == 18 * kMinute);

  SECTION("then the score starts over at the prior and must be earned again") {
    CHECK(h.rule.posterior(0) == Approx(0.05).margin(1e-15));
    CHECK(h.rule.evidence(0) == 0);
    for (int i = 0; i < 18; ++i) h.respond(0, OutcomeKind::kIgnored, kHour + i * kMinute);
    CHECK(h.strikes() == 1);
    h.respond(0, OutcomeKind::kIgnored, 2 * kHour);
    CHECK(h.strikes() == 2);
    CHECK(h.ladder.transitions()[1].to == "restricted_hours");
  }
  SECTION("a report is strong evidence: 12 refusals and one report cross it") {
    Harness r(eager());
    for (int i = 0; i < 12; ++i) r.respond(0, OutcomeKind::kDeclined, i);
    CHECK(r.rule.posterior(0) == Approx(sigmoid(kStart + 12 * kRefused)).margin(1e-12));  // 0.72
    CHECK(r.strikes() == 0);
    r.respond(0, OutcomeKind::kReported, 12);
    REQUIRE(r.strikes() == 1);
    CHECK(r.ladder.transitions()[0].reason ==
          "abuse score 0.963 ≥ 0.95 after 13 outcomes: 0 accepted, 12 ignored or declined, 1 reported (0 invitations, 0 "
          "to members with no mutual connection)");
  }
}

TEST_CASE("min_evidence holds the strike back until that many outcomes", "[platform]") {
  SECTION("default 20: the 19th refusal is above the threshold but too early") {
    Harness h;
    for (int i = 0; i < 19; ++i) h.respond(0, OutcomeKind::kIgnored, i);
    CHECK(h.rule.posterior(0) >= 0.95);
    CHECK(h.strikes() == 0);
    h.respond(0, OutcomeKind::kIgnored, 19);
    REQUIRE(h.strikes() == 1);
    CHECK_THAT(h.ladder.transitions()[0].reason, Catch::StartsWith("abuse score 0.972 ≥ 0.95 after 20 outcomes"));
  }
  SECTION("40") {
    AbuseScore::Params p = worked();
    p.min_evidence = 40;
    Harness h(p);
    for (int i = 0; i < 39; ++i) h.respond(0, OutcomeKind::kIgnored, i);
    CHECK(h.strikes() == 0);
    h.respond(0, OutcomeKind::kIgnored, 39);
    CHECK(h.strikes() == 1);
  }
  SECTION("invitations are evidence but not outcomes: 100 to strangers alone never strike") {
    Harness h;
    for (int i = 0; i < 100; ++i) h.invite(0, 0, i);
    CHECK(h.rule.posterior(0) > 0.999);
    CHECK(h.rule.evidence(0) == 0);
    CHECK(h.strikes() == 0);
  }
}

TEST_CASE("a 35%-acceptance sender never strikes over 1,000 outcomes, a 5%-acceptance one strikes every 20", "[platform]") {
  Harness h(worked(), 2);
  double highest = 0.0;
  for (int i = 0; i < 1000; ++i) {
    const Time t = i * kHour;
    // Sender 0 looks legitimate: 7 of 20 accepted, 2 of 5 invitations to strangers.
    h.invite(0, hit(i, 2, 5) ? 0 : 2, t);
    h.respond(0, hit(i, 7, 20) ? OutcomeKind::kAccepted : OutcomeKind::kIgnored, t + 1);
    highest = std::max(highest, h.rule.posterior(0));
    // Sender 1 looks abusive: 1 of 20 accepted, 9 of 10 to strangers.
    h.invite(1, hit(i, 9, 10) ? 0 : 3, t + 2);
    h.respond(1, hit(i, 1, 20) ? OutcomeKind::kAccepted : OutcomeKind::kDeclined, t + 3);
  }
  std::vector<Time> struck;
  for (const auto& tr : h.ladder.transitions()) {
    CHECK(tr.sender == 1);
    struck.push_back(tr.time);
  }
  CHECK(highest < 0.05);  // never above the prior it started from
  CHECK(h.rule.log_odds(0) == Approx(kStart + 400 * kStranger + 600 * kMutual + 350 * kAccepted + 650 * kRefused)
                                  .epsilon(1e-12));  // -980.57
  // The abusive sender's evidence crosses 0.95 well before 20 outcomes; min_evidence makes it 20:
  // a strike at every 20th outcome, 50 in all.
  REQUIRE(struck.size() == 50);
  for (std::size_t k = 0; k < struck.size(); ++k) CHECK(struck[k] == static_cast<Time>(20 * k + 19) * kHour + 3);
  CHECK(h.ladder.transitions()[0].reason ==
        "abuse score 0.999 ≥ 0.95 after 20 outcomes: 1 accepted, 19 ignored or declined, 0 reported (20 invitations, 18 "
        "to members with no mutual connection)");
}

TEST_CASE("through the Policy: invitations to strangers carry the score, the strike comes with the invitation", "[platform]") {
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(params_with({"abuse_score"}, {{"rules", {{"abuse_score", {{"min_evidence", 0}, {"p_zero_mutual_abusive", 0.9},
                                                                         {"p_zero_mutual_legit", 0.4}}}}}}),
                plans);
  Action known = invite(1);
  known.mutual = 5;
  for (int i = 0; i < 50; ++i) CHECK(policy.check(known, 0, i * kMinute).verdict == Verdict::kAllow);
  CHECK(policy.transitions().empty());
  // L = logit(0.05) + 50 log(1/6) = -92.53; each invitation to a stranger adds log(2.25) = 0.81, and
  // logit(0.95) = 2.94 takes 118 of them (P 0.9592; 0.9126 after 117).
  Action stranger = invite(2);
  for (int i = 0; i < 117; ++i) CHECK(policy.check(stranger, 0, kHour + i * kMinute).verdict == Verdict::kAllow);
  CHECK(policy.transitions().empty());
  const Decision d = policy.check(stranger, 0, 3 * kHour);
  CHECK(d.verdict == Verdict::kAllowWithStrike);
  REQUIRE(policy.transitions().size() == 1);
  CHECK(policy.transitions()[0].reason ==
        "abuse score 0.959 ≥ 0.95 after 0 outcomes: 0 accepted, 0 ignored or declined, 0 reported (168 invitations, 118 "
        "to members with no mutual connection)");
}

TEST_CASE("abuse score rejects bad parameters", "[platform]") {
  const auto book = book_of();
  const auto bad = [&](auto change, const char* name) {
    AbuseScore::Params p;
    change(p);
    REQUIRE_THROWS_WITH(AbuseScore(p, book), Catch::Contains(name));
  };
  bad([](auto& p) { p.prior = 0.0; }, "prior");
  bad([](auto& p) { p.prior = 1.0; }, "prior");
  bad([](auto& p) { p.p_accept_abusive = 0.0; }, "p_accept_abusive");
  bad([](auto& p) { p.p_accept_legit = 1.0; }, "p_accept_legit");
  bad([](auto& p) { p.p_report_abusive = -0.1; }, "p_report_abusive");
  bad([](auto& p) { p.p_report_legit = 1.5; }, "p_report_legit");
  bad([](auto& p) { p.p_zero_mutual_abusive = 1.0; }, "p_zero_mutual_abusive");
  bad([](auto& p) { p.p_zero_mutual_legit = 0.0; }, "p_zero_mutual_legit");
  bad([](auto& p) { p.threshold = 1.0; }, "threshold");
  bad([](auto& p) { p.threshold = 0.05; }, "threshold");  // at the prior
  bad([](auto& p) { p.min_evidence = 1000001; }, "min_evidence");
}

TEST_CASE("abuse score errors name the JSON path, what was expected and what was found", "[platform]") {
  const auto find = [](const std::vector<linksim::config::Issue>& issues, const std::string& path) {
    for (const auto& i : issues)
      if (i.path == path) return i;
    FAIL("no issue at " << path);
    return linksim::config::Issue{};
  };
  SECTION("ranges") {
    const auto issues = issues_of({{"rules", {{"abuse_score", {{"threshold", 0.03}, {"p_accept_legit", 1}, {"prior", 0.1}}}}}});
    REQUIRE(issues.size() == 2);
    const auto threshold = find(issues, "/platform/rules/abuse_score/threshold");
    CHECK(threshold.expected == "a probability in (prior, 1) = (0.1, 1)");
    CHECK(threshold.found == "0.03");
    const auto accept = find(issues, "/platform/rules/abuse_score/p_accept_legit");
    CHECK(accept.expected == "a probability in (0, 1)");
    CHECK(accept.found == "1");
  }
  SECTION("types and unknown keys") {
    const auto issues = issues_of({{"rules", {{"abuse_score", {{"min_evidence", -1}, {"p_accept", 0.2}}}}}});
    REQUIRE(issues.size() == 2);
    CHECK(find(issues, "/platform/rules/abuse_score/min_evidence").expected == "an integer >= 0");
    CHECK(find(issues, "/platform/rules/abuse_score/min_evidence").found == "-1");
    CHECK_THAT(find(issues, "/platform/rules/abuse_score/p_accept").expected, Catch::Contains("p_accept_legit"));
  }
}

TEST_CASE("both presets leave the abuse score off", "[platform]") {
  for (const auto& name : platform_preset_names()) {
    INFO(name);
    const PlatformParams p = platform_params_from_json({{"preset", name}}, "/platform");
    for (const auto& r : p.rules) CHECK(r.name != "abuse_score");
    CHECK(platform_preset(name).at("platform").at("rules").at("abuse_score").at("enabled") == false);
  }
}
