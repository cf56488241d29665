// The sender's cost of each action, in hours and USD, accumulated over a run.
#pragma once
#include <array>
#include <cstddef>

#include "linksim/model/response_params.hpp"

namespace linksim::model {

class EffortLedger final {
 public:
  /// Throws config::InputError naming the parameter when `p` is out of range.
  explicit EffortLedger(const EffortParams& p);

  void add(Action a, double count = 1.0);
  double hours() const { return hours_; }
  double usd() const { return usd_; }
  double count(Action a) const { return counts_[static_cast<std::size_t>(a)]; }
  /// Cost of one action.
  double hours_per(Action a) const { return p_.minutes[static_cast<std::size_t>(a)] / 60.0; }
  double usd_per(Action a) const { return p_.usd[static_cast<std::size_t>(a)]; }

 private:
  EffortParams p_;
  std::array<double, kActionCount> counts_{};
  double hours_ = 0.0, usd_ = 0.0;
};

}  // namespace linksim::model
