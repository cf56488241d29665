// Unit-cube samples: the Sobol' low-discrepancy sequence (Boost) and a seeded Latin hypercube.
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>
#include <vector>

#include <boost/random/sobol.hpp>
#include <fmt/format.h>

#include "experiment/sensitivity/shuffle.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/experiment/sensitivity.hpp"

namespace linksim::experiment::sensitivity {

Matrix sobol_sequence(std::size_t n, std::size_t dims, std::size_t skip) {
  if (n == 0) throw std::invalid_argument("sobol_sequence: n must be >= 1");
  if (dims == 0 || dims > kMaxSobolDimension) {
    throw std::invalid_argument(fmt::format("sobol_sequence: dims must be in [1, {}], got {}", kMaxSobolDimension, dims));
  }
  if (skip == 0) throw std::invalid_argument("sobol_sequence: skip must be >= 1 (the origin, point 0, is never given)");
  boost::random::sobol engine(dims);
  // Boost omits the origin: after seed(s) the next point is point s + 1.
  engine.seed(static_cast<boost::random::sobol::result_type>(skip - 1));
  Matrix points(n, dims);
  // The 64-bit engine's integers are fractions of 2^64; point i < 2^m has only its top m bits
  // set, so the conversion is exact for the first 2^53 points.
  for (double& x : points.data) x = static_cast<double>(engine()) * 0x1.0p-64;
  return points;
}

Matrix latin_hypercube(std::size_t n, std::size_t dims, std::uint64_t seed) {
  if (n == 0 || dims == 0) {
    throw std::invalid_argument(fmt::format("latin_hypercube: n and dims must be >= 1, got {} and {}", n, dims));
  }
  if (n > std::numeric_limits<std::uint32_t>::max()) throw std::invalid_argument("latin_hypercube: n must be < 2^32");
  Matrix points(n, dims);
  std::vector<std::uint32_t> stratum(n);
  for (std::size_t j = 0; j < dims; ++j) {
    auto rng = core::make_rng(seed, kLatinHypercubeStream, core::Purpose::kSensitivity, j);
    std::iota(stratum.begin(), stratum.end(), std::uint32_t{0});
    shuffle(std::span(stratum), rng);
    for (std::size_t i = 0; i < n; ++i) {
      points(i, j) = (static_cast<double>(stratum[i]) + core::uniform01(rng)) / static_cast<double>(n);
    }
  }
  return points;
}

}  // namespace linksim::experiment::sensitivity
