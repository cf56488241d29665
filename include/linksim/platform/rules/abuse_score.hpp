// A learning defense: a per-sender abuse score updated online from what happens to the sender's
// invitations, and a strike when it is high enough. A candidate defense, not a documented
// LinkedIn rule (off in both presets).
//
// Sources: SybilEdge (Breuer, Eilat, Weinsberg, "Friend or Faux: Graph-Based Early Detection of
// Fake Accounts on Social Networks", WWW 2020) keeps a Bayesian probability that an account is fake
// and updates it from each friend request's accept or reject, weighting each target's evidence by
// how that target treats fake and real accounts. Rejecto (Cao, Sirivianos, Yang, Munagala,
// "Combating Friend Spam Using Social Rejections", ICDCS 2015) uses rejected friend requests as the
// signal of friend spam.
//
// The model: naive Bayes in log-odds. A sender starts at L = logit(prior), prior being the share of
// abusive accounts. Each observed outcome adds its log likelihood ratio, P(outcome | abusive) /
// P(outcome | legitimate):
//   accepted                                  log(pa_abusive / pa_legit)
//   ignored (seen, left pending) or declined  log((1 - pa_abusive) / (1 - pa_legit))
//   reported ("I don't know this person")     log(pr_abusive / pr_legit)
// and each invitation the platform lets through adds, at commit,
//   log(pz_abusive / pz_legit)                 if the recipient has no mutual connection with the sender,
//   log((1 - pz_abusive) / (1 - pz_legit))     otherwise
// (pa: accepted share, pr: reported share, pz: share of invitations to members with no mutual
// connection). When P = sigmoid(L) reaches `threshold`, after at least `min_evidence` outcomes, a
// general strike on the ladder, and L and the counts start over at the prior: the sender must earn
// the score again; the ladder lifts its restrictions. The score is checked after every update
// (outcome or invitation). Equal likelihoods under both classes switch a signal off.
//
// Where it simplifies the sources:
// - no learned per-target weights (SybilEdge learns, per target, how often it accepts fakes and real
//   accounts): the platform here uses fixed per-outcome likelihoods, the same for every recipient,
//   given as parameters;
// - no graph partitioning (Rejecto cuts the graph to find groups of colluding accounts whose
//   requests the rest rejects): each sender is scored alone, from its own outcomes;
// - outcomes are taken as independent given the class (naive Bayes);
// - a report is its own outcome (its ratio pr_abusive / pr_legit, not also that of a refusal), and
//   an outcome without a report adds nothing for it (the factor (1 - pr_abusive) / (1 - pr_legit),
//   about 0.97 at the defaults, is left out);
// - no decay and no floor: a long record of accepted invitations keeps L far below the prior, and a
//   sender that turns abusive must first undo it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class AbuseScore final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "Candidate defense (not a documented LinkedIn rule): a per-sender naive-Bayes abuse score in log-odds, "
      "from logit(`prior`), adding each outcome's log likelihood ratio (accepted; ignored or declined; "
      "reported) and, per invitation let through, whether the recipient has no mutual connection; at a "
      "posterior of `threshold` or more after `min_evidence` outcomes, a strike, and the score starts over at "
      "the prior. Fixed per-outcome likelihoods (no learned per-target weights), no graph partitioning.";
  /// A platform patch under which the rule acts in a small scenario with every rule on: no minimum
  /// of evidence and a stranger signal stronger than the default (0.95 against 0.5), so the strikes
  /// come where the score crosses the threshold, which every parameter moves.
  /// tests/experiment/liveness_test.cpp varies each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen = R"({"rules": {"abuse_score": {"min_evidence": 0, "p_zero_mutual_abusive": 0.95, "p_zero_mutual_legit": 0.5}}})";
  /// Defaults are assumptions (ranges in brackets; sources in the presets).
  struct Params {
    double prior = 0.05;                  ///< base rate of abusive accounts [0.01, 0.15]
    double p_accept_abusive = 0.10;       ///< accepted share of an abusive sender's invitations [0.02, 0.2]
    double p_accept_legit = 0.35;         ///< accepted share of a legitimate sender's [0.25, 0.5]
    double p_report_abusive = 0.03;       ///< reported share, abusive [0.01, 0.1]
    double p_report_legit = 0.003;        ///< reported share, legitimate [0.001, 0.01]
    double p_zero_mutual_abusive = 0.95;  ///< share to members with no mutual connection, abusive [0.8, 1)
    double p_zero_mutual_legit = 0.9;     ///< the same, legitimate [0.4, 0.95]
    double threshold = 0.95;              ///< posterior that makes a strike [0.9, 0.99]
    std::uint32_t min_evidence = 20;      ///< no strike on fewer outcomes [5, 50]
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  AbuseScore(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "abuse_score"; }
  /// Refuses nothing itself: its strikes restrict through the ladder.
  std::uint32_t checks() const override { return 0; }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t outcomes() const override;
  RuleCheck check(const Action&, SenderId, core::Time, const SenderBook&) const override { return RuleCheck::pass(); }
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  void observe(const Outcome& o, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// P(abusive | the evidence since the last strike) = sigmoid(L).
  double posterior(SenderId s) const;
  /// The log-odds L.
  double log_odds(SenderId s) const { return log_odds_[s]; }
  /// Outcomes counted since the last strike (accepted, ignored or declined, reported).
  std::uint32_t evidence(SenderId s) const { return accepted_[s] + refused_[s] + reported_[s]; }

 private:
  void update(SenderId s, double weight, core::Time now, Context& ctx);
  std::string state_text(SenderId s) const;

  Params p_;
  double start_;                                 ///< logit(prior)
  double w_accepted_, w_refused_, w_reported_;   ///< log likelihood ratios of the outcomes
  double w_stranger_, w_mutual_;                 ///< of an invitation without / with mutual connections
  std::vector<double> log_odds_;
  std::vector<std::uint32_t> accepted_, refused_, reported_, invites_, strangers_;  ///< since the last strike
};

}  // namespace linksim::platform
