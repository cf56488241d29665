// The company page as a Poisson source of profile follows, beside groups, events and newsletters
// (content_test.cpp checks the invitations).
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "linksim/model/inbound_sources.hpp"

using namespace linksim;
using namespace linksim::model;

TEST_CASE("a company page brings profile follows, and only follows", "[model][content]") {
  InboundSourceParams p;
  p.company_page_follows_per_1k_week = 0.5;
  p.group_invites_per_week = 0.3;
  const InboundActivity page{0, 0, 0, 4000};
  CHECK(expected_inbound_follows(p, page, 2.0) == Approx(0.5 * 4 * 2));
  CHECK(expected_inbound_invites(p, page, 2.0) == 0.0);
  const InboundActivity groups{3, 0, 0, 0};
  CHECK(expected_inbound_follows(p, groups, 2.0) == 0.0);
  CHECK(expected_inbound_invites(p, groups, 2.0) == Approx(0.3 * 3 * 2));
  // 20,000 two-week periods, seed 23: the sample mean is within 5 standard errors of the mean (4).
  core::Rng rng = core::make_rng(23, 0, core::Purpose::kContent, 0);
  double sum = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) sum += static_cast<double>(draw_inbound_follows(p, page, 2.0, rng));
  CHECK(std::abs(sum / n - 4.0) < 5 * std::sqrt(4.0 / n));
  CHECK_THROWS_AS(expected_inbound_follows(p, InboundActivity{0, 0, 0, -1}, 1), std::invalid_argument);
}
