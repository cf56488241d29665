// Hours and money per action type.
#include "linksim/model/effort.hpp"

#include <stdexcept>
#include <string>

namespace linksim::model {

EffortLedger::EffortLedger(const EffortParams& p) : p_(p) {
  std::vector<config::Issue> issues;
  check(p, "EffortLedger", issues);
  throw_if_any(std::move(issues));
}

void EffortLedger::add(Action a, double count) {
  const auto i = static_cast<std::size_t>(a);
  if (i >= kActionCount) throw std::invalid_argument("EffortLedger::add: unknown action " + std::to_string(i));
  if (!(count >= 0.0)) throw std::invalid_argument("EffortLedger::add: count must be >= 0, got " + std::to_string(count));
  counts_[i] += count;
  hours_ += count * p_.minutes[i] / 60.0;
  usd_ += count * p_.usd[i];
}

}  // namespace linksim::model
