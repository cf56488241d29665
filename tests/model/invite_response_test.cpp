// Invitation outcomes: probabilities, monotone effects, draws against probabilities, delays.
#include <catch2/catch.hpp>

#include <cmath>

#include "linksim/model/active_delay.hpp"
#include "linksim/model/invite_response.hpp"

using namespace linksim;
using namespace linksim::model;

namespace {
const InviteParams& params() { return default_response_params().invite; }

InviteFeatures base() {
  InviteFeatures f;
  f.activity = 0.3f;
  return f;
}

/// Frequencies of `n` draws for one feature vector.
InviteProbabilities frequencies(const InviteParams& p, const InviteFeatures& f, int n, std::uint64_t seed) {
  core::Rng rng = core::make_rng(seed, 0, core::Purpose::kTest);
  InviteProbabilities c;
  for (int i = 0; i < n; ++i) {
    switch (draw_invite_outcome(p, f, rng).outcome) {
      case InviteResponse::kAccept: c.accept += 1; break;
      case InviteResponse::kDecline: c.decline += 1; break;
      case InviteResponse::kReport: c.report += 1; break;
      case InviteResponse::kIgnore: c.ignore += 1; break;
    }
  }
  return {c.accept / n, c.decline / n, c.report / n, c.ignore / n};
}
}  // namespace

TEST_CASE("outcome probabilities are a distribution", "[model][invite]") {
  const auto mutual = GENERATE(0u, 1u, 10u, 500u);
  const auto note = GENERATE(NoteKind::kNone, NoteKind::kTemplate, NoteKind::kPersonalized);
  const auto level = GENERATE(0, 2, 4);
  const auto activity = GENERATE(0.0f, 0.01f, 0.5f, 1.0f);
  InviteFeatures f = base();
  f.mutual_connections = mutual;
  f.note = note;
  f.note_length = 250;
  f.target_seniority = static_cast<std::uint8_t>(level);
  f.activity = activity;
  for (const auto& q : {invite_decision_probabilities(params(), f), invite_outcome_probabilities(params(), f)}) {
    CHECK(q.accept >= 0.0);
    CHECK(q.decline >= 0.0);
    CHECK(q.report >= 0.0);
    CHECK(q.ignore >= 0.0);
    CHECK(q.accept + q.decline + q.report + q.ignore == Approx(1.0).epsilon(1e-12));
  }
}

TEST_CASE("each feature moves acceptance the documented way", "[model][invite]") {
  const InviteParams& p = params();
  const InviteFeatures f = base();
  auto accept = [&](const InviteFeatures& g) { return invite_outcome_probabilities(p, g).accept; };
  auto report = [&](const InviteFeatures& g) { return invite_outcome_probabilities(p, g).report; };
  InviteFeatures g = f;

  g.mutual_connections = 10;
  CHECK(accept(g) > accept(f));
  CHECK(report(g) < report(f));
  g = f;
  g.note = NoteKind::kPersonalized;
  g.note_length = 150;
  CHECK(accept(g) > accept(f));
  CHECK(report(g) < report(f));
  InviteFeatures longer = g;
  longer.note_length = 300;  // beyond long_note_from_chars (200)
  CHECK(accept(longer) < accept(g));
  InviteFeatures no_note_long = f;
  no_note_long.note_length = 300;  // length means nothing without a note
  CHECK(accept(no_note_long) == accept(f));
  g = f;
  g.warmup_touches = 3;
  g.warmup_days = 7;
  CHECK(accept(g) > accept(f));
  g = f;
  g.same_industry = g.same_region = true;
  CHECK(accept(g) > accept(f));
  CHECK(report(g) < report(f));
  g = f;
  g.target_seniority = 4;
  CHECK(accept(g) < accept(f));
  g = f;
  g.sender_profile_strength = 0.9f;
  CHECK(accept(g) > accept(f));
  CHECK(report(g) < report(f));
  g = f;
  g.report_propensity = 2.0f;
  CHECK(report(g) > report(f));
  g = f;
  g.activity = 0.9f;
  CHECK(accept(g) > accept(f));  // sees it before it expires more often
}

TEST_CASE("a higher accept propensity never lowers acceptance", "[model][invite]") {
  // The metamorphic relation the simulation tests rely on, over a grid of members.
  const InviteParams& p = params();
  for (int level = 0; level < 5; ++level)
    for (unsigned mutual : {0u, 3u, 40u})
      for (float activity : {0.01f, 0.2f, 0.9f})
        for (float z = -3.0f; z < 3.0f; z += 0.5f) {
          InviteFeatures a = base();
          a.target_seniority = static_cast<std::uint8_t>(level);
          a.mutual_connections = mutual;
          a.activity = activity;
          a.accept_propensity = z;
          InviteFeatures b = a;
          b.accept_propensity = z + 0.5f;
          CHECK(invite_outcome_probabilities(p, b).accept >= invite_outcome_probabilities(p, a).accept);
        }
}

TEST_CASE("draws follow the outcome probabilities", "[model][invite]") {
  // 200,000 draws, seed 5: each frequency within 5 standard errors of its probability.
  InviteFeatures f = base();
  f.note = GENERATE(NoteKind::kNone, NoteKind::kPersonalized);
  f.activity = GENERATE(0.02f, 0.4f);
  const int n = 200000;
  const InviteProbabilities q = invite_outcome_probabilities(params(), f);
  const InviteProbabilities got = frequencies(params(), f, n, 5);
  for (auto [p, h] : {std::pair{q.accept, got.accept}, {q.decline, got.decline}, {q.report, got.report}, {q.ignore, got.ignore}})
    CHECK(std::abs(h - p) < 5.0 * std::sqrt(p * (1 - p) / n) + 1e-9);
}

TEST_CASE("members act only on active days: geometric delays", "[model][invite]") {
  InviteParams p = params();
  p.accept.intercept = 20.0;  // everybody accepts, so every draw has a delay
  InviteFeatures f = base();
  f.activity = 0.25f;
  const double q = daily_action_probability(f.activity, p.attention);
  core::Rng rng = core::make_rng(3, 0, core::Purpose::kTest);
  const int n = 100000;
  double same_day = 0, days = 0, accepted = 0;
  int bad_delays = 0;
  for (int i = 0; i < n; ++i) {
    const InviteOutcome o = draw_invite_outcome(p, f, rng);
    if (o.outcome != InviteResponse::kAccept) {
      bad_delays += o.delay_seconds != p.expiry_days * core::kDay;  // expired unseen
      continue;
    }
    bad_delays += o.delay_seconds < 0 || o.delay_seconds >= p.expiry_days * core::kDay;
    accepted += 1;
    same_day += o.delay_seconds < core::kDay;
    days += static_cast<double>(o.delay_seconds) / core::kDay;
  }
  CHECK(bad_delays == 0);
  // Whole days before acting ~ Geometric(q) (mean (1−q)/q, sd sqrt(1−q)/q), plus U(0, 1) of a day.
  // Expiry (180 days) truncates a negligible tail at q = 0.15. Tolerance 5 standard errors.
  CHECK(accepted / n == Approx(probability_within_days(q, p.expiry_days)).margin(1e-3));
  CHECK(std::abs(same_day / accepted - q) < 5 * std::sqrt(q * (1 - q) / accepted));
  const double mean = (1 - q) / q + 0.5;
  CHECK(std::abs(days / accepted - mean) < 5 * (std::sqrt(1 - q) / q) / std::sqrt(accepted));

  SECTION("a member who is never active never answers") {
    f.activity = 0.0f;
    for (int i = 0; i < 100; ++i) {
      const InviteOutcome o = draw_invite_outcome(p, f, rng);
      CHECK(o.outcome == InviteResponse::kIgnore);
      CHECK(o.delay_seconds == p.expiry_days * core::kDay);
    }
  }
  SECTION("a member active every day and always attentive answers within a day") {
    p.attention = 1.0;
    f.activity = 1.0f;
    for (int i = 0; i < 100; ++i) CHECK(draw_invite_outcome(p, f, rng).delay_seconds < core::kDay);
  }
}

TEST_CASE("a draw always consumes three uniforms", "[model][invite]") {
  // Common random numbers: arms that differ only in features keep their streams aligned.
  core::Rng a = core::make_rng(1, 0, core::Purpose::kTest), b = a;
  InviteFeatures f = base();
  int misaligned = 0;
  for (int i = 0; i < 1000; ++i) {
    f.mutual_connections = static_cast<std::uint32_t>(i % 7);
    f.activity = static_cast<float>(i % 3) * 0.4f;
    draw_invite_outcome(params(), f, a);
    for (int k = 0; k < 6; ++k) b();
    misaligned += a != b;
  }
  CHECK(misaligned == 0);
}

TEST_CASE("extreme coefficients stay finite", "[model][invite]") {
  InviteParams p = params();
  p.accept.intercept = 20;
  p.decline.intercept = -20;
  p.report.intercept = 20;
  InviteFeatures f = base();
  f.mutual_connections = 4000000000u;
  const InviteProbabilities q = invite_decision_probabilities(p, f);
  CHECK(std::isfinite(q.accept));
  CHECK(q.accept + q.decline + q.report + q.ignore == Approx(1.0));
}

TEST_CASE("active-day helpers", "[model][invite]") {
  CHECK(daily_action_probability(0.5, 0.5) == 0.25);
  CHECK(daily_action_probability(2.0, 1.0) == 1.0);
  CHECK(probability_within_days(0.0, 10) == 0.0);
  CHECK(probability_within_days(1.0, 1) == 1.0);
  CHECK(probability_within_days(0.5, 2) == Approx(0.75));
  CHECK(active_delay(0.0, 0.5, 0.5) == core::kNever);
  CHECK(active_delay(1.0, 0.99, 0.5) == core::kDay / 2);
  CHECK(active_delay(0.5, 0.0, 0.0) == 0);
}

TEST_CASE("warm-up days raise acceptance only with touches", "[model][invite]") {
  InviteFeatures f = base();
  InviteFeatures days_only = f;
  days_only.warmup_days = 7;  // waited a week, liked and commented on nothing
  CHECK(invite_decision_probabilities(params(), days_only).accept == invite_decision_probabilities(params(), f).accept);
  CHECK(invite_outcome_probabilities(params(), days_only).report == invite_outcome_probabilities(params(), f).report);
  InviteFeatures touched = f;
  touched.warmup_touches = 3;
  InviteFeatures touched_over_days = touched;
  touched_over_days.warmup_days = 7;
  // The same touches spread over a week: the days term adds accept.warmup_days · ln 8 to the log-odds of accepting.
  const auto a = invite_decision_probabilities(params(), touched), b = invite_decision_probabilities(params(), touched_over_days);
  CHECK(std::log(b.accept / b.ignore) - std::log(a.accept / a.ignore) == Approx(params().accept.warmup_days * std::log(8.0)));
}

TEST_CASE("a TeamLink warm path adds accept.teamlink to the log-odds of accepting", "[model][invite]") {
  InviteFeatures f = base();
  InviteFeatures warm = f;
  warm.teamlink = true;
  const auto a = invite_decision_probabilities(params(), f), b = invite_decision_probabilities(params(), warm);
  CHECK(params().accept.teamlink > 0);
  CHECK(std::log(b.accept / b.ignore) - std::log(a.accept / a.ignore) == Approx(params().accept.teamlink));
  CHECK(b.decline / b.ignore == Approx(a.decline / a.ignore));  // only acceptance moves
  CHECK(b.report / b.ignore == Approx(a.report / a.ignore));
}
