// How a member answers a connection invitation: accept, decline, report ("I don't know this
// person") or ignore (stays pending until it expires or is withdrawn), and when.
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

enum class NoteKind : std::uint8_t { kNone = 0, kTemplate = 1, kPersonalized = 2 };

/// What the member sees and is. Plain data, filled by the simulation from the world.
struct InviteFeatures {
  std::uint32_t mutual_connections = 0;
  bool same_industry = false;
  bool same_region = false;
  NoteKind note = NoteKind::kNone;
  std::uint16_t note_length = 0;       ///< characters
  std::uint16_t warmup_touches = 0;    ///< likes/comments on the target's content before inviting
  std::uint16_t warmup_days = 0;       ///< days over which the warm-up happened (no effect without touches)
  bool teamlink = false;               ///< a teammate is connected to the target (TeamLink warm path)
  std::uint8_t target_seniority = 0;   ///< 0 IC, 1 manager, 2 director, 3 VP, 4 C-suite
  std::uint8_t sender_seniority = 0;
  float sender_profile_strength = 0.5f;  ///< [0, 1]; 0.5 is an ordinary complete profile
  float accept_propensity = 0.0f;        ///< target's latent score, standard normal across members
  float report_propensity = 0.0f;        ///< target's latent score, standard normal across members
  float activity = 0.5f;                 ///< target's probability of being active on a given day
};

enum class InviteResponse : std::uint8_t { kIgnore = 0, kAccept = 1, kDecline = 2, kReport = 3 };

/// Probabilities of the four outcomes; they sum to 1.
struct InviteProbabilities {
  double accept = 0, decline = 0, report = 0, ignore = 0;
};

/// The member's decision when they attend to the invitation (multinomial logit, ignore = reference).
InviteProbabilities invite_decision_probabilities(const InviteParams& p, const InviteFeatures& f);

/// Eventual outcome probabilities: the decision, times the chance of attending to the invitation
/// before it expires (otherwise it is ignored).
InviteProbabilities invite_outcome_probabilities(const InviteParams& p, const InviteFeatures& f);

struct InviteOutcome {
  InviteResponse outcome = InviteResponse::kIgnore;
  /// Seconds after sending when the member acts. For kIgnore: when the invitation expires.
  core::Time delay_seconds = 0;
};

/// Draws the outcome and its delay. Always consumes exactly three uniforms (six pcg32 outputs),
/// whatever the outcome, so that arms sharing a stream stay aligned. Allocation-free.
InviteOutcome draw_invite_outcome(const ResponseParams& params, const InviteFeatures& f, core::Rng& rng);
InviteOutcome draw_invite_outcome(const InviteParams& params, const InviteFeatures& f, core::Rng& rng);

}  // namespace linksim::model
