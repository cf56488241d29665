// Invitation outcomes: a multinomial logit over {accept, decline, report} against ignore, and a
// delay that is geometric over the member's active days.
#include "linksim/model/invite_response.hpp"

#include <algorithm>
#include <cmath>

#include "linksim/model/active_delay.hpp"

namespace linksim::model {

namespace {

struct Utilities {
  double accept, decline, report;
};

// Most invitations have no mutuals and no warm-up: skip the logarithm for a zero count.
double log1p_count(std::uint32_t n) { return n == 0 ? 0.0 : std::log1p(static_cast<double>(n)); }

double note_template(NoteKind n) { return n == NoteKind::kTemplate ? 1.0 : 0.0; }
double note_personalized(NoteKind n) { return n == NoteKind::kPersonalized ? 1.0 : 0.0; }

Utilities utilities(const InviteParams& p, const InviteFeatures& f) {
  const double mutual = log1p_count(f.mutual_connections);
  const double touches = log1p_count(f.warmup_touches);
  // Days of a warm-up are only remembered through what was done on them: days without a like or
  // a comment are not a warm-up at all.
  const double days = f.warmup_touches == 0 ? 0.0 : log1p_count(f.warmup_days);
  const double industry = f.same_industry ? 1.0 : 0.0;
  const double region = f.same_region ? 1.0 : 0.0;
  const double tmpl = note_template(f.note);
  const double pers = note_personalized(f.note);
  const double has_note = tmpl + pers;
  const double extra_chars = has_note * std::max(0.0, static_cast<double>(f.note_length) - p.long_note_from_chars);
  const std::size_t level = std::min<std::size_t>(f.target_seniority, kSeniorityLevels - 1);
  const std::size_t sender = std::min<std::size_t>(f.sender_seniority, kSeniorityLevels - 1);
  const double gap_up = level > sender ? static_cast<double>(level - sender) : 0.0;
  const double gap_down = sender > level ? static_cast<double>(sender - level) : 0.0;
  const double profile = static_cast<double>(f.sender_profile_strength) - 0.5;
  const double z_accept = f.accept_propensity;
  const double z_report = f.report_propensity;

  const AcceptTerms& a = p.accept;
  const DeclineTerms& d = p.decline;
  const ReportTerms& r = p.report;
  Utilities u{};
  u.accept = a.intercept + a.mutual * mutual + a.same_industry * industry + a.same_region * region +
             a.note_template * tmpl + a.note_personalized * pers + a.note_long_per_100_chars * extra_chars / 100.0 +
             a.warmup_touches * touches + a.warmup_days * days + a.teamlink * (f.teamlink ? 1.0 : 0.0) + a.gap_up * gap_up + a.gap_down * gap_down +
             a.profile_strength * profile + a.latent * z_accept + a.seniority[level];
  u.decline = d.intercept + d.mutual * mutual + d.note_personalized * pers + d.latent * z_accept + d.seniority[level];
  u.report = r.intercept + r.mutual * mutual + r.same_industry * industry + r.same_region * region +
             r.note_template * tmpl + r.note_personalized * pers + r.warmup_touches * touches +
             r.profile_strength * profile + r.latent * z_report;
  return u;
}

InviteProbabilities softmax(const Utilities& u) {
  // Subtracting the largest utility (ignore's is 0) keeps exp() in range for any coefficients.
  const double m = std::max({0.0, u.accept, u.decline, u.report});
  const double ea = std::exp(u.accept - m), ed = std::exp(u.decline - m), er = std::exp(u.report - m);
  const double ei = m == 0.0 ? 1.0 : std::exp(-m);
  const double total = ea + ed + er + ei;
  return {ea / total, ed / total, er / total, ei / total};
}

}  // namespace

InviteProbabilities invite_decision_probabilities(const InviteParams& p, const InviteFeatures& f) {
  return softmax(utilities(p, f));
}

InviteProbabilities invite_outcome_probabilities(const InviteParams& p, const InviteFeatures& f) {
  InviteProbabilities d = invite_decision_probabilities(p, f);
  // The delay is k whole days plus a uniform part of the next 24 hours; it fits within
  // expiry_days exactly when k < expiry_days.
  const double seen = probability_within_days(daily_action_probability(f.activity, p.attention), p.expiry_days);
  d.accept *= seen;
  d.decline *= seen;
  d.report *= seen;
  d.ignore = 1.0 - d.accept - d.decline - d.report;
  return d;
}

InviteOutcome draw_invite_outcome(const InviteParams& p, const InviteFeatures& f, core::Rng& rng) {
  const double u_decision = core::uniform01(rng);
  const double u_days = core::uniform01(rng);
  const double u_within = core::uniform01(rng);
  const InviteProbabilities d = invite_decision_probabilities(p, f);
  const core::Time expiry = static_cast<core::Time>(p.expiry_days) * core::kDay;
  InviteResponse decision = InviteResponse::kIgnore;
  if (u_decision < d.accept) decision = InviteResponse::kAccept;
  else if (u_decision < d.accept + d.decline) decision = InviteResponse::kDecline;
  else if (u_decision < d.accept + d.decline + d.report) decision = InviteResponse::kReport;
  if (decision == InviteResponse::kIgnore) return {InviteResponse::kIgnore, expiry};
  const core::Time delay = active_delay(daily_action_probability(f.activity, p.attention), u_days, u_within);
  if (delay >= expiry) return {InviteResponse::kIgnore, expiry};  // never looked before it expired
  return {decision, delay};
}

InviteOutcome draw_invite_outcome(const ResponseParams& params, const InviteFeatures& f, core::Rng& rng) {
  return draw_invite_outcome(params.invite, f, rng);
}

}  // namespace linksim::model
