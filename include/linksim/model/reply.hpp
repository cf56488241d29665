// Replies to a sequence of touches (a message after connecting and its follow-ups, or a cold
// email and its follow-ups): touch k gets a reply with probability p₀·decay^k.
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

struct ReplyFeatures {
  std::uint8_t target_seniority = 0;  ///< 0 IC … 4 C-suite
  bool personalized = false;
  std::uint32_t mutual_connections = 0;
  std::uint16_t warmup_touches = 0;
  bool inbound = false;            ///< the member invited the sender (content, groups, events)
  bool existing = false;           ///< a connection from before the run (network channel)
  float accept_propensity = 0.0f;  ///< target's latent score (standard normal)
  float activity = 0.5f;           ///< target's probability of being active on a given day
};

/// Probability that the member decides to reply to touch `touch` (0 = first), if they read it.
double reply_decision_probability(const ReplyParams& p, const ReplyFeatures& f, unsigned touch);

/// Probability of a reply to touch `touch` within the reply window (decision × read in time).
double reply_probability(const ReplyParams& p, const ReplyFeatures& f, unsigned touch);

/// Probability of at least one reply over touches 0 … touches−1 (each touch is sent only if the
/// previous ones got no reply).
double sequence_reply_probability(const ReplyParams& p, const ReplyFeatures& f, unsigned touches);

struct ReplyDraw {
  bool replied = false;
  core::Time delay_seconds = 0;  ///< after the touch was sent; 0 when there is no reply
};

/// Draws the reply to one touch. Always consumes three uniforms. Allocation-free.
ReplyDraw draw_reply(const ReplyParams& p, const ReplyFeatures& f, unsigned touch, core::Rng& rng);

}  // namespace linksim::model
