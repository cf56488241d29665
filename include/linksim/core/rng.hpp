// Deterministic random streams keyed by (seed, replication, purpose, entity), and the
// distributions the model draws from, written out so results do not depend on the standard
// library's implementation-defined <random> distributions.
#pragma once
#include <cmath>
#include <cstdint>

#include <pcg_random.hpp>

namespace linksim::core {

using Rng = pcg32;

/// What a stream is for. Distinct purposes never share a stream, so adding draws for one
/// purpose cannot shift the numbers another purpose sees (needed for common random numbers).
enum class Purpose : std::uint32_t {
  kGraph = 1,
  kMembers = 2,
  kResponses = 3,
  kSender = 4,
  kContent = 5,
  kEmail = 6,
  kPolicy = 7,
  kPlaceholder = 8,
  kBootstrap = 9,  ///< experiment::bootstrap_interval resamples
  kSensitivity = 10,  ///< experiment::sensitivity designs (Morris, Latin hypercube) and bootstraps
  kAttack = 11,       ///< experiment::attack: the design's shift and the local search's mutations
  kTest = 99,
};

/// SplitMix64 finalizer: a bijective 64-bit mixer with good avalanche (Steele et al. 2014).
constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// The stream for (seed, replication, purpose, entity). The state and the pcg stream selector
/// are both hashed from all four keys, so nearby keys give unrelated sequences.
inline Rng make_rng(std::uint64_t seed, std::uint64_t replication, Purpose purpose,
                    std::uint64_t entity = 0) {
  const std::uint64_t k1 = mix64(seed ^ mix64(replication ^ mix64(static_cast<std::uint64_t>(purpose))));
  const std::uint64_t state = mix64(k1 ^ mix64(entity));
  const std::uint64_t stream = mix64(state ^ 0xD1B54A32D192ED03ull);
  return Rng(state, stream);
}

/// Uniform double in [0, 1) with 53 random bits.
inline double uniform01(Rng& rng) {
  const std::uint64_t hi = rng();
  const std::uint64_t lo = rng();
  return static_cast<double>(((hi << 32) | lo) >> 11) * 0x1.0p-53;
}
/// Uniform integer in [0, n) without modulo bias (Lemire's method). n must be > 0.
inline std::uint32_t uniform_below(Rng& rng, std::uint32_t n) {
  std::uint64_t m = static_cast<std::uint64_t>(rng()) * n;
  auto low = static_cast<std::uint32_t>(m);
  if (low < n) {
    const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
    while (low < threshold) {
      m = static_cast<std::uint64_t>(rng()) * n;
      low = static_cast<std::uint32_t>(m);
    }
  }
  return static_cast<std::uint32_t>(m >> 32);
}
inline bool bernoulli(Rng& rng, double p) { return uniform01(rng) < p; }
/// Exponential with the given mean (inverse transform).
inline double exponential(Rng& rng, double mean) { return -mean * std::log1p(-uniform01(rng)); }
/// Standard normal by the Marsaglia polar method (the spare value is discarded to keep the
/// stream position independent of call history).
inline double normal(Rng& rng) {
  for (;;) {
    const double u = 2.0 * uniform01(rng) - 1.0;
    const double v = 2.0 * uniform01(rng) - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
  }
}
inline double normal(Rng& rng, double mean, double sd) { return mean + sd * normal(rng); }
inline double lognormal(Rng& rng, double mu, double sigma) { return std::exp(normal(rng, mu, sigma)); }
/// Geometric number of failures before the first success, success probability p in (0, 1].
inline std::uint64_t geometric(Rng& rng, double p) {
  if (p >= 1.0) return 0;
  return static_cast<std::uint64_t>(std::floor(std::log1p(-uniform01(rng)) / std::log1p(-p)));
}
/// Poisson by inversion for small means, normal approximation above 500.
inline std::uint64_t poisson(Rng& rng, double mean) {
  if (mean <= 0.0) return 0;
  if (mean > 500.0) {
    const double x = std::round(normal(rng, mean, std::sqrt(mean)));
    return x < 0.0 ? 0 : static_cast<std::uint64_t>(x);
  }
  const double limit = std::exp(-mean);
  double prod = uniform01(rng);
  std::uint64_t k = 0;
  while (prod > limit) {
    prod *= uniform01(rng);
    ++k;
  }
  return k;
}

}  // namespace linksim::core
