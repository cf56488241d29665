// Random streams: reproducible, independent across keys, and the distributions' moments.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "linksim/core/rng.hpp"

using namespace linksim::core;

TEST_CASE("a stream is reproducible from its key", "[core][rng]") {
  Rng a = make_rng(7, 3, Purpose::kResponses, 42);
  Rng b = make_rng(7, 3, Purpose::kResponses, 42);
  for (int i = 0; i < 1000; ++i) REQUIRE(a() == b());
}

TEST_CASE("streams differing in any key component are different", "[core][rng]") {
  auto first = [](Rng r) {
    std::vector<std::uint32_t> v;
    for (int i = 0; i < 8; ++i) v.push_back(r());
    return v;
  };
  const auto base = first(make_rng(7, 3, Purpose::kResponses, 42));
  CHECK(first(make_rng(8, 3, Purpose::kResponses, 42)) != base);
  CHECK(first(make_rng(7, 4, Purpose::kResponses, 42)) != base);
  CHECK(first(make_rng(7, 3, Purpose::kSender, 42)) != base);
  CHECK(first(make_rng(7, 3, Purpose::kResponses, 43)) != base);
}

TEST_CASE("neighbouring streams are uncorrelated", "[core][rng]") {
  // Correlation of uniforms from entity e and e+1, over 64 entity pairs × 2,000 draws. For
  // independent streams the sample correlation has sd 1/sqrt(n) ≈ 0.0028; we allow 5 sd.
  double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
  const int n_draws = 2000;
  double n = 0;
  for (std::uint64_t e = 0; e < 64; ++e) {
    Rng x = make_rng(1, 0, Purpose::kTest, e), y = make_rng(1, 0, Purpose::kTest, e + 1);
    for (int i = 0; i < n_draws; ++i) {
      const double u = uniform01(x), v = uniform01(y);
      sx += u; sy += v; sxy += u * v; sxx += u * u; syy += v * v; n += 1;
    }
  }
  const double cov = sxy / n - sx / n * sy / n;
  const double corr = cov / std::sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
  CHECK(std::abs(corr) < 5.0 / std::sqrt(n));
}

TEST_CASE("distribution moments match their closed forms", "[core][rng]") {
  Rng rng = make_rng(123, 0, Purpose::kTest);
  const int n = 200000;
  double s = 0, s2 = 0;
  SECTION("uniform01 in [0,1) with mean 1/2, variance 1/12") {
    for (int i = 0; i < n; ++i) {
      const double u = uniform01(rng);
      REQUIRE(u >= 0.0);
      REQUIRE(u < 1.0);
      s += u; s2 += u * u;
    }
    CHECK(s / n == Approx(0.5).margin(5 * std::sqrt(1.0 / 12 / n)));
    CHECK(s2 / n - (s / n) * (s / n) == Approx(1.0 / 12).margin(0.002));
  }
  SECTION("exponential mean 3") {
    for (int i = 0; i < n; ++i) s += exponential(rng, 3.0);
    CHECK(s / n == Approx(3.0).margin(5 * 3.0 / std::sqrt(n)));
  }
  SECTION("normal(2, 0.5)") {
    for (int i = 0; i < n; ++i) {
      const double x = normal(rng, 2.0, 0.5);
      s += x; s2 += x * x;
    }
    CHECK(s / n == Approx(2.0).margin(5 * 0.5 / std::sqrt(n)));
    CHECK(std::sqrt(s2 / n - (s / n) * (s / n)) == Approx(0.5).margin(0.01));
  }
  SECTION("poisson means 4 and 900") {
    for (double mean : {4.0, 900.0}) {
      s = 0;
      for (int i = 0; i < n; ++i) s += static_cast<double>(poisson(rng, mean));
      CHECK(s / n == Approx(mean).margin(5 * std::sqrt(mean / n)));
    }
  }
  SECTION("uniform_below is unbiased over 7 cells") {
    std::vector<int> counts(7);
    for (int i = 0; i < 70000; ++i) ++counts[uniform_below(rng, 7)];
    double chi2 = 0;
    for (int c : counts) chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
    CHECK(chi2 < 22.46);  // chi-square 6 df, p = 0.001
  }
  SECTION("geometric mean (1-p)/p") {
    for (int i = 0; i < n; ++i) s += static_cast<double>(geometric(rng, 0.2));
    CHECK(s / n == Approx(4.0).margin(5 * std::sqrt(0.8 / 0.04 / n)));
  }
}
