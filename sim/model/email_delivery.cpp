// One email's fate: bounce (wrong address, catch-all bounce-back, transient), then inbox or spam
// folder by the sender's reputation, then a possible complaint.
#include "linksim/model/email_delivery.hpp"

namespace linksim::model {

Verdict verify_email(const VerificationParams& p, const FoundEmail& found, core::Rng& rng) {
  const double u = core::uniform01(rng);
  if (found.status == FinderStatus::kNotFound) return Verdict::kInvalid;
  if (found.status == FinderStatus::kFoundCatchAll) return Verdict::kRisky;
  return u < (found.address_correct ? p.false_reject : p.recall) ? Verdict::kInvalid : Verdict::kValid;
}

double bounce_probability(const EmailParams& p, const FoundEmail& found) {
  const double soft = p.delivery.soft_bounce;
  switch (found.status) {
    case FinderStatus::kNotFound: return 0.0;
    case FinderStatus::kFound: return found.address_correct ? soft : 1.0;
    case FinderStatus::kFoundCatchAll: return p.delivery.catch_all_bounce + (1.0 - p.delivery.catch_all_bounce) * soft;
  }
  return 0.0;
}

DeliveryDraw deliver_email(const EmailParams& p, const FoundEmail& found, double inbox_probability, core::Rng& rng) {
  const double u_bounce = core::uniform01(rng);
  const double u_soft = core::uniform01(rng);
  const double u_inbox = core::uniform01(rng);
  const double u_complaint = core::uniform01(rng);
  if (found.status == FinderStatus::kNotFound) return {};
  if (found.status == FinderStatus::kFound && !found.address_correct) return {Delivery::kBounced, false};
  if (found.status == FinderStatus::kFoundCatchAll && u_bounce < p.delivery.catch_all_bounce) return {Delivery::kBounced, false};
  if (u_soft < p.delivery.soft_bounce) return {Delivery::kBounced, false};
  if (!found.address_correct) return {Delivery::kLost, false};  // catch-all swallowed a wrong guess
  if (u_inbox >= inbox_probability) return {Delivery::kSpamFolder, false};
  return {Delivery::kInbox, u_complaint < p.delivery.complaint_rate};
}

}  // namespace linksim::model
