// Coordinate-wise root finding (TOMS 748) of the fitted response parameters on expected values
// (no Monte Carlo noise: each objective is a smooth, monotone function of its own parameter).
#include "linksim/model/calibration_fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include <boost/math/tools/toms748_solve.hpp>

#include "linksim/model/active_delay.hpp"
#include "linksim/model/email_delivery.hpp"
#include "linksim/model/inmail.hpp"
#include "linksim/model/reply.hpp"
#include "model/target_features.hpp"

namespace linksim::model {

namespace {

struct Sample {
  std::vector<Target> cold, mutual;
};

Sample draw_sample(TargetSampler& sampler, const FitOptions& o) {
  core::Rng rng = core::make_rng(o.seed, 0, core::Purpose::kMembers, 1);
  Sample s;
  s.cold.resize(o.samples);
  s.mutual.resize(o.samples);
  for (auto& t : s.cold) t = sampler.draw(rng, Segment::kCold);
  for (auto& t : s.mutual) t = sampler.draw(rng, Segment::kMutual);
  return s;
}

template <class F>
double mean_over(const std::vector<Target>& targets, F f) {
  double sum = 0.0;
  for (const Target& t : targets) sum += f(t);
  return sum / static_cast<double>(targets.size());
}

double personalized_accept_at(const ResponseParams& p, const std::vector<Target>& cold, std::uint8_t level) {
  const Sender s;
  return mean_over(cold, [&](const Target& t) {
    Target u = t;
    u.seniority = level;
    return invite_outcome_probabilities(p.invite, personalized_invite(u, s, 150)).accept;
  });
}

struct EmailExpect {
  double single_coverage = 0, unverified_bounce = 0, verified_bounce = 0, first_reply = 0, follow_share = 0;
};

EmailExpect email_expect(const ResponseParams& p, const std::vector<Target>& cold, const FitOptions& o) {
  const EmailParams& e = p.email;
  const double w = e.finder.wrong_address_rate, cw = e.finder.catch_all_wrong_rate;
  const double soft = e.delivery.soft_bounce, cb = e.delivery.catch_all_bounce;
  const double recall = e.verification.recall, fr = e.verification.false_reject;
  double cov1 = 0, u_sent = 0, u_bounce = 0, v_sent = 0, v_bounce = 0;
  std::vector<double> deliverable(cold.size(), 0.0);
  for (std::size_t i = 0; i < cold.size(); ++i) {
    const Target& t = cold[i];
    cov1 += finder_coverage(e.finder, t.email, 1);
    const double found = finder_coverage(e.finder, t.email, o.chained_providers);
    if (t.email == EmailDomain::kStandard) {
      u_sent += found;
      u_bounce += found * (w + (1 - w) * soft);
      v_sent += found * ((1 - w) * (1 - fr) + w * (1 - recall));
      v_bounce += found * (w * (1 - recall) + (1 - w) * (1 - fr) * soft);
      deliverable[i] = found * (1 - w) * (1 - fr) * (1 - soft);
    } else if (t.email == EmailDomain::kCatchAll) {
      const double bounce = cb + (1 - cb) * soft;
      u_sent += found;
      u_bounce += found * bounce;
      v_sent += found;
      v_bounce += found * bounce;
      deliverable[i] = found * (1 - cw) * (1 - bounce);
    }
  }
  EmailExpect x;
  const double n = static_cast<double>(cold.size());
  x.single_coverage = cov1 / n;
  x.unverified_bounce = u_bounce / std::max(u_sent, 1e-300);
  x.verified_bounce = v_bounce / std::max(v_sent, 1e-300);
  // Steady-state reputation of the verified campaign. Mailbox providers see every email, so the
  // rates count follow-ups too: a deliverable address gets follow-ups until it replies, a wrong
  // catch-all guess ("lost") gets all of them, a bounced one none. Iterated to the fixed point
  // r = health(bounce rate(r), complaint rate(r)).
  const ReputationParams& rp = e.reputation;
  const unsigned touches = o.email_touches;
  std::vector<ReplyFeatures> features(cold.size());
  for (std::size_t i = 0; i < cold.size(); ++i) features[i] = reply_features(cold[i]);
  double delivered = 0.0, lost_followups = 0.0;
  for (double d : deliverable) delivered += d;
  for (std::size_t i = 0; i < cold.size(); ++i) {
    const Target& t = cold[i];
    if (t.email != EmailDomain::kCatchAll) continue;
    const double found = finder_coverage(e.finder, t.email, o.chained_providers);
    lost_followups += found * cw * (1 - (cb + (1 - cb) * soft)) * static_cast<double>(touches - 1);
  }
  double r = rp.initial, inbox = rp.inbox_max * std::pow(r, rp.inbox_exponent);
  double first = 0.0, later = 0.0;
  for (int it = 0; it < 100; ++it) {
    first = later = 0.0;
    double deliverable_emails = 0.0;  // emails to deliverable addresses (first + follow-ups)
    for (std::size_t i = 0; i < cold.size(); ++i) {
      if (deliverable[i] <= 0.0) continue;
      double none = 1.0, emails = 0.0;
      for (unsigned k = 0; k < touches; ++k) {
        emails += none;
        const double q = inbox * reply_probability(e.reply, features[i], k);
        (k == 0 ? first : later) += deliverable[i] * none * q;
        none *= 1.0 - q;
      }
      deliverable_emails += deliverable[i] * emails;
    }
    const double followups = deliverable_emails - delivered + lost_followups;
    const double emails = v_sent + followups;
    const double bounce_rate = (v_bounce + soft * followups) / std::max(emails, 1e-300);
    const double complaint_rate = deliverable_emails * inbox * e.delivery.complaint_rate / std::max(emails, 1e-300);
    const double r_next = std::exp(-bounce_rate / rp.bounce_scale - complaint_rate / rp.complaint_scale);
    const bool settled = std::fabs(r_next - r) < 1e-12;
    r = r_next;
    inbox = rp.inbox_max * std::pow(r, rp.inbox_exponent);
    if (settled) break;
  }
  x.first_reply = first / std::max(v_sent, 1e-300);
  x.follow_share = later / std::max(first + later, 1e-300);
  return x;
}

// TOMS 748 stops when the bracket [a, b] is 4 ulps of its larger end wide (relative, but not
// zero when the bracket holds 0), or after kMaxIterations iterations (the objectives are smooth:
// it takes about 10).
constexpr std::uintmax_t kMaxIterations = 200;
bool bracket_closed(double a, double b) {
  return std::fabs(b - a) <= 4.0 * std::numeric_limits<double>::epsilon() * std::max(std::fabs(a), std::fabs(b));
}

struct Knob {
  std::string parameter, figure;
  double target;
  double lo, hi;                                    ///< search range of the parameter
  std::function<double&(ResponseParams&)> value;    ///< the parameter itself
  std::function<void(ResponseParams&)> tie;         ///< keeps derived parameters in step
  std::function<double(const ResponseParams&)> objective;
};

std::vector<Knob> knobs(const Sample& s, const FitOptions& o) {
  const Sender snd;
  auto cold_probs = [&s, snd](const ResponseParams& p, auto pick_prob) {
    return mean_over(s.cold, [&](const Target& t) { return pick_prob(invite_outcome_probabilities(p.invite, cold_invite(t, snd))); });
  };
  auto no_tie = [](ResponseParams&) {};
  // Seniority: manager = director = mid; VP halfway between mid and C-suite.
  auto tie_seniority = [](ResponseParams& p) {
    auto& a = p.invite.accept.seniority;
    a[2] = a[1];
    a[3] = 0.5 * (a[1] + a[4]);
  };
  std::vector<Knob> k;
  k.push_back({"invite/accept/intercept", "cold no-note acceptance", 0.27, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.accept.intercept; }, no_tie,
               [=](const ResponseParams& p) { return cold_probs(p, [](const InviteProbabilities& q) { return q.accept; }); }});
  k.push_back({"invite/decline/intercept", "cold no-note decline (assumption)", 0.10, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.decline.intercept; }, no_tie,
               [=](const ResponseParams& p) { return cold_probs(p, [](const InviteProbabilities& q) { return q.decline; }); }});
  k.push_back({"invite/report/intercept", "cold no-note report (assumption, set by the restriction targets)", 0.006, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.report.intercept; }, no_tie,
               [=](const ResponseParams& p) { return cold_probs(p, [](const InviteProbabilities& q) { return q.report; }); }});
  k.push_back({"invite/accept/note_personalized", "short personalized note acceptance", 0.35, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.accept.note_personalized; }, no_tie,
               [&s, snd](const ResponseParams& p) {
                 return mean_over(s.cold, [&](const Target& t) { return invite_outcome_probabilities(p.invite, personalized_invite(t, snd, 150)).accept; });
               }});
  k.push_back({"invite/accept/seniority/1 (= /2)", "mid-level acceptance, personalized", 0.39, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.accept.seniority[1]; }, tie_seniority,
               [&s](const ResponseParams& p) {
                 return (25.0 * personalized_accept_at(p, s.cold, 1) + 10.0 * personalized_accept_at(p, s.cold, 2)) / 35.0;
               }});
  k.push_back({"invite/accept/seniority/4 (/3 = mean of /1 and /4)", "C-suite acceptance, personalized", 0.19, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.accept.seniority[4]; }, tie_seniority,
               [&s](const ResponseParams& p) { return personalized_accept_at(p, s.cold, 4); }});
  k.push_back({"invite/accept/mutual", "acceptance with 3-50 shared connections", 0.60, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.accept.mutual; }, no_tie,
               [&s, snd](const ResponseParams& p) {
                 return mean_over(s.mutual, [&](const Target& t) { return invite_outcome_probabilities(p.invite, cold_invite(t, snd)).accept; });
               }});
  k.push_back({"invite/accept/warmup_touches", "acceptance after 3 touches over 7 days", 0.55, -12, 12,
               [](ResponseParams& p) -> double& { return p.invite.accept.warmup_touches; }, no_tie,
               [&s, snd](const ResponseParams& p) {
                 return mean_over(s.cold, [&](const Target& t) { return invite_outcome_probabilities(p.invite, warmup_invite(t, snd)).accept; });
               }});
  k.push_back({"reply/intercept", "replies per accepted connection (3 touches)", 0.29, -12, 12,
               [](ResponseParams& p) -> double& { return p.reply.intercept; }, no_tie,
               [&s, snd, o](const ResponseParams& p) {
                 double acc = 0, rep = 0;
                 for (const Target& t : s.cold) {
                   const double a = invite_outcome_probabilities(p.invite, cold_invite(t, snd)).accept;
                   acc += a;
                   rep += a * sequence_reply_probability(p.reply, reply_features(t), o.reply_touches);
                 }
                 return rep / acc;
               }});
  k.push_back({"inmail/intercept", "generic InMail response", 0.055, -12, 12,
               [](ResponseParams& p) -> double& { return p.inmail.intercept; }, no_tie,
               [&s](const ResponseParams& p) {
                 return mean_over(s.cold, [&](const Target& t) { return inmail_response_probability(p.inmail, inmail_features(t, false)); });
               }});
  k.push_back({"inmail/personalized", "personalized InMail response", 0.15, -12, 12,
               [](ResponseParams& p) -> double& { return p.inmail.personalized; }, no_tie,
               [&s](const ResponseParams& p) {
                 return mean_over(s.cold, [&](const Target& t) { return inmail_response_probability(p.inmail, inmail_features(t, true)); });
               }});
  k.push_back({"email/finder/find_probability", "single-provider finder coverage", 0.60, 0, 1,
               [](ResponseParams& p) -> double& { return p.email.finder.find_probability; }, no_tie,
               [&s, o](const ResponseParams& p) { return email_expect(p, s.cold, o).single_coverage; }});
  k.push_back({"email/finder/wrong_address_rate", "bounce rate, unverified", 0.05, 0, 1,
               [](ResponseParams& p) -> double& { return p.email.finder.wrong_address_rate; }, no_tie,
               [&s, o](const ResponseParams& p) { return email_expect(p, s.cold, o).unverified_bounce; }});
  k.push_back({"email/reply/intercept", "first-email replies per email sent (verified)", 0.03, -12, 12,
               [](ResponseParams& p) -> double& { return p.email.reply.intercept; }, no_tie,
               [&s, o](const ResponseParams& p) { return email_expect(p, s.cold, o).first_reply; }});
  k.push_back({"email/reply/decay", "share of replies from follow-ups (4 emails)", 0.50, 0, 1,
               [](ResponseParams& p) -> double& { return p.email.reply.decay; }, no_tie,
               [&s, o](const ResponseParams& p) { return email_expect(p, s.cold, o).follow_share; }});
  return k;
}

/// Root of an increasing objective: bracket around the current value (doubling the step), then
/// Boost.Math's TOMS 748 (Alefeld, Potra & Shi 1995: never leaves the bracket, superlinear) until
/// the bracket is a few ulps wide; its midpoint.
double solve(const Knob& k, ResponseParams& p) {
  double& x = k.value(p);
  auto f = [&](double v) {
    x = v;
    k.tie(p);
    return k.objective(p) - k.target;
  };
  const double start = std::clamp(x, k.lo, k.hi);
  double step = 0.05 * (k.hi - k.lo);
  double lo = std::max(k.lo, start - step), hi = std::min(k.hi, start + step);
  double flo = f(lo), fhi = f(hi);
  while (flo > 0.0 && lo > k.lo) {
    hi = lo;
    fhi = flo;
    step *= 2.0;
    lo = std::max(k.lo, lo - step);
    flo = f(lo);
  }
  while (fhi < 0.0 && hi < k.hi) {
    lo = hi;
    flo = fhi;
    step *= 2.0;
    hi = std::min(k.hi, hi + step);
    fhi = f(hi);
  }
  double root = flo > 0.0 ? lo : (fhi < 0.0 ? hi : 0.5 * (lo + hi));  // unreachable target: the nearest end
  if (flo == 0.0 || fhi == 0.0) {
    root = flo == 0.0 ? lo : hi;
  } else if (flo < 0.0 && fhi > 0.0) {
    std::uintmax_t iterations = kMaxIterations;
    const auto [a, b] = boost::math::tools::toms748_solve(f, lo, hi, flo, fhi, bracket_closed, iterations);
    root = a + 0.5 * (b - a);
  }
  x = root;
  k.tie(p);
  return x;
}

FitReport report(const std::vector<Knob>& ks, ResponseParams& p) {
  FitReport r;
  for (const Knob& k : ks) r.entries.push_back({k.parameter, k.figure, k.target, k.objective(p), k.value(p)});
  return r;
}

}  // namespace

FitReport fit_response_params(ResponseParams& p, TargetSampler& sampler, const FitOptions& o) {
  const Sample s = draw_sample(sampler, o);
  const std::vector<Knob> ks = knobs(s, o);
  int round = 0;
  bool converged = false;
  while (round < o.max_rounds && !converged) {
    ++round;
    double moved = 0.0;
    for (const Knob& k : ks) {
      const double before = k.value(p);
      moved = std::max(moved, std::fabs(solve(k, p) - before));
    }
    converged = moved <= o.tolerance;
  }
  FitReport r = report(ks, p);
  r.rounds = round;
  r.converged = converged;
  return r;
}

FitReport evaluate_fit_targets(const ResponseParams& p, TargetSampler& sampler, const FitOptions& o) {
  const Sample s = draw_sample(sampler, o);
  ResponseParams copy = p;
  return report(knobs(s, o), copy);
}

}  // namespace linksim::model
