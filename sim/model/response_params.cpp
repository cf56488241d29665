// Reading and checking `world.response`. The schema has already checked types and ranges when
// the block comes from a scenario; the checks here repeat the ranges (parameters may also be
// built in code) and add what the schema cannot say.
#include "linksim/model/response_params.hpp"

#include <cmath>

#include <fmt/format.h>

#include "linksim/io/json_schema.hpp"

namespace linksim::model {

using nlohmann::json;
using io::Issue;

const std::array<const char*, kActionCount>& action_names() {
  static const std::array<const char*, kActionCount> names{
      "invite", "invite_note_template", "invite_note_personalized", "message", "follow_up", "inmail",
      "email", "email_follow_up", "engagement", "post", "finder_lookup", "verification",
      "accept_inbound", "withdraw"};
  return names;
}

namespace {

/// Reads keys of one JSON object, recording a missing key or a wrong type as an issue instead of
/// throwing, so that every problem is reported at once.
class Reader {
 public:
  Reader(const json* node, std::string path, std::vector<Issue>& issues)
      : node_(node), path_(std::move(path)), issues_(issues) {
    if (node_ != nullptr && !node_->is_object()) {
      issues_.push_back({path_, "an object", io::describe(*node_), {}});
      node_ = nullptr;
    }
  }

  Reader sub(const char* key) const { return Reader(find(key, "an object"), io::join_path(path_, key), issues_); }

  void number(const char* key, double& out) const {
    if (const json* v = find(key, "a number")) {
      if (v->is_number()) out = v->get<double>();
      else issues_.push_back({io::join_path(path_, key), "a number", io::describe(*v), {}});
    }
  }
  void integer(const char* key, int& out) const {
    if (const json* v = find(key, "an integer")) {
      const bool whole = v->is_number_integer() || (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>());
      if (whole && std::fabs(v->get<double>()) < 1e9) out = static_cast<int>(v->get<double>());
      else issues_.push_back({io::join_path(path_, key), "an integer", io::describe(*v), {}});
    }
  }
  template <std::size_t N>
  void numbers(const char* key, std::array<double, N>& out) const {
    const std::string expected = fmt::format("an array of {} numbers", N);
    if (const json* v = find(key, expected.c_str())) {
      if (!v->is_array() || v->size() != N) {
        issues_.push_back({io::join_path(path_, key), expected, io::describe(*v), {}});
        return;
      }
      for (std::size_t i = 0; i < N; ++i) {
        if ((*v)[i].is_number()) out[i] = (*v)[i].get<double>();
        else issues_.push_back({io::join_path(io::join_path(path_, key), i), "a number", io::describe((*v)[i]), {}});
      }
    }
  }

 private:
  const json* find(const char* key, const char* expected) const {
    if (node_ == nullptr) return nullptr;
    auto it = node_->find(key);
    if (it == node_->end()) {
      issues_.push_back({io::join_path(path_, key), expected, "nothing (missing key)", {}});
      return nullptr;
    }
    return &*it;
  }

  const json* node_;
  std::string path_;
  std::vector<Issue>& issues_;
};

/// Collects range problems under one path.
class Checker {
 public:
  Checker(std::string path, std::vector<Issue>& out) : path_(std::move(path)), out_(out) {}
  Checker sub(const char* key) const { return Checker(io::join_path(path_, key), out_); }

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
        out_.push_back({io::join_path(io::join_path(path_, key), i),
                        fmt::format("a number in [{}, {}]", -kCoefBound, kCoefBound), fmt::format("{}", t[i]), {}});
  }
  void fail(const char* key, const std::string& expected, const std::string& found) const {
    out_.push_back({io::join_path(path_, key), expected, found, {}});
  }

  static constexpr double kCoefBound = 20.0;

 private:
  void add(const char* key, const std::string& expected, double v) const {
    out_.push_back({io::join_path(path_, key), expected, fmt::format("{}", v), {}});
  }
  std::string path_;
  std::vector<Issue>& out_;
};

void read(const Reader& r, AcceptTerms& t) {
  r.number("intercept", t.intercept);
  r.number("mutual", t.mutual);
  r.number("same_industry", t.same_industry);
  r.number("same_region", t.same_region);
  r.number("note_template", t.note_template);
  r.number("note_personalized", t.note_personalized);
  r.number("note_long_per_100_chars", t.note_long_per_100_chars);
  r.number("warmup_touches", t.warmup_touches);
  r.number("warmup_days", t.warmup_days);
  r.number("gap_up", t.gap_up);
  r.number("gap_down", t.gap_down);
  r.number("profile_strength", t.profile_strength);
  r.number("latent", t.latent);
  r.numbers("seniority", t.seniority);
}

void read(const Reader& r, DeclineTerms& t) {
  r.number("intercept", t.intercept);
  r.number("mutual", t.mutual);
  r.number("note_personalized", t.note_personalized);
  r.number("latent", t.latent);
  r.numbers("seniority", t.seniority);
}

void read(const Reader& r, ReportTerms& t) {
  r.number("intercept", t.intercept);
  r.number("mutual", t.mutual);
  r.number("same_industry", t.same_industry);
  r.number("same_region", t.same_region);
  r.number("note_template", t.note_template);
  r.number("note_personalized", t.note_personalized);
  r.number("warmup_touches", t.warmup_touches);
  r.number("profile_strength", t.profile_strength);
  r.number("latent", t.latent);
}

void read(const Reader& r, InviteParams& p) {
  read(r.sub("accept"), p.accept);
  read(r.sub("decline"), p.decline);
  read(r.sub("report"), p.report);
  r.integer("long_note_from_chars", p.long_note_from_chars);
  r.number("attention", p.attention);
  r.integer("expiry_days", p.expiry_days);
}

void read(const Reader& r, ReplyParams& p) {
  r.number("intercept", p.intercept);
  r.number("personalized", p.personalized);
  r.number("mutual", p.mutual);
  r.number("warmup_touches", p.warmup_touches);
  r.number("latent", p.latent);
  r.number("decay", p.decay);
  r.number("attention", p.attention);
  r.integer("window_days", p.window_days);
  r.numbers("seniority", p.seniority);
}

void read(const Reader& r, InMailParams& p) {
  r.number("intercept", p.intercept);
  r.number("personalized", p.personalized);
  r.number("mutual", p.mutual);
  r.number("same_industry", p.same_industry);
  r.number("latent", p.latent);
  r.number("positive_share", p.positive_share);
  r.number("attention", p.attention);
  r.integer("window_days", p.window_days);
  r.numbers("seniority", p.seniority);
}

void read(const Reader& r, EmailParams& p) {
  const Reader f = r.sub("finder");
  f.number("find_probability", p.finder.find_probability);
  f.number("wrong_address_rate", p.finder.wrong_address_rate);
  f.number("catch_all_wrong_rate", p.finder.catch_all_wrong_rate);
  const Reader v = r.sub("verification");
  v.number("recall", p.verification.recall);
  v.number("false_reject", p.verification.false_reject);
  const Reader d = r.sub("delivery");
  d.number("soft_bounce", p.delivery.soft_bounce);
  d.number("catch_all_bounce", p.delivery.catch_all_bounce);
  d.number("complaint_rate", p.delivery.complaint_rate);
  const Reader rep = r.sub("reputation");
  rep.number("initial", p.reputation.initial);
  rep.number("memory_days", p.reputation.memory_days);
  rep.number("bounce_scale", p.reputation.bounce_scale);
  rep.number("complaint_scale", p.reputation.complaint_scale);
  rep.number("inbox_max", p.reputation.inbox_max);
  rep.number("inbox_exponent", p.reputation.inbox_exponent);
  read(r.sub("reply"), p.reply);
}

void read(const Reader& r, FunnelParams& p) {
  r.number("lead_rate", p.lead_rate);
  r.number("meeting_rate", p.meeting_rate);
  r.number("opportunity_rate", p.opportunity_rate);
  r.number("deal_value_median_usd", p.deal_value_median_usd);
  r.number("deal_value_sigma", p.deal_value_sigma);
}

void read(const Reader& r, EffortParams& p) {
  const Reader minutes = r.sub("minutes"), usd = r.sub("usd");
  for (std::size_t i = 0; i < kActionCount; ++i) {
    minutes.number(action_names()[i], p.minutes[i]);
    usd.number(action_names()[i], p.usd[i]);
  }
}

void read(const Reader& r, ContentParams& p) {
  r.number("audience_reach", p.audience_reach);
  r.integer("feed_days", p.feed_days);
  r.number("fatigue", p.fatigue);
  r.number("fatigue_days", p.fatigue_days);
  r.number("engagement_rate", p.engagement_rate);
  r.number("spread", p.spread);
  r.number("hop_decay", p.hop_decay);
  r.integer("max_hops", p.max_hops);
  r.number("profile_view_rate", p.profile_view_rate);
  r.number("follow_rate", p.follow_rate);
  r.number("invite_rate", p.invite_rate);
  r.number("response_hours", p.response_hours);
  const Reader f = r.sub("formats");
  f.number("text", p.formats.text);
  f.number("image", p.formats.image);
  f.number("video", p.formats.video);
  f.number("carousel", p.formats.carousel);
  f.number("poll", p.formats.poll);
  const Reader in = r.sub("inbound");
  in.number("group_invites_per_week", p.inbound.group_invites_per_week);
  in.number("event_invites_per_event", p.inbound.event_invites_per_event);
  in.number("newsletter_invites_per_1k_week", p.inbound.newsletter_invites_per_1k_week);
}

}  // namespace

void check(const InviteParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  const Checker a = c.sub("accept"), d = c.sub("decline"), r = c.sub("report");
  for (auto [key, v] : {std::pair{"intercept", p.accept.intercept}, {"mutual", p.accept.mutual},
                        {"same_industry", p.accept.same_industry}, {"same_region", p.accept.same_region},
                        {"note_template", p.accept.note_template}, {"note_personalized", p.accept.note_personalized},
                        {"note_long_per_100_chars", p.accept.note_long_per_100_chars},
                        {"warmup_touches", p.accept.warmup_touches}, {"warmup_days", p.accept.warmup_days},
                        {"gap_up", p.accept.gap_up}, {"gap_down", p.accept.gap_down},
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
}

void check(const ReplyParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  for (auto [key, v] : {std::pair{"intercept", p.intercept}, {"personalized", p.personalized},
                        {"mutual", p.mutual}, {"warmup_touches", p.warmup_touches}})
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
  check(p.reputation, io::join_path(path, "reputation"), out);
  check(p.reply, io::join_path(path, "reply"), out);
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
  const Checker minutes(io::join_path(path, "minutes"), out), usd(io::join_path(path, "usd"), out);
  for (std::size_t i = 0; i < kActionCount; ++i) {
    minutes.in(action_names()[i], p.minutes[i], 0.0, 1440.0);
    usd.in(action_names()[i], p.usd[i], 0.0, 1e6);
  }
}

void check(const ContentParams& p, const std::string& path, std::vector<Issue>& out) {
  const Checker c(path, out);
  c.prob("audience_reach", p.audience_reach);
  c.int_in("feed_days", p.feed_days, 1, 30);
  c.in("fatigue", p.fatigue, 0.0, 100.0);
  c.positive("fatigue_days", p.fatigue_days, 365.0);
  c.prob("engagement_rate", p.engagement_rate);
  c.prob("spread", p.spread);
  c.prob("hop_decay", p.hop_decay);
  c.int_in("max_hops", p.max_hops, 0, 10);
  c.prob("profile_view_rate", p.profile_view_rate);
  c.prob("follow_rate", p.follow_rate);
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
}

std::vector<Issue> check_response_params(const ResponseParams& p, const std::string& path) {
  std::vector<Issue> out;
  check(p.invite, io::join_path(path, "invite"), out);
  check(p.reply, io::join_path(path, "reply"), out);
  check(p.inmail, io::join_path(path, "inmail"), out);
  check(p.email, io::join_path(path, "email"), out);
  check(p.funnel, io::join_path(path, "funnel"), out);
  check(p.costs, io::join_path(path, "costs"), out);
  check(p.content, io::join_path(path, "content"), out);
  return out;
}

void throw_if_any(std::vector<Issue> issues) {
  if (!issues.empty()) throw io::InputError(std::move(issues));
}

ResponseParams response_params_from_json(const json& response, const std::string& path) {
  std::vector<Issue> issues;
  ResponseParams p;
  const Reader r(&response, path, issues);
  read(r.sub("invite"), p.invite);
  read(r.sub("reply"), p.reply);
  read(r.sub("inmail"), p.inmail);
  read(r.sub("email"), p.email);
  read(r.sub("funnel"), p.funnel);
  read(r.sub("costs"), p.costs);
  read(r.sub("content"), p.content);
  // Range checks on everything; a key that was missing or mistyped already has its issue, so its
  // (zero) placeholder value is not reported a second time.
  for (auto& issue : check_response_params(p, path)) {
    bool seen = false;
    for (const auto& i : issues) seen = seen || i.path == issue.path;
    if (!seen) issues.push_back(std::move(issue));
  }
  throw_if_any(std::move(issues));
  return p;
}

json default_response_json() {
  json doc = {{"world", json::object()}};
  io::JsonSchema::scenario().apply_defaults(doc);
  return doc.at("world").at("response");
}

const ResponseParams& default_response_params() {
  static const ResponseParams p = response_params_from_json(default_response_json(), "/world/response");
  return p;
}

}  // namespace linksim::model
