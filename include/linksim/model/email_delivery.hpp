// Verification, bounces, inbox placement and spam complaints for one email.
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/model/email_finder.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

enum class Verdict : std::uint8_t { kValid = 0, kInvalid = 1, kRisky = 2 };

/// A verifier's verdict on a found address: catch-all addresses are "risky"; on standard domains a
/// wrong address is flagged with probability `recall`, a right one with `false_reject`.
/// Consumes one uniform.
Verdict verify_email(const VerificationParams& p, const FoundEmail& found, core::Rng& rng);

enum class Delivery : std::uint8_t {
  kBounced = 0,     ///< hard or soft bounce (counts against reputation)
  kInbox = 1,
  kSpamFolder = 2,  ///< delivered but unseen
  kLost = 3,        ///< accepted by a catch-all server for a wrong address, or nothing to send to
};

struct DeliveryDraw {
  Delivery delivery = Delivery::kLost;
  bool complaint = false;  ///< marked as spam (only from the inbox)
};

/// Delivers one email to a found address given the sender's current inbox placement probability.
/// Consumes four uniforms.
DeliveryDraw deliver_email(const EmailParams& p, const FoundEmail& found, double inbox_probability, core::Rng& rng);

/// Probability that an email to this found address bounces.
double bounce_probability(const EmailParams& p, const FoundEmail& found);

}  // namespace linksim::model
