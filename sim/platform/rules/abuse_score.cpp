#include "linksim/platform/rules/abuse_score.hpp"

#include <cmath>

#include <fmt/format.h>

namespace linksim::platform {

AbuseScore::Params AbuseScore::Params::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("prior", p.prior);
  r.get("p_accept_abusive", p.p_accept_abusive);
  r.get("p_accept_legit", p.p_accept_legit);
  r.get("p_report_abusive", p.p_report_abusive);
  r.get("p_report_legit", p.p_report_legit);
  r.get("p_zero_mutual_abusive", p.p_zero_mutual_abusive);
  r.get("p_zero_mutual_legit", p.p_zero_mutual_legit);
  r.get("threshold", p.threshold);
  r.get("min_evidence", p.min_evidence);
  r.finish();
  return p;
}

ParamSchema AbuseScore::Params::schema() {
  ParamSchema s = {
      {"prior",
       number_param("Base rate of abusive accounts: the score's starting probability.", Bounds().above(0).below(1))},
      {"p_accept_abusive",
       number_param("Accepted share of an abusive sender's invitations.", Bounds().above(0).below(1))},
      {"p_accept_legit",
       number_param("Accepted share of a legitimate sender's invitations.", Bounds().above(0).below(1))},
      {"p_report_abusive",
       number_param("Reported share of an abusive sender's invitations.", Bounds().above(0).below(1))},
      {"p_report_legit",
       number_param("Reported share of a legitimate sender's invitations.", Bounds().above(0).below(1))},
      {"p_zero_mutual_abusive",
       number_param("Share of an abusive sender's invitations to members with no mutual connection.", Bounds().above(0).below(1))},
      {"p_zero_mutual_legit",
       number_param("Share of a legitimate sender's invitations to members with no mutual connection.", Bounds().above(0).below(1))},
      {"threshold",
       number_param("Posterior probability of abuse that makes a strike (above the prior).", Bounds().above(0).below(1))},
      {"min_evidence", integer_param("No strike on fewer outcomes since the last strike.", Bounds().at_least(0).at_most(1000000))}};
  return s;
}

namespace {
bool open_unit(double x) { return x > 0.0 && x < 1.0; }
}  // namespace

void AbuseScore::Params::validate(const std::string& path, Issues& issues) const {
  const auto probability = [&](std::string_view key, double x) {
    expect(issues, open_unit(x), path, key, "a probability in (0, 1)", num(x));
  };
  probability("prior", prior);
  probability("p_accept_abusive", p_accept_abusive);
  probability("p_accept_legit", p_accept_legit);
  probability("p_report_abusive", p_report_abusive);
  probability("p_report_legit", p_report_legit);
  probability("p_zero_mutual_abusive", p_zero_mutual_abusive);
  probability("p_zero_mutual_legit", p_zero_mutual_legit);
  // At or below the prior, every sender would strike as soon as it has min_evidence outcomes.
  expect(issues, threshold < 1.0 && (open_unit(prior) ? threshold > prior : threshold > 0.0), path, "threshold",
         open_unit(prior) ? "a probability in (prior, 1) = (" + num(prior) + ", 1)" : "a probability in (0, 1)",
         num(threshold));
  expect(issues, min_evidence <= 1000000, path, "min_evidence", "an integer in [0, 1000000]",
         std::to_string(min_evidence));
}

namespace {
AbuseScore::Params checked(const AbuseScore::Params& p) {
  Issues issues;
  p.validate("abuse_score", issues);
  throw_if_invalid("AbuseScore", issues);
  return p;
}
double logit(double p) { return std::log(p / (1.0 - p)); }
}  // namespace

AbuseScore::AbuseScore(const Params& p, const SenderBook& book)
    : p_(checked(p)),
      start_(logit(p.prior)),
      w_accepted_(std::log(p.p_accept_abusive / p.p_accept_legit)),
      w_refused_(std::log((1.0 - p.p_accept_abusive) / (1.0 - p.p_accept_legit))),
      w_reported_(std::log(p.p_report_abusive / p.p_report_legit)),
      w_stranger_(std::log(p.p_zero_mutual_abusive / p.p_zero_mutual_legit)),
      w_mutual_(std::log((1.0 - p.p_zero_mutual_abusive) / (1.0 - p.p_zero_mutual_legit))),
      log_odds_(book.size(), start_),
      accepted_(book.size(), 0),
      refused_(book.size(), 0),
      reported_(book.size(), 0),
      invites_(book.size(), 0),
      strangers_(book.size(), 0) {}

std::uint32_t AbuseScore::outcomes() const {
  return outcome_bit(OutcomeKind::kAccepted) | outcome_bit(OutcomeKind::kIgnored) |
         outcome_bit(OutcomeKind::kDeclined) | outcome_bit(OutcomeKind::kReported);
}

double AbuseScore::posterior(SenderId s) const { return 1.0 / (1.0 + std::exp(-log_odds_[s])); }

void AbuseScore::commit(const Action& a, SenderId s, core::Time now, Context& ctx) {
  ++invites_[s];
  if (a.mutual == 0) ++strangers_[s];
  update(s, a.mutual == 0 ? w_stranger_ : w_mutual_, now, ctx);
}

void AbuseScore::observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) {
  switch (o.kind) {
    case OutcomeKind::kAccepted:
      ++accepted_[s];
      update(s, w_accepted_, now, ctx);
      break;
    case OutcomeKind::kIgnored:
    case OutcomeKind::kDeclined:
      ++refused_[s];
      update(s, w_refused_, now, ctx);
      break;
    case OutcomeKind::kReported:
      ++reported_[s];
      update(s, w_reported_, now, ctx);
      break;
    default: break;
  }
}

void AbuseScore::update(SenderId s, double weight, core::Time now, Context& ctx) {
  log_odds_[s] += weight;
  const double p = posterior(s);
  if (p < p_.threshold || evidence(s) < p_.min_evidence) return;
  // Shown rounded down, so the score never reads above what it was.
  const std::string reason =
      fmt::format("abuse score {:.3f} ≥ {} after {}", std::floor(p * 1000.0) / 1000.0, num(p_.threshold), state_text(s));
  log_odds_[s] = start_;
  accepted_[s] = refused_[s] = reported_[s] = invites_[s] = strangers_[s] = 0;
  ctx.ladder.strike(s, now, StrikeKind::kGeneral, reason);
}

std::string AbuseScore::state_text(SenderId s) const {
  return fmt::format("{} outcomes: {} accepted, {} ignored or declined, {} reported ({} invitations, {} to members "
                     "with no mutual connection)",
                     evidence(s), accepted_[s], refused_[s], reported_[s], invites_[s], strangers_[s]);
}

std::string AbuseScore::describe(const Action&, SenderId s, core::Time, const SenderBook&) const {
  return fmt::format("abuse score {:.3f} after {}; a strike at {} after at least {} outcomes", posterior(s),
                     state_text(s), num(p_.threshold), p_.min_evidence);
}

}  // namespace linksim::platform
