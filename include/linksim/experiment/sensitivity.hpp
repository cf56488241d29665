// Global sensitivity analysis as a library: parameter ranges, unit-cube samples (Sobol' sequence,
// Latin hypercube), Morris elementary effects and Sobol' indices with bootstrap intervals.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "linksim/experiment/statistics.hpp"

/// Each method is split as in SALib: a design (the points to evaluate, one row each), then the
/// caller evaluates every row however it likes (in parallel, on common random numbers), then the
/// analysis reads the outputs, one row per design row and one column per model output.
namespace linksim::experiment::sensitivity {

enum class Distribution {
  kUniform,     ///< value = lower + u·(upper − lower)
  kLogUniform,  ///< log(value) uniform on [log lower, log upper]; needs lower > 0
};

/// One uncertain input and its range.
struct Parameter {
  std::string name;
  double lower = 0.0;
  double upper = 1.0;
  Distribution distribution = Distribution::kUniform;
};

/// Throws std::invalid_argument, naming the parameter, for an empty or repeated name, a
/// non-finite bound, lower >= upper, or a log-uniform lower bound <= 0; also for no parameters.
void validate(std::span<const Parameter> parameters);

/// The value of `parameter` at unit-cube coordinate u in [0, 1]; u <= 0 and u >= 1 give the
/// bounds exactly, and values stay within them. Does not validate the parameter.
double to_value(const Parameter& parameter, double u);

/// A dense row-major matrix: design rows × parameters, or design rows × model outputs.
struct Matrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<double> data;  ///< rows · cols values, row after row

  Matrix() = default;
  Matrix(std::size_t rows_, std::size_t cols_) : rows(rows_), cols(cols_), data(rows_ * cols_) {}
  double& operator()(std::size_t r, std::size_t c) { return data[r * cols + c]; }
  double operator()(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
  std::span<double> row(std::size_t r) { return {data.data() + r * cols, cols}; }
  std::span<const double> row(std::size_t r) const { return {data.data() + r * cols, cols}; }
};

/// Maps unit-cube rows to parameter values, column j by parameters[j]. Validates the
/// parameters; throws std::invalid_argument if unit.cols != parameters.size().
Matrix to_values(std::span<const Parameter> parameters, const Matrix& unit);

// ---- Unit-cube samples (sampling.cpp) ----

/// Largest dimension the Sobol' sequence supports (Boost's direction numbers, Joe & Kuo).
inline constexpr std::size_t kMaxSobolDimension = 3667;

/// n points of the unrandomized `dims`-dimensional Sobol' sequence (Sobol' 1967; Boost's
/// boost::random::sobol, Bratley & Fox 1988 with Joe & Kuo direction numbers). Points are
/// numbered from 0, point 0 being the origin, and the result holds points skip .. skip + n − 1,
/// so skip = 1 (the least allowed: Boost never yields the origin) starts at (0.5, 0.5, ...),
/// (0.75, 0.25, ...), (0.25, 0.75, ...). With n a power of two and skip a multiple of n, the
/// points are a (t, m, s)-net. Deterministic. Throws std::invalid_argument for n == 0, dims
/// outside [1, kMaxSobolDimension] or skip == 0.
Matrix sobol_sequence(std::size_t n, std::size_t dims, std::size_t skip = 1);

/// Latin hypercube of n points in [0, 1)^dims: in every dimension each of the n strata
/// [s/n, (s+1)/n) holds exactly one point, placed uniformly within it (McKay, Beckman & Conover
/// 1979). Dimension j is drawn from core::make_rng(seed, kLatinHypercubeStream, kSensitivity, j).
/// Throws std::invalid_argument for n == 0 or dims == 0.
Matrix latin_hypercube(std::size_t n, std::size_t dims, std::uint64_t seed);

// ---- Morris elementary effects (morris.cpp) ----

struct MorrisOptions {
  std::size_t trajectories = 10;  ///< r, at least 2
  std::size_t levels = 4;         ///< p, the grid {0, 1/(p−1), ..., 1}; even, at least 2
  std::uint64_t seed = 0;
};

/// r trajectories of k + 1 rows each (Morris 1991): each starts at a random grid point and moves
/// one parameter at a time, in random order and direction, by Δ = p / (2(p − 1)), so that every
/// parameter moves exactly once. Rows (t·(k + 1)) .. (t·(k + 1) + k) are trajectory t.
struct MorrisDesign {
  std::vector<Parameter> parameters;
  MorrisOptions options;
  double delta = 0.0;  ///< Δ on the unit scale
  Matrix unit;         ///< r(k + 1) × k, grid coordinates in [0, 1]
  Matrix values;       ///< the same points in parameter values: evaluate the model on these rows
};

/// The indices of one parameter for one output (Campolongo, Cariboni & Saltelli 2007 for μ*).
struct MorrisIndices {
  double mu = 0.0;       ///< mean elementary effect
  double mu_star = 0.0;  ///< mean absolute elementary effect: the importance measure
  double sigma = 0.0;    ///< sample sd (divisor r − 1) of the effects: interaction / nonlinearity
};

struct MorrisResult {
  std::size_t parameters = 0;
  std::size_t outputs = 0;
  std::vector<MorrisIndices> cells;  ///< output-major: cells[output · parameters + parameter]
  const MorrisIndices& at(std::size_t output, std::size_t parameter) const {
    return cells[output * parameters + parameter];
  }
};

/// Row t·(k + 1) .. of trajectory t, drawn from core::make_rng(seed, kMorrisStream,
/// kSensitivity, t), so trajectory t is the same whatever r is. Throws std::invalid_argument for
/// invalid parameters, r < 2, or an odd or < 2 number of levels.
MorrisDesign morris_design(std::span<const Parameter> parameters, const MorrisOptions& options = {});

/// Elementary effects (y(x + Δe_i) − y(x)) / Δ on the unit scale, so for y = c·x_i on
/// [lower, upper] every effect is c·(upper − lower). `outputs` has one row per design row and one
/// column per model output. Throws std::invalid_argument when the shape does not match the design,
/// on a non-finite output (naming row and column) or on a design whose consecutive rows do not
/// differ in exactly one parameter.
MorrisResult morris_analyze(const MorrisDesign& design, const Matrix& outputs);

// ---- Sobol' indices (sobol_indices.cpp) ----

struct SobolOptions {
  std::size_t base_samples = 1024;  ///< N, at least 2; powers of two keep the points balanced
  /// Leading points of the 2k-dimensional Sobol' sequence to drop (see sobol_sequence). 0 picks
  /// the smallest power of two >= N, so that for N a power of two the base points are one
  /// (t, m, 2k)-net, as SALib advises.
  std::size_t skip = 0;
};

/// Saltelli (2010) design: from N points of the 2k-dimensional Sobol' sequence, A is the first k
/// columns, B the last k, and A_B^(i) is A with column i taken from B. Rows in blocks of N:
/// A (rows 0 .. N−1), B (N .. 2N−1), then A_B^(i) (rows (2+i)N .. (3+i)N − 1): N(k + 2) rows.
struct SobolDesign {
  std::vector<Parameter> parameters;
  std::size_t base_samples = 0;  ///< N
  std::size_t skip = 0;          ///< as used (never 0)
  Matrix unit;                   ///< N(k + 2) × k
  Matrix values;                 ///< evaluate the model on these rows
};

struct SobolAnalysisOptions {
  std::size_t resamples = 1000;  ///< bootstrap resamples of the N base rows, at least 1
  double level = 0.95;           ///< confidence level of the percentile intervals, in (0, 1)
  /// Output o's resamples come from core::make_rng(seed, kSobolBootstrapStream, kSensitivity, o).
  std::uint64_t seed = 0;
};

/// One parameter's indices for one output.
struct SobolIndices {
  double first = 0.0;  ///< S_i, Saltelli et al. (2010), Table 2 (b)
  Interval first_ci;   ///< percentile bootstrap interval
  double total = 0.0;  ///< S_Ti, Jansen (1999)
  Interval total_ci;
};

struct SobolResult {
  std::size_t parameters = 0;
  std::size_t outputs = 0;
  std::vector<SobolIndices> cells;  ///< output-major: cells[output · parameters + parameter]
  /// Per output: the variance of the 2N outputs of A and B (divisor 2N). An output equal on every
  /// design row has no variance to apportion: variance 0, and its cells are all 0 with zero-width
  /// intervals.
  std::vector<double> variance;
  const SobolIndices& at(std::size_t output, std::size_t parameter) const {
    return cells[output * parameters + parameter];
  }
};

/// Throws std::invalid_argument for invalid parameters, N < 2, or 2k > kMaxSobolDimension.
SobolDesign sobol_design(std::span<const Parameter> parameters, const SobolOptions& options = {});

/// S_i = mean(f(B)·(f(A_B^i) − f(A))) / V and S_Ti = mean((f(A) − f(A_B^i))²) / (2V), on outputs
/// centred by the mean of f(A) and f(B) (a constant shift: the expectations are unchanged, the
/// noise of S_i smaller). Intervals: the 2.5% and 97.5% quantiles (for level 0.95) of the
/// estimates over resamples of the N base rows, drawn with replacement, the same rows for every
/// parameter. Throws std::invalid_argument when the shape does not match the design, on a
/// non-finite output (naming row and column), zero resamples or a level outside (0, 1).
SobolResult sobol_analyze(const SobolDesign& design, const Matrix& outputs,
                          const SobolAnalysisOptions& options = {});

/// The `stream` keys of core::make_rng(seed, stream, kSensitivity, entity) used above.
inline constexpr std::uint64_t kMorrisStream = 1;
inline constexpr std::uint64_t kLatinHypercubeStream = 2;
inline constexpr std::uint64_t kSobolBootstrapStream = 3;

}  // namespace linksim::experiment::sensitivity
