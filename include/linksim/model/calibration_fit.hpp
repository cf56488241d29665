// The deterministic fitting routine behind the fitted defaults of $defs/response*: coordinate-wise
// root finding (Boost.Math TOMS 748) of one parameter per calibration figure on expected values
// over a fixed sample of prospects, repeated until no parameter moves (docs/model.md "How the
// defaults were fitted").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "linksim/model/calibration.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

struct FitOptions {
  std::uint64_t seed = 20250601;
  std::size_t samples = 100000;  ///< prospects per segment in the fixed sample
  unsigned reply_touches = 3;
  unsigned email_touches = 4;
  unsigned chained_providers = 3;
  double tolerance = 1e-6;      ///< stop when no parameter moves more than this in a round
  int max_rounds = 100;
};

struct FitEntry {
  std::string parameter;  ///< JSON path under world.response
  std::string figure;     ///< what it is fitted to
  double target = 0.0;
  double achieved = 0.0;  ///< expected value at the fitted parameters
  double value = 0.0;     ///< the fitted parameter
};

struct FitReport {
  std::vector<FitEntry> entries;
  int rounds = 0;
  bool converged = false;
};

/// Fits the parameters listed in docs/model.md in place and reports them.
FitReport fit_response_params(ResponseParams& p, TargetSampler& sampler, const FitOptions& o = {});

/// The same objectives evaluated at `p` without fitting (to check that the defaults are the
/// fit's fixed point).
FitReport evaluate_fit_targets(const ResponseParams& p, TargetSampler& sampler, const FitOptions& o = {});

}  // namespace linksim::model
