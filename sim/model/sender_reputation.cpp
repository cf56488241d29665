// Exponentially smoothed daily health of the sending domain.
#include "linksim/model/sender_reputation.hpp"

#include <cmath>

namespace linksim::model {

SenderReputation::SenderReputation(const ReputationParams& p) : p_(p), reputation_(p.initial) {
  std::vector<config::Issue> issues;
  check(p, "SenderReputation", issues);
  throw_if_any(std::move(issues));
}

void SenderReputation::record(bool bounced, bool complaint) {
  ++sent_today_;
  bounced_today_ += bounced ? 1 : 0;
  complaints_today_ += complaint ? 1 : 0;
}

double SenderReputation::health(double bounce_rate, double complaint_rate) const {
  return std::exp(-bounce_rate / p_.bounce_scale - complaint_rate / p_.complaint_scale);
}

void SenderReputation::end_day() {
  if (sent_today_ > 0) {
    const double n = static_cast<double>(sent_today_);
    const double h = health(static_cast<double>(bounced_today_) / n, static_cast<double>(complaints_today_) / n);
    reputation_ += (h - reputation_) / p_.memory_days;
  }
  sent_today_ = bounced_today_ = complaints_today_ = 0;
}

double SenderReputation::inbox_probability() const {
  return p_.inbox_max * std::pow(reputation_, p_.inbox_exponent);
}

}  // namespace linksim::model
