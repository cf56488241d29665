// Which rule refused a sender's invitations: counted as the shard runs (Invitations::send), read
// by the breakdowns at its end (shard/breakdown.hpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "linksim/platform/decision.hpp"

namespace linksim::experiment {

class RuleDenials {
 public:
  /// An invitation attempt of local sender `s` refused by rule `rule` (Decision::rule). A refusal
  /// by a restriction (Decision::kNoRule) belongs to no rule and is not counted.
  void add(std::uint32_t s, std::uint8_t rule) {
    if (rule == platform::Decision::kNoRule) return;
    if (counts_.size() <= rule) counts_.resize(std::size_t{rule} + 1);
    auto& per_sender = counts_[rule];
    if (per_sender.size() <= s) per_sender.resize(std::size_t{s} + 1, 0);
    ++per_sender[s];
  }
  /// Attempts of local sender `s` that rule `rule` refused.
  std::uint32_t of(std::uint8_t rule, std::uint32_t s) const {
    return rule < counts_.size() && s < counts_[rule].size() ? counts_[rule][s] : 0;
  }

 private:
  std::vector<std::vector<std::uint32_t>> counts_;  ///< rule index × local sender, grown on demand
};

}  // namespace linksim::experiment
