// Email: finder coverage, verification, delivery and bounces, sender reputation.
#include <catch2/catch.hpp>

#include <cmath>

#include "linksim/model/email_delivery.hpp"
#include "linksim/model/email_finder.hpp"
#include "linksim/model/sender_reputation.hpp"

using namespace linksim;
using namespace linksim::model;

namespace {
const EmailParams& email() { return default_response_params().email; }
}

TEST_CASE("finder coverage: single provider, chains, undiscoverable members", "[model][email]") {
  const FinderParams& f = email().finder;
  CHECK(finder_coverage(f, EmailDomain::kUndiscoverable, 10) == 0.0);
  CHECK(finder_coverage(f, EmailDomain::kStandard, 1) == Approx(f.find_probability));
  CHECK(finder_coverage(f, EmailDomain::kStandard, 3) > finder_coverage(f, EmailDomain::kStandard, 2));
  CHECK(finder_coverage(f, EmailDomain::kCatchAll, 3) == finder_coverage(f, EmailDomain::kStandard, 3));
  // Monte Carlo: 100,000 lookups of 3 providers, seed 31, within 5 standard errors.
  const auto domain = GENERATE(EmailDomain::kStandard, EmailDomain::kCatchAll, EmailDomain::kUndiscoverable);
  core::Rng rng = core::make_rng(31, 0, core::Purpose::kTest), mirror = rng;
  const int n = 100000;
  double found = 0, wrong = 0, lookups = 0;
  int misaligned = 0, wrong_status = 0;
  for (int i = 0; i < n; ++i) {
    const FoundEmail e = find_email(f, domain, 3, rng);
    for (int k = 0; k < 8; ++k) mirror();  // providers + 1 uniforms
    misaligned += mirror != rng;
    lookups += e.lookups;
    if (e.status == FinderStatus::kNotFound) continue;
    found += 1;
    wrong += !e.address_correct;
    wrong_status += e.status != (domain == EmailDomain::kCatchAll ? FinderStatus::kFoundCatchAll : FinderStatus::kFound);
  }
  CHECK(misaligned == 0);
  CHECK(wrong_status == 0);
  const double q = finder_coverage(f, domain, 3);
  CHECK(std::abs(found / n - q) < 5 * std::sqrt(q * (1 - q) / n) + 1e-12);
  CHECK(lookups >= n);
  if (found > 0) {
    const double w = domain == EmailDomain::kCatchAll ? f.catch_all_wrong_rate : f.wrong_address_rate;
    CHECK(std::abs(wrong / found - w) < 5 * std::sqrt(w * (1 - w) / found));
  }
}

TEST_CASE("verification removes most wrong addresses and cannot judge catch-alls", "[model][email]") {
  const VerificationParams& v = email().verification;
  core::Rng rng = core::make_rng(33, 0, core::Purpose::kTest);
  const int n = 100000;
  double flagged_wrong = 0, flagged_right = 0;
  int not_risky = 0;
  for (int i = 0; i < n; ++i) {
    flagged_wrong += verify_email(v, {FinderStatus::kFound, false, 1}, rng) == Verdict::kInvalid;
    flagged_right += verify_email(v, {FinderStatus::kFound, true, 1}, rng) == Verdict::kInvalid;
    not_risky += verify_email(v, {FinderStatus::kFoundCatchAll, false, 1}, rng) != Verdict::kRisky;
  }
  CHECK(not_risky == 0);
  CHECK(std::abs(flagged_wrong / n - v.recall) < 5 * std::sqrt(v.recall * (1 - v.recall) / n));
  CHECK(std::abs(flagged_right / n - v.false_reject) < 5 * std::sqrt(v.false_reject * (1 - v.false_reject) / n));
  CHECK(verify_email(v, {}, rng) == Verdict::kInvalid);  // nothing found
}

TEST_CASE("delivery: wrong addresses bounce, catch-alls swallow, reputation sets the inbox", "[model][email]") {
  const EmailParams& e = email();
  core::Rng rng = core::make_rng(35, 0, core::Purpose::kTest);
  const int n = 100000;
  double inbox = 0, bounced = 0, lost = 0, complaints = 0;
  int wrong_not_bounced = 0, catch_all_delivered = 0;
  for (int i = 0; i < n; ++i) {
    wrong_not_bounced += deliver_email(e, {FinderStatus::kFound, false, 1}, 1.0, rng).delivery != Delivery::kBounced;
    const Delivery d = deliver_email(e, {FinderStatus::kFoundCatchAll, false, 1}, 1.0, rng).delivery;
    catch_all_delivered += !(d == Delivery::kLost || d == Delivery::kBounced);
    lost += d == Delivery::kLost;
    const DeliveryDraw ok = deliver_email(e, {FinderStatus::kFound, true, 1}, 0.6, rng);
    inbox += ok.delivery == Delivery::kInbox;
    bounced += ok.delivery == Delivery::kBounced;
    complaints += ok.complaint;
    catch_all_delivered += ok.complaint && ok.delivery != Delivery::kInbox;  // complaints only from the inbox
  }
  CHECK(wrong_not_bounced == 0);
  CHECK(catch_all_delivered == 0);
  const double p_inbox = 0.6 * (1 - e.delivery.soft_bounce);
  CHECK(std::abs(inbox / n - p_inbox) < 5 * std::sqrt(p_inbox * (1 - p_inbox) / n));
  CHECK(std::abs(bounced / n - e.delivery.soft_bounce) < 5 * std::sqrt(e.delivery.soft_bounce / n));
  CHECK(lost / n > 0.9);
  const double c = e.delivery.complaint_rate;
  CHECK(std::abs(complaints / inbox - c) < 5 * std::sqrt(c * (1 - c) / inbox));
  CHECK(bounce_probability(e, {FinderStatus::kFound, false, 1}) == 1.0);
  CHECK(bounce_probability(e, {FinderStatus::kFound, true, 1}) == e.delivery.soft_bounce);
  CHECK(deliver_email(e, {}, 1.0, rng).delivery == Delivery::kLost);
}

TEST_CASE("sender reputation falls with bounces and complaints and recovers on clean days", "[model][email]") {
  const ReputationParams& p = email().reputation;
  SenderReputation r(p);
  CHECK(r.reputation() == p.initial);
  CHECK(r.inbox_probability() == Approx(p.inbox_max * std::pow(p.initial, p.inbox_exponent)));
  r.end_day();  // an idle day changes nothing
  CHECK(r.reputation() == p.initial);
  // Ten days at a 10% bounce rate.
  for (int day = 0; day < 10; ++day) {
    for (int i = 0; i < 100; ++i) r.record(i < 10, false);
    r.end_day();
  }
  const double burnt = r.reputation();
  CHECK(burnt < 0.6 * p.initial);
  CHECK(r.inbox_probability() < p.inbox_max * 0.6);
  // Complaints hurt too: 0.5% complaints (above Google's 0.3% ceiling) with no bounces.
  SenderReputation c(p);
  for (int day = 0; day < 10; ++day) {
    for (int i = 0; i < 1000; ++i) c.record(false, i < 5);
    c.end_day();
  }
  CHECK(c.reputation() < 0.5);
  // Clean sending brings it back towards 1.
  for (int day = 0; day < 60; ++day) {
    for (int i = 0; i < 100; ++i) r.record(false, false);
    r.end_day();
  }
  CHECK(r.reputation() > 0.95);
  CHECK(r.health(0.0, 0.0) == 1.0);
  CHECK(r.health(p.bounce_scale, 0.0) == Approx(std::exp(-1.0)));
}

TEST_CASE("sender reputation rejects bad parameters, naming them", "[model][email]") {
  ReputationParams p = email().reputation;
  auto rejects = [](const ReputationParams& bad, const std::string& path) {
    try {
      SenderReputation r(bad);
    } catch (const config::InputError& e) {
      for (const auto& i : e.issues())
        if (i.path == path) return true;
    }
    return false;
  };
  SECTION("initial") { p.initial = 1.2; CHECK(rejects(p, "SenderReputation/initial")); }
  SECTION("memory_days") { p.memory_days = 0; CHECK(rejects(p, "SenderReputation/memory_days")); }
  SECTION("bounce_scale") { p.bounce_scale = 0; CHECK(rejects(p, "SenderReputation/bounce_scale")); }
  SECTION("complaint_scale") { p.complaint_scale = -1; CHECK(rejects(p, "SenderReputation/complaint_scale")); }
  SECTION("inbox_max") { p.inbox_max = 2; CHECK(rejects(p, "SenderReputation/inbox_max")); }
  SECTION("inbox_exponent") { p.inbox_exponent = 0; CHECK(rejects(p, "SenderReputation/inbox_exponent")); }
}
