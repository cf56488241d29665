// Replies to a message sequence and InMail responses.
#include <catch2/catch.hpp>

#include <cmath>

#include "linksim/model/active_delay.hpp"
#include "linksim/model/inmail.hpp"
#include "linksim/model/reply.hpp"

using namespace linksim;
using namespace linksim::model;

TEST_CASE("each follow-up earns fewer replies by the decay factor", "[model][reply]") {
  const ReplyParams& p = default_response_params().reply;
  ReplyFeatures f;
  f.activity = 0.4f;
  for (unsigned k = 1; k < 5; ++k)
    CHECK(reply_decision_probability(p, f, k) == Approx(p.decay * reply_decision_probability(p, f, k - 1)));
  // The sequence probability is 1 − Π(1 − p_k).
  double none = 1.0;
  for (unsigned k = 0; k < 3; ++k) none *= 1.0 - reply_probability(p, f, k);
  CHECK(sequence_reply_probability(p, f, 3) == Approx(1.0 - none));
  CHECK(sequence_reply_probability(p, f, 4) > sequence_reply_probability(p, f, 3));
  CHECK(sequence_reply_probability(p, f, 0) == 0.0);
}

TEST_CASE("reply effects: personalization, seniority, latent trait, activity", "[model][reply]") {
  const ReplyParams& p = default_response_params().reply;
  ReplyFeatures f;
  auto r = [&](const ReplyFeatures& g) { return reply_probability(p, g, 0); };
  ReplyFeatures g = f;
  g.personalized = true;
  CHECK(r(g) > r(f));
  g = f;
  g.target_seniority = 4;
  CHECK(r(g) < r(f));
  g = f;
  g.accept_propensity = 1.0f;
  CHECK(r(g) > r(f));
  g = f;
  g.activity = 0.0f;
  CHECK(r(g) == 0.0);
}

TEST_CASE("reply draws follow the reply probability and the window", "[model][reply]") {
  // 200,000 draws for touch 1, seed 21: frequency within 5 standard errors.
  const ReplyParams& p = default_response_params().reply;
  ReplyFeatures f;
  f.activity = 0.1f;
  f.personalized = true;
  core::Rng rng = core::make_rng(21, 0, core::Purpose::kTest);
  const int n = 200000;
  double replies = 0;
  int bad_delays = 0;
  for (int i = 0; i < n; ++i) {
    const ReplyDraw d = draw_reply(p, f, 1, rng);
    if (!d.replied) {
      bad_delays += d.delay_seconds != 0;
      continue;
    }
    replies += 1;
    bad_delays += d.delay_seconds < 0 || d.delay_seconds >= p.window_days * core::kDay;
  }
  CHECK(bad_delays == 0);
  const double q = reply_probability(p, f, 1);
  CHECK(std::abs(replies / n - q) < 5 * std::sqrt(q * (1 - q) / n));
}

TEST_CASE("InMail: personalized beats generic, seniors answer less", "[model][inmail]") {
  const InMailParams& p = default_response_params().inmail;
  InMailFeatures f;
  f.activity = 0.3f;
  InMailFeatures g = f;
  g.personalized = true;
  CHECK(inmail_response_probability(p, g) > 2 * inmail_response_probability(p, f));
  g = f;
  g.target_seniority = 4;
  CHECK(inmail_response_probability(p, g) < inmail_response_probability(p, f));
  CHECK(inmail_response_probability(p, f) ==
        Approx(inmail_decision_probability(p, f) *
               probability_within_days(daily_action_probability(f.activity, p.attention), p.window_days)));
}

TEST_CASE("InMail draws: response rate, interest share and delays", "[model][inmail]") {
  // 200,000 personalized InMails, seed 23; tolerances 5 standard errors.
  const InMailParams& p = default_response_params().inmail;
  InMailFeatures f;
  f.personalized = true;
  f.activity = 0.2f;
  core::Rng rng = core::make_rng(23, 0, core::Purpose::kTest);
  const int n = 200000;
  double responses = 0, interested = 0;
  int misaligned = 0, inconsistent = 0;
  core::Rng a = rng;
  for (int i = 0; i < n; ++i) {
    const InMailDraw d = draw_inmail_response(p, f, rng);
    for (int k = 0; k < 8; ++k) a();  // four uniforms per draw, whatever the outcome
    misaligned += a != rng;
    if (!d.responded) {
      inconsistent += d.interested;
      continue;
    }
    responses += 1;
    interested += d.interested;
    inconsistent += d.delay_seconds < 0 || d.delay_seconds >= p.window_days * core::kDay;
  }
  CHECK(misaligned == 0);
  CHECK(inconsistent == 0);
  const double q = inmail_response_probability(p, f);
  CHECK(std::abs(responses / n - q) < 5 * std::sqrt(q * (1 - q) / n));
  CHECK(std::abs(interested / responses - p.positive_share) < 5 * std::sqrt(0.25 / responses));
}
