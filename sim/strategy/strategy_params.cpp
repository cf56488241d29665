// Strategy presets (scenarios/presets/strategies.json, embedded) and their resolution.
#include "linksim/strategy/strategy_params.hpp"

#include <algorithm>

#include "linksim/config/errors.hpp"

namespace linksim::embedded {
extern const std::string_view strategy_presets_json;
}

namespace linksim::strategy {

using nlohmann::json;

const json& presets_document() {
  static const json doc = json::parse(embedded::strategy_presets_json);
  return doc;
}

std::vector<std::string> preset_names() {
  std::vector<std::string> names;
  for (const auto& [name, _] : presets_document().at("presets").items()) names.push_back(name);
  return names;
}

int Invites::pace_on_day(int day) const {
  if (ramp_up_weeks <= 0) return per_day;
  const int week = day / 7;
  if (week >= ramp_up_weeks) return per_day;
  // Linear steps from the start pace in week 0 to the full pace in week `ramp_up_weeks`.
  return ramp_start_per_day + (per_day - ramp_start_per_day) * week / ramp_up_weeks;
}

json effective_strategy_json(const json& cohort_strategy) {
  const json& doc = presets_document();
  json s = doc.at("base").at("strategy");
  const std::string preset = cohort_strategy.value("preset", std::string("targeted_cold"));
  s.merge_patch(doc.at("presets").at(preset).at("strategy"));
  json own = cohort_strategy;
  own.erase("preset");
  s.merge_patch(own);
  s["preset"] = preset;
  return s;
}

StrategyParams resolve_strategy(const json& cohort_strategy, const std::string& path) {
  const json s = effective_strategy_json(cohort_strategy);
  StrategyParams p;
  p.preset = s.at("preset").get<std::string>();
  const json& t = s.at("targeting");
  const std::string pool = t.at("pool").get<std::string>();
  p.targeting.pool = pool == "icp" ? Pool::kIcp : pool == "second_degree" ? Pool::kSecondDegree : Pool::kAnyone;
  p.targeting.min_mutual = t.at("min_mutual").get<int>();
  p.targeting.same_industry = t.at("same_industry").get<bool>();
  p.targeting.same_region = t.at("same_region").get<bool>();
  p.targeting.open_networkers = t.at("open_networkers").get<bool>();
  p.targeting.teamlink = t.at("teamlink").get<bool>();
  static const std::vector<std::string> levels{"ic", "manager", "director", "vp", "c_suite"};
  for (const auto& level : t.at("seniority"))
    p.targeting.seniority.push_back(static_cast<int>(std::find(levels.begin(), levels.end(), level.get<std::string>()) - levels.begin()));
  const json& i = s.at("invites");
  p.invites.per_day = i.at("per_day").get<int>();
  const std::string note = i.at("note").get<std::string>();
  p.invites.note = note == "personalized" ? Note::kPersonalized : note == "template" ? Note::kTemplate : Note::kNone;
  p.invites.note_chars = i.at("note_chars").get<int>();
  p.invites.working_hours = i.at("working_hours").get<bool>();
  p.invites.random_gaps = i.at("random_gaps").get<bool>();
  p.invites.stop_at_weekly_cap = i.at("stop_at_weekly_cap").get<bool>();
  p.invites.ramp_up_weeks = i.at("ramp_up_weeks").get<int>();
  p.invites.ramp_start_per_day = i.at("ramp_start_per_day").get<int>();
  p.invites.backoff_days = i.at("backoff_days").get<int>();
  p.invites.start_day = i.at("start_day").get<int>();
  if (!i.at("days_of_week").empty()) {
    p.invites.days_mask = 0;
    for (const auto& d : i.at("days_of_week")) p.invites.days_mask = static_cast<std::uint8_t>(p.invites.days_mask | (1u << d.get<int>()));
  }
  p.warmup = {s.at("warmup").at("days").get<int>(), s.at("warmup").at("touches_per_day").get<int>()};
  p.hygiene.withdraw_after_days = s.at("hygiene").at("withdraw_after_days").get<int>();
  p.hygiene.reinvite_after_days = s.at("hygiene").at("reinvite_after_days").get<int>();
  const json& ad = s.at("adapt");
  p.adapt.slow_factor = ad.at("slow_factor").get<double>();
  p.adapt.probe_cap = ad.at("probe_cap").get<bool>();
  p.adapt.cap_margin = ad.at("cap_margin").get<double>();
  p.adapt.ring = ad.at("ring").get<int>();
  p.adapt.rotate_accounts = ad.at("rotate_accounts").get<int>();
  // The ladder's rungs (platform::rung): the schema has checked the name.
  static const std::vector<std::string> rungs{"warning", "restricted_hours", "restricted_days", "restricted_week",
                                              "feature_limits", "account_review", "suspension"};
  p.adapt.rotate_rung = static_cast<int>(std::find(rungs.begin(), rungs.end(), ad.at("rotate_at").get<std::string>()) - rungs.begin());
  const auto switch_to = ad.at("switch_to").get<std::string>();
  p.adapt.switch_to = switch_to == "email" ? SwitchTo::kEmail : switch_to == "inmail" ? SwitchTo::kInmail : SwitchTo::kNone;
  p.adapt.switch_rung = static_cast<int>(std::find(rungs.begin(), rungs.end(), ad.at("switch_at").get<std::string>()) - rungs.begin());
  p.followups = {s.at("followups").at("messages").get<int>(), s.at("followups").at("gap_days").get<int>()};
  p.inmail = {s.at("inmail").at("per_week").get<int>(), s.at("inmail").at("personalized").get<bool>()};
  p.network = {s.at("network").at("per_day").get<int>()};
  const json& e = s.at("email");
  p.email = {e.at("per_day").get<int>(), e.at("finder").get<std::string>() == "chained" ? Finder::kChained : Finder::kSingle,
             e.at("verify").get<bool>(), e.at("followups").get<int>(), e.at("gap_days").get<int>()};
  const json& c = s.at("content");
  // LinkedIn calls carousels "document" posts; the schema has already checked the name.
  const auto format = c.at("format").get<std::string>();
  p.content = {c.at("posts_per_week").get<double>(), c.at("quality").get<double>(),
               format == "document" ? model::PostFormat::kCarousel : model::post_format_from_name(format, path + "/content/format")};
  p.content.follow_first = c.at("follow_first").get<bool>();
  p.content.groups = c.at("groups").get<double>();
  p.content.events_per_month = c.at("events_per_month").get<double>();
  p.content.newsletter_subscribers = c.at("newsletter_subscribers").get<double>();
  p.content.company_page_followers = c.at("company_page_followers").get<double>();

  std::vector<config::Issue> issues;
  if (p.invites.note == Note::kNone && p.invites.note_chars > 0)
    issues.push_back({path + "/invites/note_chars", "0 when invites.note is \"none\"", std::to_string(p.invites.note_chars), {}});
  if (p.invites.note != Note::kNone && p.invites.note_chars == 0)
    issues.push_back({path + "/invites/note_chars", "> 0 when a note is attached", "0", {}});
  if (p.invites.ramp_up_weeks > 0 && p.invites.ramp_start_per_day > p.invites.per_day)
    issues.push_back({path + "/invites/ramp_start_per_day", "<= invites.per_day (" + std::to_string(p.invites.per_day) + ")",
                      std::to_string(p.invites.ramp_start_per_day), {}});
  if (p.targeting.pool != Pool::kSecondDegree && p.targeting.min_mutual > 0)
    issues.push_back({path + "/targeting/min_mutual", "0 unless targeting.pool is \"second_degree\"", std::to_string(p.targeting.min_mutual), {}});
  if (p.hygiene.reinvite_after_days > 0 && p.hygiene.withdraw_after_days == 0)
    issues.push_back({path + "/hygiene/reinvite_after_days", "0 unless hygiene.withdraw_after_days > 0 (only withdrawn prospects are invited again)",
                      std::to_string(p.hygiene.reinvite_after_days), {}});
  if (!issues.empty()) throw config::InputError(std::move(issues));
  return p;
}

}  // namespace linksim::strategy
