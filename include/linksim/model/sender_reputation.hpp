// A sending domain's reputation: falls with bounces and spam complaints, recovers with clean
// days, and sets the probability that an email lands in the inbox.
#pragma once
#include <cstdint>

#include "linksim/model/response_params.hpp"

namespace linksim::model {

class SenderReputation final {
 public:
  /// Throws config::InputError naming the parameter when `p` is out of range.
  explicit SenderReputation(const ReputationParams& p);

  /// Counts one email sent today and what happened to it.
  void record(bool bounced, bool complaint);
  /// Folds today's counts into the reputation (call once per simulated day). A day without
  /// sends leaves the reputation unchanged (mailbox providers judge a sender by its mail).
  void end_day();

  /// In [0, 1].
  double reputation() const { return reputation_; }
  /// inbox_max · reputation^inbox_exponent.
  double inbox_probability() const;
  /// Health of a day with these rates: exp(−bounce/bounce_scale − complaint/complaint_scale).
  double health(double bounce_rate, double complaint_rate) const;

 private:
  ReputationParams p_;
  double reputation_;
  std::uint64_t sent_today_ = 0, bounced_today_ = 0, complaints_today_ = 0;
};

}  // namespace linksim::model
