// Calibration: the default parameters, on the prospects of the default world (20,000 members;
// WorldTargets: cold = random non-connections of a sender, mutual = second-degree members with
// >= 3 shared connections), land inside every range of practitioners' published member figures (docs/model.md). The
// defaults are fitted on these prospects (docs/model.md); the synthetic population's
// assumptions (checked below) are kept for the model's own tests of the machinery.
// Monte Carlo with the model's own draw functions, fixed seed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "../experiment/world_targets.hpp"
#include "linksim/model/calibration.hpp"

using namespace linksim::model;

TEST_CASE("default response parameters land inside the practitioners' member ranges", "[model][calibration]") {
  // 20,000 invitations (or prospects) per segment, seed 20250601. A rate near 30% then has a
  // standard error of 0.32 points and the narrowest range (±5 points around the fit target) is
  // ≥ 15 standard errors wide; C-suite and mid-level each get their own 20,000 draws.
  auto sampler = linksim::testing::default_world_targets();
  CalibrationOptions o;
  o.samples = 20000;
  // A larger sample for a closer look: LINKSIM_CALIBRATION_SAMPLES=200000 (the bounds stay).
  if (const char* env = std::getenv("LINKSIM_CALIBRATION_SAMPLES")) o.samples = std::max<std::size_t>(20000, std::strtoull(env, nullptr, 10));
  const auto figures = measure_calibration(default_response_params(), sampler, o);
  for (const auto& f : figures) {
    std::printf("  %-45s measured %8.4f", f.name.c_str(), f.measured);
    if (f.checked) std::printf("  range [%.3f, %.3f]  point %.3f", f.lo, f.hi, f.point);
    std::printf("  %s\n", f.source.c_str());
  }
  int checked = 0;
  for (const auto& f : figures) {
    if (!f.checked) continue;
    ++checked;
    if (f.name == "email.finder.chained_coverage") {
      // Bounded by the world, not the response model: 30% of the default world's members have no
      // findable address (world.attributes.email_findability.not_found), so no chain of finders
      // covers more than 70% (practitioners' ~85% needs not_found <= ~10%; reported to graph).
      CHECK(f.measured <= 0.70 + 0.01);
      CHECK(f.measured >= 0.65);
      continue;
    }
    INFO(f.name << " = " << f.measured << ", expected [" << f.lo << ", " << f.hi << "] (" << f.source << ")");
    CHECK(f.ok());
  }
  CHECK(checked == 17);
  // C-suite below mid-level, and by about half (practitioners: ~19% vs ~39%).
  const double ratio = figure(figures, "invite.c_suite_over_mid_level").measured;
  CHECK(ratio > 0.35);
  CHECK(ratio < 0.65);
}

TEST_CASE("the synthetic population has the stated shares", "[model][calibration]") {
  // 100,000 prospects, seed 3: shares within 5 standard errors of the assumptions.
  SyntheticPopulation pop;
  SyntheticTargets sampler(pop);
  linksim::core::Rng rng = linksim::core::make_rng(3, 0, linksim::core::Purpose::kMembers);
  const int n = 100000;
  std::array<double, kSeniorityLevels> levels{};
  double industry = 0, no_mutual = 0, catch_all = 0, undiscoverable = 0, dormant = 0, mutual_ok = 0;
  for (int i = 0; i < n; ++i) {
    const Target t = sampler.draw(rng, Segment::kCold);
    levels[t.seniority] += 1;
    industry += t.same_industry;
    no_mutual += t.mutual_connections == 0;
    catch_all += t.email == EmailDomain::kCatchAll;
    undiscoverable += t.email == EmailDomain::kUndiscoverable;
    dormant += t.activity < 0.03f;
    const Target m = sampler.draw(rng, Segment::kMutual);
    mutual_ok += m.mutual_connections >= pop.mutual_min && m.mutual_connections <= pop.mutual_max;
  }
  auto near = [n](double count, double p) { return std::abs(count / n - p) < 5 * std::sqrt(p * (1 - p) / n); };
  for (std::size_t l = 0; l < kSeniorityLevels; ++l) CHECK(near(levels[l], pop.seniority_shares[l]));
  CHECK(near(industry, pop.same_industry));
  CHECK(near(no_mutual, pop.cold_no_mutual));
  CHECK(near(catch_all, pop.email_catch_all));
  CHECK(near(undiscoverable, pop.email_undiscoverable));
  CHECK(near(dormant, pop.activity_shares[0]));
  CHECK(mutual_ok == n);
}

TEST_CASE("the synthetic population rejects inconsistent assumptions", "[model][calibration]") {
  SyntheticPopulation p;
  SECTION("seniority shares") { p.seniority_shares = {0.5, 0.5, 0.5, 0, 0}; }
  SECTION("activity shares") { p.activity_shares = {0.2, 0.2, 0.2}; }
  SECTION("activity range") { p.activity_ranges[1] = {0.5, 0.2}; }
  SECTION("email shares") { p.email_catch_all = 0.95; }
  SECTION("mutual range") { p.mutual_min = 60; }
  SECTION("cold mutual mean") { p.cold_mutual_mean = 0.5; }
  CHECK_THROWS_AS(SyntheticTargets(p), std::invalid_argument);
}

TEST_CASE("calibration options are checked", "[model][calibration]") {
  SyntheticTargets sampler;
  CalibrationOptions o;
  o.samples = 0;
  CHECK_THROWS_AS(measure_calibration(default_response_params(), sampler, o), std::invalid_argument);
  CHECK_THROWS_AS(figure({}, "nope"), std::out_of_range);
}
