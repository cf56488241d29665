// InMail responses: generic vs personalized, seniority effects, read on active days.
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

struct InMailFeatures {
  std::uint8_t target_seniority = 0;  ///< 0 IC … 4 C-suite
  bool personalized = false;
  std::uint32_t mutual_connections = 0;
  bool same_industry = false;
  float accept_propensity = 0.0f;  ///< target's latent score (standard normal)
  float activity = 0.5f;           ///< target's probability of being active on a given day
};

/// Probability that the member would respond if they read it.
double inmail_decision_probability(const InMailParams& p, const InMailFeatures& f);
/// Probability of a response within the window (the credit is refunded otherwise).
double inmail_response_probability(const InMailParams& p, const InMailFeatures& f);

struct InMailDraw {
  bool responded = false;
  bool interested = false;       ///< the response shows interest (a lead candidate)
  core::Time delay_seconds = 0;  ///< after sending; 0 when there is no response
};

/// Always consumes four uniforms. Allocation-free.
InMailDraw draw_inmail_response(const InMailParams& p, const InMailFeatures& f, core::Rng& rng);

}  // namespace linksim::model
