// The funnel from reply to pipeline, and the sender's costs per action.
#include <catch2/catch.hpp>

#include <cmath>

#include "linksim/model/effort.hpp"
#include "linksim/model/funnel.hpp"

using namespace linksim;
using namespace linksim::model;

TEST_CASE("funnel stages and pipeline value", "[model][funnel]") {
  // 200,000 replies, seed 41; rates within 5 standard errors, the mean pipeline within 5%
  // (lognormal sigma 1: the sample mean's relative SE at this n is ~0.6%).
  const FunnelParams& p = default_response_params().funnel;
  core::Rng rng = core::make_rng(41, 0, core::Purpose::kTest), mirror = rng;
  const int n = 200000;
  double leads = 0, meetings = 0, opportunities = 0, pipeline = 0;
  int misaligned = 0, inconsistent = 0;
  for (int i = 0; i < n; ++i) {
    const FunnelOutcome o = draw_funnel(p, false, rng);
    for (int k = 0; k < 10; ++k) mirror();  // five uniforms per draw
    misaligned += mirror != rng;
    leads += o.lead;
    meetings += o.meeting;
    opportunities += o.opportunity;
    pipeline += o.pipeline_usd;
    inconsistent += (o.meeting && !o.lead) || (o.opportunity != (o.pipeline_usd > 0));
  }
  CHECK(misaligned == 0);
  CHECK(inconsistent == 0);
  const double ql = p.lead_rate, qm = ql * p.meeting_rate, qo = qm * p.opportunity_rate;
  CHECK(std::abs(leads / n - ql) < 5 * std::sqrt(ql * (1 - ql) / n));
  CHECK(std::abs(meetings / n - qm) < 5 * std::sqrt(qm * (1 - qm) / n));
  CHECK(std::abs(opportunities / n - qo) < 5 * std::sqrt(qo * (1 - qo) / n));
  CHECK(pipeline / n == Approx(expected_pipeline_per_reply(p)).epsilon(0.05));
  CHECK(draw_funnel(p, true, rng).lead);  // an interested response is a lead
}

TEST_CASE("effort ledger adds hours and dollars per action", "[model][funnel]") {
  const EffortParams& p = default_response_params().costs;
  EffortLedger ledger(p);
  ledger.add(Action::kInvitePersonalized, 10);
  ledger.add(Action::kFinderLookup, 100);
  ledger.add(Action::kPost);
  CHECK(ledger.count(Action::kInvitePersonalized) == 10);
  CHECK(ledger.hours() == Approx((10 * p.minutes[2] + 100 * p.minutes[10] + p.minutes[9]) / 60.0));
  CHECK(ledger.usd() == Approx(100 * p.usd[10] + 10 * p.usd[2] + p.usd[9]));
  CHECK(ledger.hours_per(Action::kPost) == Approx(p.minutes[9] / 60.0));
  CHECK(std::string(action_names()[static_cast<std::size_t>(Action::kWithdraw)]) == "withdraw");
  CHECK_THROWS_AS(ledger.add(Action::kInvite, -1), std::invalid_argument);
  EffortParams bad = p;
  bad.minutes[3] = -2;
  try {
    EffortLedger l(bad);
    FAIL("negative minutes accepted");
  } catch (const config::InputError& e) {
    CHECK(e.issues().at(0).path == "EffortLedger/minutes/message");
  }
}
