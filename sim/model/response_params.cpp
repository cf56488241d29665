// Reading and checking `world.response`. The schema has already checked types and ranges when
// the block comes from a scenario; the checks here repeat the ranges (parameters may also be
// built in code) and add what the schema cannot say.
#include "linksim/model/response_params.hpp"

#include <cmath>

#include <fmt/format.h>

#include "linksim/config/json_schema.hpp"

namespace linksim::model {

using nlohmann::json;
using config::Issue;

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
      issues_.push_back({path_, "an object", config::describe(*node_), {}});
      node_ = nullptr;
    }
  }

  Reader sub(const char* key) const { return Reader(find(key, "an object"), config::join_path(path_, key), issues_); }

  void number(const char* key, double& out) const {
    if (const json* v = find(key, "a number")) {
      if (v->is_number()) out = v->get<double>();
      else issues_.push_back({config::join_path(path_, key), "a number", config::describe(*v), {}});
    }
  }
  void integer(const char* key, int& out) const {
    if (const json* v = find(key, "an integer")) {
      const bool whole = v->is_number_integer() || (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>());
      if (whole && std::fabs(v->get<double>()) < 1e9) out = static_cast<int>(v->get<double>());
      else issues_.push_back({config::join_path(path_, key), "an integer", config::describe(*v), {}});
    }
  }
  template <std::size_t N>
  void numbers(const char* key, std::array<double, N>& out) const {
    const std::string expected = fmt::format("an array of {} numbers", N);
    if (const json* v = find(key, expected.c_str())) {
      if (!v->is_array() || v->size() != N) {
        issues_.push_back({config::join_path(path_, key), expected, config::describe(*v), {}});
        return;
      }
      for (std::size_t i = 0; i < N; ++i) {
        if ((*v)[i].is_number()) out[i] = (*v)[i].get<double>();
        else issues_.push_back({config::join_path(config::join_path(path_, key), i), "a number", config::describe((*v)[i]), {}});
      }
    }
  }

 private:
  const json* find(const char* key, const char* expected) const {
    if (node_ == nullptr) return nullptr;
    auto it = node_->find(key);
    if (it == node_->end()) {
      issues_.push_back({config::join_path(path_, key), expected, "nothing (missing key)", {}});
      return nullptr;
    }
    return &*it;
  }

  const json* node_;
  std::string path_;
  std::vector<Issue>& issues_;
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
  r.number("teamlink", t.teamlink);
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
  r.number("teamlink_share", p.teamlink_share);
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
  r.number("hourly_rate_usd", p.hourly_rate_usd);
}

void read(const Reader& r, ContentParams& p) {
  r.number("audience_reach", p.audience_reach);
  r.integer("feed_days", p.feed_days);
  r.integer("feed_connections", p.feed_connections);
  r.number("fatigue", p.fatigue);
  r.number("fatigue_days", p.fatigue_days);
  r.number("engagement_rate", p.engagement_rate);
  r.number("spread", p.spread);
  r.number("hop_decay", p.hop_decay);
  r.integer("max_hops", p.max_hops);
  r.number("profile_view_rate", p.profile_view_rate);
  r.number("follow_rate", p.follow_rate);
  r.number("follow_first_connect", p.follow_first_connect);
  r.number("profile_boost", p.profile_boost);
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
  in.number("company_page_follows_per_1k_week", p.inbound.company_page_follows_per_1k_week);
}

}  // namespace

void throw_if_any(std::vector<Issue> issues) {
  if (!issues.empty()) throw config::InputError(std::move(issues));
}

ResponseParams response_params_from_json(const json& response, const std::string& path) {
  std::vector<Issue> issues;
  ResponseParams p;
  const Reader r(&response, path, issues);
  read(r.sub("invite"), p.invite);
  read(r.sub("reply"), p.reply);
  // Messages only: an email is never to an inbound contact or an existing connection.
  r.sub("reply").number("inbound", p.reply.inbound);
  r.sub("reply").number("existing_connection", p.reply.existing_connection);
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
  config::JsonSchema::scenario().apply_defaults(doc);
  return doc.at("world").at("response");
}

const ResponseParams& default_response_params() {
  static const ResponseParams p = response_params_from_json(default_response_json(), "/world/response");
  return p;
}

}  // namespace linksim::model
