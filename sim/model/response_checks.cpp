// Range and consistency checks of `world.response`: the schema's ranges repeated (parameters may
// also be built in code) and what the schema cannot say (monotone latent terms, shares that sum).
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

using config::Issue;

namespace {

/// Collects range problems under one path.
class Checker {
 public:
  Checker(std::string path, std::vector<Issue>& out) : path_(std::move(path)), out_(out) {}
  Checker sub(const char* key) const { return Checker(config::join_path(path_, key), out_); }

  void in(const char* key, double v, double lo, double hi) const {
    if (!(v >= lo && v <= hi)) add(key, fmt::format("a number in [{}, {}]", lo, hi), v);
  }
  void prob(const char* key, double v) const { in(key, v, 0.0, 1.0); }
  /// Open at zero: (0, hi].
  void positive(const char* key, double v, double hi) const {
    if (!(v > 0.0 && v <= hi)) add(key, fmt::format("a number in (0, {}]", hi), v);
  }
  /// A log-odds coefficient: finite and small enough that exp() cannot overflow.
  void coef(const char* key, double v) const { in(key, v, -kCoefBound, kCoefBound); }
  void int_in(const char* key, int v, int lo, int hi) const {
    if (v < lo || v > hi) add(key, fmt::format("an integer in [{}, {}]", lo, hi), v);
  }
  void terms(const char* key, const SeniorityTerms& t) const {
    for (std::size_t i = 0; i < t.size(); ++i)
      if (!(std::fabs(t[i]) <= kCoefBound))
        out_.push_back({config::join_path(config::join_path(path_, key), i),
                        fmt::format("a number in [{}, {}]", -kCoefBound, kCoefBound), fmt::format("{}", t[i]), {}});
  }
  void fail(const char* key, const std::string& expected, const std::string& found) const {
    out_.push_back({config::join_path(path_, key), expected, found, {}});
  }

  static constexpr double kCoefBound = 20.0;

 private:
  void add(const char* key, const std::string& expected, double v) const {
    out_.push_back({config::join_path(path_, key), expected, fmt::format("{}", v), {}});
  }
  std::string path_;
  std::vector<Issue>& out_;
};

}  // namespace

void check(const InviteParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  const Checker a = c.sub("accept"), d = c.sub("decline"), r = c.sub("report");
  for (auto [key, v] : {std::pair{"intercept", p.accept.intercept}, {"mutual", p.accept.mutual},
                        {"same_industry", p.accept.same_industry}, {"same_region", p.accept.same_region},
                        {"note_template", p.accept.note_template}, {"note_personalized", p.accept.note_personalized},
                        {"note_long_per_100_chars", p.accept.note_long_per_100_chars},
                        {"warmup_touches", p.accept.warmup_touches}, {"warmup_days", p.accept.warmup_days},
                        {"teamlink", p.accept.teamlink}, {"gap_up", p.accept.gap_up}, {"gap_down", p.accept.gap_down},
                        {"profile_strength", p.accept.profile_strength}})
    a.coef(key, v);
  a.terms("seniority", p.accept.seniority);
  // Monotone in the latent trait: a member with a higher accept propensity must never accept
  // less (the metamorphic tests rely on it), so accept.latent >= 0 >= decline.latent.
  a.in("latent", p.accept.latent, 0.0, Checker::kCoefBound);
  for (auto [key, v] : {std::pair{"intercept", p.decline.intercept}, {"mutual", p.decline.mutual},
                        {"note_personalized", p.decline.note_personalized}})
    d.coef(key, v);
  d.in("latent", p.decline.latent, -Checker::kCoefBound, 0.0);
  d.terms("seniority", p.decline.seniority);
  for (auto [key, v] : {std::pair{"intercept", p.report.intercept}, {"mutual", p.report.mutual},
                        {"same_industry", p.report.same_industry}, {"same_region", p.report.same_region},
                        {"note_template", p.report.note_template}, {"note_personalized", p.report.note_personalized},
                        {"warmup_touches", p.report.warmup_touches}, {"profile_strength", p.report.profile_strength}})
    r.coef(key, v);
  r.in("latent", p.report.latent, 0.0, Checker::kCoefBound);
  c.int_in("long_note_from_chars", p.long_note_from_chars, 0, 8000);
  c.positive("attention", p.attention, 1.0);
  c.int_in("expiry_days", p.expiry_days, 1, 3650);
  c.prob("teamlink_share", p.teamlink_share);
}

void check(const ReplyParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  for (auto [key, v] : {std::pair{"intercept", p.intercept}, {"personalized", p.personalized},
                        {"mutual", p.mutual}, {"warmup_touches", p.warmup_touches}, {"inbound", p.inbound},
                        {"existing_connection", p.existing_connection}})
    c.coef(key, v);
  c.in("latent", p.latent, 0.0, Checker::kCoefBound);
  c.terms("seniority", p.seniority);
  c.prob("decay", p.decay);
  c.positive("attention", p.attention, 1.0);
  c.int_in("window_days", p.window_days, 1, 3650);
}

void check(const InMailParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  for (auto [key, v] : {std::pair{"intercept", p.intercept}, {"personalized", p.personalized},
                        {"mutual", p.mutual}, {"same_industry", p.same_industry}})
    c.coef(key, v);
  c.in("latent", p.latent, 0.0, Checker::kCoefBound);
  c.terms("seniority", p.seniority);
  c.prob("positive_share", p.positive_share);
  c.positive("attention", p.attention, 1.0);
  c.int_in("window_days", p.window_days, 1, 3650);
}

void check(const ReputationParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  c.prob("initial", p.initial);
  c.in("memory_days", p.memory_days, 1.0, 365.0);
  c.positive("bounce_scale", p.bounce_scale, 1.0);
  c.positive("complaint_scale", p.complaint_scale, 1.0);
  c.prob("inbox_max", p.inbox_max);
  c.positive("inbox_exponent", p.inbox_exponent, 10.0);
}

void check(const EmailParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  const Checker f = c.sub("finder"), v = c.sub("verification"), d = c.sub("delivery");
  f.prob("find_probability", p.finder.find_probability);
  f.prob("wrong_address_rate", p.finder.wrong_address_rate);
  f.prob("catch_all_wrong_rate", p.finder.catch_all_wrong_rate);
  v.prob("recall", p.verification.recall);
  v.prob("false_reject", p.verification.false_reject);
  // A verifier that flags right addresses more often than wrong ones is worse than none: almost
  // certainly the two numbers were swapped.
  if (p.verification.recall < p.verification.false_reject)
    v.fail("recall", fmt::format("at least false_reject ({})", p.verification.false_reject),
           fmt::format("{}", p.verification.recall));
  d.prob("soft_bounce", p.delivery.soft_bounce);
  d.prob("catch_all_bounce", p.delivery.catch_all_bounce);
  d.prob("complaint_rate", p.delivery.complaint_rate);
  check(p.reputation, config::join_path(path, "reputation"), out);
  check(p.reply, config::join_path(path, "reply"), out);
}

void check(const FunnelParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  c.prob("lead_rate", p.lead_rate);
  c.prob("meeting_rate", p.meeting_rate);
  c.prob("opportunity_rate", p.opportunity_rate);
  c.positive("deal_value_median_usd", p.deal_value_median_usd, 1e9);
  c.in("deal_value_sigma", p.deal_value_sigma, 0.0, 5.0);
}

void check(const EffortParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker minutes(config::join_path(path, "minutes"), out), usd(config::join_path(path, "usd"), out);
  for (std::size_t i = 0; i < kActionCount; ++i) {
    minutes.in(action_names()[i], p.minutes[i], 0.0, 1440.0);
    usd.in(action_names()[i], p.usd[i], 0.0, 1e6);
  }
  Checker(path, out).in("hourly_rate_usd", p.hourly_rate_usd, 0.0, 1e5);
}

void check(const ContentParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  c.prob("audience_reach", p.audience_reach);
  c.int_in("feed_days", p.feed_days, 1, 30);
  c.int_in("feed_connections", p.feed_connections, 1, 30000);
  c.in("fatigue", p.fatigue, 0.0, 100.0);
  c.positive("fatigue_days", p.fatigue_days, 365.0);
  c.prob("engagement_rate", p.engagement_rate);
  c.prob("spread", p.spread);
  c.prob("hop_decay", p.hop_decay);
  c.int_in("max_hops", p.max_hops, 0, 10);
  c.prob("profile_view_rate", p.profile_view_rate);
  c.prob("follow_rate", p.follow_rate);
  c.prob("follow_first_connect", p.follow_first_connect);
  c.prob("profile_boost", p.profile_boost);
  c.prob("invite_rate", p.invite_rate);
  c.positive("response_hours", p.response_hours, 24.0 * 30);
  const Checker f = c.sub("formats");
  for (auto [key, v] : {std::pair{"text", p.formats.text}, {"image", p.formats.image}, {"video", p.formats.video},
                        {"carousel", p.formats.carousel}, {"poll", p.formats.poll}})
    f.positive(key, v, 10.0);
  const Checker in = c.sub("inbound");
  in.in("group_invites_per_week", p.inbound.group_invites_per_week, 0.0, 1000.0);
  in.in("event_invites_per_event", p.inbound.event_invites_per_event, 0.0, 10000.0);
  in.in("newsletter_invites_per_1k_week", p.inbound.newsletter_invites_per_1k_week, 0.0, 1000.0);
  in.in("company_page_follows_per_1k_week", p.inbound.company_page_follows_per_1k_week, 0.0, 1000.0);
}

std::vector<Issue> check_response_params(const ResponseParams& p, const std::string& path) {
  std::vector<Issue> out;
  check(p.invite, config::join_path(path, "invite"), out);
  check(p.reply, config::join_path(path, "reply"), out);
  check(p.inmail, config::join_path(path, "inmail"), out);
  check(p.email, config::join_path(path, "email"), out);
  check(p.funnel, config::join_path(path, "funnel"), out);
  check(p.costs, config::join_path(path, "costs"), out);
  check(p.content, config::join_path(path, "content"), out);
  return out;
}

}  // namespace linksim::model
