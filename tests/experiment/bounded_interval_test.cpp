// Honest intervals (issue 18, item 3): rates stay inside [0, 1]; too few replications, no interval.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "linksim/experiment/statistics.hpp"
#include "linksim/experiment/summary.hpp"

namespace ex = linksim::experiment;

namespace {
ex::ArmRuns arm_with(const std::string& name, const std::vector<double>& acceptance) {
  ex::ArmRuns arm{name, "", {}};
  for (double x : acceptance) {
    linksim::metrics::RunResult r;
    r.scalars["acceptance_rate"] = x;
    r.scalars["invites_sent"] = 100.0 + 10.0 * x;
    arm.runs.push_back(r);
  }
  return arm;
}
const ex::MetricSummary& metric(const ex::Summary& s, std::size_t arm, const std::string& name) {
  for (const auto& m : s.arms.at(arm).metrics)
    if (m.name == name) return m;
  throw std::out_of_range(name);
}
}  // namespace

TEST_CASE("the logit t interval stays between 0 and 1 where the t interval does not", "[experiment][statistics]") {
  const std::vector<double> low{0.01, 0.30, 0.02, 0.0};
  const auto t = ex::t_interval(low);
  REQUIRE(t.lo < 0.0);  // the reason for the method
  const auto l = ex::logit_t_interval(low);
  CHECK(l.lo > 0.0);
  CHECK(l.hi < 1.0);
  CHECK(l.contains(ex::mean(low)));
  // Mirror image near 1.
  std::vector<double> high;
  for (double x : low) high.push_back(1.0 - x);
  const auto h = ex::logit_t_interval(high);
  CHECK(h.hi < 1.0);
  CHECK(h.lo == Approx(1.0 - l.hi));
  // All at a bound, or no spread: the mean alone.
  const std::vector<double> zeros{0.0, 0.0, 0.0};
  CHECK(ex::logit_t_interval(zeros).lo == 0.0);
  CHECK(ex::logit_t_interval(zeros).hi == 0.0);
  // Near 0.5 it is close to the t interval.
  const std::vector<double> mid{0.48, 0.52, 0.50, 0.49, 0.51};
  CHECK(ex::logit_t_interval(mid).lo == Approx(ex::t_interval(mid).lo).epsilon(0.01));
  CHECK_THROWS_AS(ex::logit_t_interval(std::vector<double>{0.5, 1.5}), std::invalid_argument);
}

TEST_CASE("logit t intervals cover a small rate about as often as they claim", "[experiment][statistics]") {
  // Replication rates ~ Beta(2, 38) (mean 0.05), 5 replications: the t interval leaves [0, 1] often.
  std::mt19937_64 rng(18);
  std::gamma_distribution<double> ga(2.0), gb(38.0);
  int covered = 0, t_covered = 0, t_outside = 0;
  const int trials = 2000;
  for (int i = 0; i < trials; ++i) {
    std::vector<double> xs;
    for (int k = 0; k < 5; ++k) {
      const double a = ga(rng), b = gb(rng);
      xs.push_back(a / (a + b));
    }
    const auto l = ex::logit_t_interval(xs);
    REQUIRE(l.lo >= 0.0);
    REQUIRE(l.hi <= 1.0);
    if (l.contains(0.05)) ++covered;
    const auto t = ex::t_interval(xs);
    if (t.contains(0.05)) ++t_covered;
    if (t.lo < 0.0) ++t_outside;
  }
  // docs/results-format.md quotes these figures.
  const double coverage = static_cast<double>(covered) / trials;
  const double t_coverage = static_cast<double>(t_covered) / trials;
  INFO("logit t coverage " << coverage << ", t coverage " << t_coverage << ", t below 0 in " << t_outside);
  CHECK(coverage > 0.93);
  CHECK(coverage < 0.97);
  CHECK(coverage > t_coverage);
  CHECK(t_outside > trials / 10);
}

TEST_CASE("summarize keeps rate intervals between 0 and 1 and withholds them below 3 replications", "[experiment][statistics]") {
  SECTION("3 replications: a rate gets the logit t interval") {
    const auto s = ex::summarize({arm_with("a", {0.01, 0.30, 0.0}), arm_with("b", {0.5, 0.6, 0.55})});
    CHECK(s.intervals);
    const auto& m = metric(s, 0, "acceptance_rate");
    CHECK(m.method == ex::CiMethod::kLogitT);
    CHECK(m.stats.ci.lo >= 0.0);
    CHECK(m.stats.ci.hi <= 1.0);
    CHECK(std::string(ex::ci_method_name(m.method)) == "logit_t");
    // A count keeps Student t.
    CHECK(metric(s, 0, "invites_sent").method == ex::CiMethod::kStudentT);
    // A difference of rates stays inside [-1, 1].
    for (const auto& [name, d] : s.comparisons.at(0).metrics)
      if (name == "acceptance_rate") {
        CHECK(d.ci.lo >= -1.0);
        CHECK(d.ci.hi <= 1.0);
      }
  }
  SECTION("2 replications: no interval, one note and no CI-width warnings") {
    const auto s = ex::summarize({arm_with("a", {0.2, 0.9}), arm_with("b", {0.5, 0.6})});
    CHECK_FALSE(s.intervals);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].find("no confidence intervals: 2 replications") != std::string::npos);
  }
}
