#include "linksim/graph/degrees.hpp"

#include <algorithm>
#include <cmath>

#include "graph/parallel.hpp"

namespace linksim::graph {
namespace {

constexpr std::size_t kChunk = 1u << 16;

// Every term is a whole number below 2^32 and the total stays below 2^53, so the sum is exact
// in any order: chunk sums added in parallel give the same mean as the serial loop did.
double clipped_mean(const std::vector<double>& base, double k, double lo, double hi, unsigned threads) {
  const std::size_t chunks = (base.size() + kChunk - 1) / kChunk;
  std::vector<double> part(chunks, 0.0);
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    double sum = 0.0;
    for (std::size_t i = c * kChunk; i < std::min(base.size(), (c + 1) * kChunk); ++i)
      sum += std::clamp(std::floor(k * base[i] + 0.5), lo, hi);
    part[c] = sum;
  });
  double sum = 0.0;
  for (double p : part) sum += p;
  return sum / static_cast<double>(base.size());
}

}  // namespace

std::vector<std::uint32_t> target_degrees(const EdgeParams& e, std::uint32_t cap,
                                          const std::vector<float>& sociability, unsigned threads) {
  const std::size_t n = sociability.size();
  std::vector<double> base(n);
  const bool lognormal = e.degree_distribution == "lognormal";
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    for (std::size_t i = c * kChunk; i < std::min(n, (c + 1) * kChunk); ++i) {
      const double z = sociability[i];
      if (lognormal) {
        base[i] = std::exp(e.degree_sigma * z);
      } else {
        const double tail = std::max(0.5 * std::erfc(z / std::sqrt(2.0)), 1e-300);  // 1 - Phi(z)
        base[i] = std::pow(tail, -1.0 / (e.power_law_exponent - 1.0));
      }
    }
  });
  const double lo = std::min<double>(e.min_degree, cap), hi = cap;
  // The clipped mean is monotone in k, so bisection on log k converges. Start from the unclipped
  // guess; 32 halvings of a range of 2^16 leave a relative error below 1e-5.
  double base_mean = 0.0;
  for (double b : base) base_mean += b / static_cast<double>(n);
  const double guess = base_mean > 0.0 ? e.mean_degree / base_mean : 1.0;
  double klo = guess / 256.0, khi = guess * 256.0;
  for (int it = 0; it < 32; ++it) {
    const double k = std::sqrt(klo * khi);
    (clipped_mean(base, k, lo, hi, threads) < e.mean_degree ? klo : khi) = k;
  }
  const double k = std::sqrt(klo * khi);
  std::vector<std::uint32_t> d(n);
  parallel_chunks(chunks, threads, [&](std::size_t c) {
    for (std::size_t i = c * kChunk; i < std::min(n, (c + 1) * kChunk); ++i)
      d[i] = static_cast<std::uint32_t>(std::clamp(std::floor(k * base[i] + 0.5), lo, hi));
  });
  return d;
}

}  // namespace linksim::graph
