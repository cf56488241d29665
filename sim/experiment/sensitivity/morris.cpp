// Morris elementary effects: the trajectory design (Morris 1991) and μ, μ* (Campolongo, Cariboni
// & Saltelli 2007) and σ of the effects for each parameter and output.
#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "experiment/sensitivity/outputs.hpp"
#include "experiment/sensitivity/shuffle.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/experiment/sensitivity.hpp"
#include "linksim/experiment/statistics.hpp"

namespace linksim::experiment::sensitivity {

MorrisDesign morris_design(std::span<const Parameter> parameters, const MorrisOptions& options) {
  validate(parameters);
  if (options.trajectories < 2) {
    throw std::invalid_argument(fmt::format("morris: need at least 2 trajectories, got {}", options.trajectories));
  }
  const std::size_t p = options.levels;
  if (p < 2 || p % 2 != 0 || p > (std::size_t{1} << 31)) {
    throw std::invalid_argument(fmt::format("morris: levels must be even, in [2, 2^31], got {}", p));
  }
  const std::size_t k = parameters.size();
  const std::size_t r = options.trajectories;
  // Positions are level numbers 0 .. p − 1 (unit coordinate level / (p − 1)); Δ is p/2 levels, so
  // a start at level l < p/2 can move up by Δ and a start at l + p/2 down by Δ.
  const auto half = static_cast<std::uint32_t>(p / 2);
  const double step = 1.0 / static_cast<double>(p - 1);
  MorrisDesign d;
  d.parameters.assign(parameters.begin(), parameters.end());
  d.options = options;
  d.delta = static_cast<double>(half) * step;
  d.unit = Matrix(r * (k + 1), k);
  std::vector<std::uint32_t> level(k);
  std::vector<std::size_t> order(k);
  std::vector<char> up(k);  // 1: parameter i moves up by Δ in this trajectory, 0: down
  for (std::size_t t = 0; t < r; ++t) {
    auto rng = core::make_rng(options.seed, kMorrisStream, core::Purpose::kSensitivity, t);
    for (std::size_t i = 0; i < k; ++i) {
      const std::uint32_t base = core::uniform_below(rng, half);
      up[i] = core::bernoulli(rng, 0.5) ? 1 : 0;
      level[i] = up[i] ? base : base + half;
    }
    std::iota(order.begin(), order.end(), std::size_t{0});
    shuffle(std::span(order), rng);
    const std::size_t first = t * (k + 1);
    for (std::size_t s = 0; s <= k; ++s) {
      if (s > 0) {
        const std::size_t i = order[s - 1];
        level[i] = up[i] ? level[i] + half : level[i] - half;
      }
      for (std::size_t i = 0; i < k; ++i) d.unit(first + s, i) = static_cast<double>(level[i]) * step;
    }
  }
  d.values = to_values(d.parameters, d.unit);
  return d;
}

MorrisResult morris_analyze(const MorrisDesign& design, const Matrix& outputs) {
  const std::size_t k = design.parameters.size();
  const std::size_t r = design.options.trajectories;
  if (k == 0 || design.unit.cols != k || design.unit.rows != r * (k + 1)) {
    throw std::invalid_argument(fmt::format("morris: the design's unit matrix is {} × {}, expected {} × {}",
                                            design.unit.rows, design.unit.cols, r * (k + 1), k));
  }
  check_outputs(outputs, design.unit.rows, "morris");
  const std::size_t m = outputs.cols;
  // effects[(o · k + i) · r + t]: trajectory t's effect of parameter i on output o.
  std::vector<double> effects(m * k * r);
  for (std::size_t t = 0; t < r; ++t) {
    std::vector<bool> moved(k, false);
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t row = t * (k + 1) + s;
      std::size_t changed = k;
      for (std::size_t i = 0; i < k; ++i) {
        if (design.unit(row + 1, i) == design.unit(row, i)) continue;
        if (changed != k) changed = k + 1;  // a second parameter moved
        else changed = i;
      }
      if (changed >= k || moved[changed]) {
        throw std::invalid_argument(fmt::format(
            "morris: design rows {} and {} must differ in exactly one parameter not moved before in "
            "trajectory {}", row, row + 1, t));
      }
      moved[changed] = true;
      const double du = design.unit(row + 1, changed) - design.unit(row, changed);
      for (std::size_t o = 0; o < m; ++o) {
        effects[(o * k + changed) * r + t] = (outputs(row + 1, o) - outputs(row, o)) / du;
      }
    }
  }
  MorrisResult result;
  result.parameters = k;
  result.outputs = m;
  result.cells.resize(m * k);
  std::vector<double> magnitude(r);
  for (std::size_t c = 0; c < m * k; ++c) {
    const std::span<const double> ee(effects.data() + c * r, r);
    for (std::size_t t = 0; t < r; ++t) magnitude[t] = std::fabs(ee[t]);
    result.cells[c] = {experiment::mean(ee), experiment::mean(magnitude), experiment::sample_sd(ee)};
  }
  return result;
}

}  // namespace linksim::experiment::sensitivity
