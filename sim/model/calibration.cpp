// Monte Carlo measurement of the calibration figures with the model's own draw functions.
#include "linksim/model/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "linksim/model/email_delivery.hpp"
#include "linksim/model/inmail.hpp"
#include "linksim/model/reply.hpp"
#include "linksim/model/sender_reputation.hpp"
#include "model/target_features.hpp"

namespace linksim::model {

namespace {

double uniform_in(core::Rng& rng, double lo, double hi) { return lo + (hi - lo) * core::uniform01(rng); }

std::size_t pick(core::Rng& rng, const double* shares, std::size_t n) {
  double u = core::uniform01(rng);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (u < shares[i]) return i;
    u -= shares[i];
  }
  return n - 1;
}

struct EmailCampaign {
  double looked_up = 0, found_single = 0, found = 0, found_catch_all = 0;
  double first_sent = 0, first_bounced = 0, emails_sent = 0, complaints = 0;
  std::vector<double> replies_by_touch;
  double final_inbox = 0, inbox_sum = 0;
};

/// A campaign at a steady pace: first emails to `per_day` new prospects a day, a follow-up every
/// three days until a reply, a bounce or the end of the sequence; reputation updated daily.
EmailCampaign run_email_campaign(const EmailParams& e, const std::vector<Target>& targets, const CalibrationOptions& o,
                                 bool verify, core::Rng& rng) {
  struct Pending {
    FoundEmail address;
    std::uint32_t target;
    std::uint8_t touch;
  };
  constexpr std::size_t kGapDays = 3;
  EmailCampaign c;
  c.replies_by_touch.assign(o.email_touches, 0.0);
  SenderReputation reputation(e.reputation);
  const std::size_t per_day = std::max(1u, o.emails_per_day);
  const std::size_t days = (targets.size() + per_day - 1) / per_day + kGapDays * o.email_touches + 1;
  std::vector<std::vector<Pending>> due(days);
  std::size_t next_target = 0;
  for (std::size_t day = 0; day < days; ++day) {
    for (std::size_t k = 0; k < per_day && next_target < targets.size(); ++k, ++next_target) {
      const Target& t = targets[next_target];
      c.looked_up += 1;
      c.found_single += find_email(e.finder, t.email, 1, rng).status != FinderStatus::kNotFound ? 1 : 0;
      const FoundEmail address = find_email(e.finder, t.email, o.chained_providers, rng);
      if (address.status == FinderStatus::kNotFound) continue;
      c.found += 1;
      c.found_catch_all += address.status == FinderStatus::kFoundCatchAll ? 1 : 0;
      if (verify && verify_email(e.verification, address, rng) == Verdict::kInvalid) continue;
      due[day].push_back({address, static_cast<std::uint32_t>(next_target), 0});
    }
    for (std::size_t i = 0; i < due[day].size(); ++i) {
      const Pending pending = due[day][i];
      c.inbox_sum += reputation.inbox_probability();
      const DeliveryDraw d = deliver_email(e, pending.address, reputation.inbox_probability(), rng);
      const bool bounced = d.delivery == Delivery::kBounced;
      reputation.record(bounced, d.complaint);
      c.emails_sent += 1;
      c.complaints += d.complaint ? 1 : 0;
      if (pending.touch == 0) {
        c.first_sent += 1;
        c.first_bounced += bounced ? 1 : 0;
      }
      if (bounced) continue;  // the sender sees the bounce and stops
      const ReplyDraw r = draw_reply(e.reply, reply_features(targets[pending.target]), pending.touch, rng);
      if (d.delivery == Delivery::kInbox && r.replied) {
        c.replies_by_touch[pending.touch] += 1;
        continue;
      }
      if (pending.touch + 1u < o.email_touches && day + kGapDays < days)
        due[day + kGapDays].push_back({pending.address, pending.target, static_cast<std::uint8_t>(pending.touch + 1)});
    }
    due[day].clear();
    due[day].shrink_to_fit();
    reputation.end_day();
  }
  c.final_inbox = reputation.inbox_probability();
  return c;
}

CalibrationFigure checked(std::string name, double measured, double lo, double hi, double point, std::string source) {
  return {std::move(name), measured, lo, hi, point, true, std::move(source)};
}
CalibrationFigure reported(std::string name, double measured, std::string note) {
  return {std::move(name), measured, 0.0, 0.0, 0.0, false, std::move(note)};
}

}  // namespace

SyntheticTargets::SyntheticTargets(SyntheticPopulation p) : p_(p) {
  auto share_sum = [](const auto& a) { return std::accumulate(a.begin(), a.end(), 0.0); };
  auto bad = [](const std::string& field, const std::string& why) {
    throw std::invalid_argument("SyntheticPopulation." + field + ": " + why);
  };
  for (double s : p_.seniority_shares) if (!(s >= 0.0)) bad("seniority_shares", "shares must be >= 0");
  if (std::fabs(share_sum(p_.seniority_shares) - 1.0) > 1e-9) bad("seniority_shares", "shares must sum to 1");
  for (double s : p_.activity_shares) if (!(s >= 0.0)) bad("activity_shares", "shares must be >= 0");
  if (std::fabs(share_sum(p_.activity_shares) - 1.0) > 1e-9) bad("activity_shares", "shares must sum to 1");
  for (const auto& r : p_.activity_ranges)
    if (!(r[0] >= 0.0 && r[0] <= r[1] && r[1] <= 1.0)) bad("activity_ranges", "each range must satisfy 0 <= lo <= hi <= 1");
  for (double s : {p_.same_industry, p_.same_region, p_.mutual_same_industry, p_.mutual_same_region, p_.cold_no_mutual,
                   p_.email_catch_all, p_.email_undiscoverable})
    if (!(s >= 0.0 && s <= 1.0)) bad("probabilities", "every share must be in [0, 1]");
  if (p_.email_catch_all + p_.email_undiscoverable > 1.0) bad("email_catch_all", "catch-all + undiscoverable must be <= 1");
  if (!(p_.cold_mutual_mean >= 1.0)) bad("cold_mutual_mean", "must be >= 1 (at least one shared connection)");
  if (p_.mutual_min < 1 || p_.mutual_min > p_.mutual_max) bad("mutual_min", "need 1 <= mutual_min <= mutual_max");
}

Target SyntheticTargets::draw(core::Rng& rng, Segment segment) {
  Target t;
  t.seniority = static_cast<std::uint8_t>(pick(rng, p_.seniority_shares.data(), p_.seniority_shares.size()));
  const bool mutual_segment = segment == Segment::kMutual;
  t.same_industry = core::bernoulli(rng, mutual_segment ? p_.mutual_same_industry : p_.same_industry);
  t.same_region = core::bernoulli(rng, mutual_segment ? p_.mutual_same_region : p_.same_region);
  const double u_mutual = core::uniform01(rng);
  if (mutual_segment) {
    const double lo = std::log(static_cast<double>(p_.mutual_min));
    const double hi = std::log(static_cast<double>(p_.mutual_max) + 1.0);
    t.mutual_connections = std::min(p_.mutual_max, static_cast<std::uint32_t>(std::exp(lo + (hi - lo) * u_mutual)));
  } else if (u_mutual >= p_.cold_no_mutual) {
    // 1 + geometric failures with success 1/mean: the mean is cold_mutual_mean.
    const std::uint64_t extra = core::geometric(rng, 1.0 / p_.cold_mutual_mean);
    t.mutual_connections = 1 + static_cast<std::uint32_t>(std::min<std::uint64_t>(extra, 1000));
  }
  t.accept_propensity = static_cast<float>(core::normal(rng));
  t.report_propensity = static_cast<float>(core::normal(rng));
  const std::size_t band = pick(rng, p_.activity_shares.data(), p_.activity_shares.size());
  t.activity = static_cast<float>(uniform_in(rng, p_.activity_ranges[band][0], p_.activity_ranges[band][1]));
  const double u_email = core::uniform01(rng);
  t.email = u_email < p_.email_undiscoverable ? EmailDomain::kUndiscoverable
            : u_email < p_.email_undiscoverable + p_.email_catch_all ? EmailDomain::kCatchAll
                                                                     : EmailDomain::kStandard;
  return t;
}

InviteFeatures cold_invite(const Target& t, const Sender& s) {
  InviteFeatures f;
  f.mutual_connections = t.mutual_connections;
  f.same_industry = t.same_industry;
  f.same_region = t.same_region;
  f.target_seniority = t.seniority;
  f.sender_seniority = s.seniority;
  f.sender_profile_strength = s.profile_strength;
  f.accept_propensity = t.accept_propensity;
  f.report_propensity = t.report_propensity;
  f.activity = t.activity;
  return f;
}

InviteFeatures personalized_invite(const Target& t, const Sender& s, std::uint16_t length) {
  InviteFeatures f = cold_invite(t, s);
  f.note = NoteKind::kPersonalized;
  f.note_length = length;
  return f;
}

InviteFeatures warmup_invite(const Target& t, const Sender& s) {
  InviteFeatures f = cold_invite(t, s);
  f.warmup_touches = 3;
  f.warmup_days = 7;
  return f;
}

const CalibrationFigure& figure(const std::vector<CalibrationFigure>& figures, const std::string& name) {
  for (const auto& f : figures)
    if (f.name == name) return f;
  throw std::out_of_range("no calibration figure named " + name);
}

std::vector<CalibrationFigure> measure_calibration(const ResponseParams& p, TargetSampler& sampler, const CalibrationOptions& o) {
  if (o.samples == 0 || o.reply_touches == 0 || o.email_touches == 0 || o.chained_providers == 0)
    throw std::invalid_argument("CalibrationOptions: samples, reply_touches, email_touches and chained_providers must be > 0");
  core::Rng pop = core::make_rng(o.seed, 0, core::Purpose::kMembers);
  core::Rng rng = core::make_rng(o.seed, 0, core::Purpose::kResponses);
  core::Rng mail = core::make_rng(o.seed, 0, core::Purpose::kEmail);
  const Sender sender;
  const double n = static_cast<double>(o.samples);

  std::vector<Target> cold(o.samples), mutual(o.samples);
  for (auto& t : cold) t = sampler.draw(pop, Segment::kCold);
  for (auto& t : mutual) t = sampler.draw(pop, Segment::kMutual);

  // Invitations: the same prospects, invited cold, with a short note, and after a warm-up.
  double cold_acc = 0, cold_dec = 0, cold_rep = 0, pers_acc = 0, pers_rep = 0, warm_acc = 0, mutual_acc = 0;
  double accepted_replies = 0, accepted_within_week = 0, accepted_within_horizon = 0;
  std::vector<double> accept_days;
  for (const Target& t : cold) {
    const InviteOutcome c = draw_invite_outcome(p, cold_invite(t, sender), rng);
    cold_acc += c.outcome == InviteResponse::kAccept;
    cold_dec += c.outcome == InviteResponse::kDecline;
    cold_rep += c.outcome == InviteResponse::kReport;
    if (c.outcome == InviteResponse::kAccept) {
      accept_days.push_back(static_cast<double>(c.delay_seconds) / static_cast<double>(core::kDay));
      accepted_within_week += c.delay_seconds < core::kWeek;
      accepted_within_horizon += c.delay_seconds < 84 * core::kDay;
      for (unsigned k = 0; k < o.reply_touches; ++k)
        if (draw_reply(p.reply, reply_features(t), k, rng).replied) {
          accepted_replies += 1;
          break;
        }
    }
    const auto length = static_cast<std::uint16_t>(80 + core::uniform_below(rng, 121));  // 80–200 characters
    const InviteOutcome q = draw_invite_outcome(p, personalized_invite(t, sender, length), rng);
    pers_acc += q.outcome == InviteResponse::kAccept;
    pers_rep += q.outcome == InviteResponse::kReport;
    warm_acc += draw_invite_outcome(p, warmup_invite(t, sender), rng).outcome == InviteResponse::kAccept;
  }
  for (const Target& t : mutual) mutual_acc += draw_invite_outcome(p, cold_invite(t, sender), rng).outcome == InviteResponse::kAccept;

  // Seniority: personalized invitations to mid-level (manager or director, 25:10 as in the
  // population) and to C-suite prospects, otherwise drawn like the cold prospects.
  double mid_acc = 0, csuite_acc = 0;
  for (std::size_t i = 0; i < o.samples; ++i) {
    Target t = sampler.draw(pop, Segment::kCold);
    t.seniority = core::uniform01(pop) < 25.0 / 35.0 ? 1 : 2;
    mid_acc += draw_invite_outcome(p, personalized_invite(t, sender, 150), rng).outcome == InviteResponse::kAccept;
    t.seniority = 4;
    csuite_acc += draw_invite_outcome(p, personalized_invite(t, sender, 150), rng).outcome == InviteResponse::kAccept;
  }

  // InMail to cold prospects.
  double inmail_generic = 0, inmail_pers = 0;
  for (const Target& t : cold) {
    inmail_generic += draw_inmail_response(p.inmail, inmail_features(t, false), rng).responded;
    inmail_pers += draw_inmail_response(p.inmail, inmail_features(t, true), rng).responded;
  }

  // Email campaigns to the cold prospects: unverified and verified, chained finders.
  const EmailCampaign unverified = run_email_campaign(p.email, cold, o, false, mail);
  const EmailCampaign verified = run_email_campaign(p.email, cold, o, true, mail);
  const double replies = std::accumulate(verified.replies_by_touch.begin(), verified.replies_by_touch.end(), 0.0);

  std::sort(accept_days.begin(), accept_days.end());
  const double median_days = accept_days.empty() ? 0.0 : accept_days[accept_days.size() / 2];
  const double accepted = std::max(cold_acc, 1.0);
  std::vector<CalibrationFigure> f;
  f.push_back(checked("invite.cold_no_note.accept", cold_acc / n, 0.25, 0.35, 0.27, "practitioners: 25-35% (~27%), practitioner"));
  f.push_back(checked("invite.short_personalized_note.accept", pers_acc / n, 0.30, 0.40, 0.35, "practitioners: 30-40% (~35%), practitioner"));
  f.push_back(checked("invite.personalized.mid_level.accept", mid_acc / n, 0.34, 0.44, 0.39, "practitioners: ~39% mid-level (tolerance ±5 points)"));
  f.push_back(checked("invite.personalized.c_suite.accept", csuite_acc / n, 0.14, 0.24, 0.19, "practitioners: ~19% C-suite (tolerance ±5 points)"));
  f.push_back(checked("invite.mutual_3_to_50.accept", mutual_acc / n, 0.50, 0.70, 0.60, "practitioners: 50-70% with shared connections"));
  f.push_back(checked("invite.warmup_3_touches.accept", warm_acc / n, 0.50, 0.70, 0.55, "practitioners: 50-70% after warm-up"));
  f.push_back(checked("reply.after_connect.per_accepted", accepted_replies / accepted, 0.24, 0.34, 0.29, "practitioners: ~29% of accepted reply (tolerance ±5 points)"));
  f.push_back(checked("reply.after_connect.per_sent", accepted_replies / n, 0.05, 0.10, 0.078, "practitioners: 5-10% of invites sent"));
  f.push_back(checked("inmail.generic.response", inmail_generic / n, 0.03, 0.08, 0.055, "practitioners: 3-8%"));
  f.push_back(checked("inmail.personalized.response", inmail_pers / n, 0.10, 0.25, 0.15, "practitioners: 10-25%"));
  f.push_back(checked("email.first_touch.reply_per_sent", verified.replies_by_touch[0] / std::max(verified.first_sent, 1.0), 0.02, 0.04, 0.03, "practitioners: ~3% (tolerance ±1 point)"));
  f.push_back(checked("email.follow_ups.share_of_replies", replies > 0 ? 1.0 - verified.replies_by_touch[0] / replies : 0.0, 0.40, 0.60, 0.50, "practitioners: follow-ups bring ~half of all replies (tolerance ±10 points)"));
  f.push_back(checked("email.bounce.unverified", unverified.first_bounced / std::max(unverified.first_sent, 1.0), 0.035, 0.065, 0.05, "practitioners: ~5% unverified (tolerance ±1.5 points)"));
  f.push_back(checked("email.bounce.verified", verified.first_bounced / std::max(verified.first_sent, 1.0), 0.0, 0.015, 0.01, "practitioners: <1.5% with verification"));
  f.push_back(checked("email.finder.single_provider_coverage", unverified.found_single / unverified.looked_up, 0.40, 0.75, 0.60, "practitioners: 40-75% single provider"));
  f.push_back(checked("email.finder.chained_coverage", unverified.found / unverified.looked_up, 0.80, 0.90, 0.85, "practitioners: ~85% chained (tolerance ±5 points)"));
  f.push_back(checked("email.finder.catch_all_share_of_found", unverified.found_catch_all / std::max(unverified.found, 1.0), 0.20, 0.40, 0.30, "practitioners: 20-40% of B2B domains are catch-all"));
  f.push_back(reported("invite.cold_no_note.decline", cold_dec / n, "assumption: ~10% (fit target)"));
  f.push_back(reported("invite.cold_no_note.report", cold_rep / n, "assumption: ~0.6%, set by the restriction targets (fit target)"));
  f.push_back(reported("invite.short_personalized_note.report", pers_rep / n, "prediction"));
  f.push_back(reported("invite.c_suite_over_mid_level", csuite_acc / std::max(mid_acc, 1.0), "practitioners: ratio ~0.49"));
  f.push_back(reported("invite.cold.accepted_within_7_days", accepted_within_week / accepted, "prediction: share of acceptances"));
  f.push_back(reported("invite.cold.accepted_within_84_days", accepted_within_horizon / accepted, "prediction: share of acceptances inside the default 12-week horizon"));
  f.push_back(reported("invite.cold.median_accept_days", median_days, "prediction"));
  f.push_back(reported("email.verified.mean_inbox_placement", verified.inbox_sum / std::max(verified.emails_sent, 1.0), "prediction"));
  f.push_back(reported("email.unverified.mean_inbox_placement", unverified.inbox_sum / std::max(unverified.emails_sent, 1.0), "prediction"));
  f.push_back(reported("email.verified.final_inbox_placement", verified.final_inbox, "prediction"));
  f.push_back(reported("email.unverified.final_inbox_placement", unverified.final_inbox, "prediction"));
  f.push_back(reported("email.verified.complaints_per_sent", verified.complaints / std::max(verified.emails_sent, 1.0), "prediction"));
  return f;
}

}  // namespace linksim::model
