// Every setting is live: for each numeric and boolean leaf of the schema under `world`,
// `platform` and the strategy, some value within the schema's bounds changes at least one output
// (a metric or a daily series) of a small scenario that exercises it. Arms share their draws
// (common random numbers), so a setting that changes nothing gives identical results and one
// that matters almost always changes something. Perturbations are tried in order (flip, ×1.5 or
// +1, then ×0.5, the bounds …) until one is valid and changes an output; a leaf that no value
// changes is dead. The only exceptions are the allowlist below, each with its reason; an entry
// that becomes live, and a schema leaf that the scenario does not exercise, fail the test too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "experiment_fixture.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/metrics/run_result.hpp"
#include "liveness.hpp"

using namespace linksim;
using namespace linksim::testing::liveness;

namespace {

const std::vector<std::string> kPlans = {"free", "premium_career", "premium_business", "sales_nav_core",
                                         "sales_nav_advanced", "recruiter_lite", "recruiter"};
/// One format per plan's cohort, so that every format's multiplier is used.
const std::vector<std::string> kFormats = {"text", "image", "video", "document", "poll", "text", "image"};

/// Leaves (schema-level names, arrays as *) that no value changes, and why. Keep it short.
const std::map<std::string, std::string> kAllowlist = {
    {"world/attributes/company_sizes/*/share", "members' company size is drawn and exported, but no response term and no targeting option reads it"},
    {"world/attributes/traits/creator_share", "which members post is drawn and exported; the simulation's posts are the senders' (their strategy)"},
    {"world/attributes/traits/profile_strength_median", "members' profile strength is drawn and exported; a sender's comes from its cohort"},
    {"world/attributes/traits/profile_strength_sd", "members' profile strength is drawn and exported; a sender's comes from its cohort"},
    {"world/graph/max_degree", "a cap on degrees: no member of a small world comes near it, and a cap below the mean degree is refused"},
    {"world/response/email/reply/mutual", "cold email goes to strangers: the channel passes no mutual connections"},
    {"world/response/email/reply/personalized", "the email channel has no personalization option (strategy.email has none)"},
    {"world/response/email/reply/warmup_touches", "the email channel has no warm-up"},
    {"platform/plans/*/inmail_accrual_cap", "unused credits above the cap are lost; a sender who uses credits never reaches the cap in weeks, and no output shows unused credits"},
    {"platform/rules/inmail_credits/one_per_person", "InMail prospects never repeat (re-targeting is for invitations only)"},
    {"platform/rules/inmail_violations/*", "no InMail is ever flagged: the InMail channel draws no spam flags, so the rule never acts"},
    {"platform/rules/inmail_violations/ban_hours/*", "no InMail is ever flagged: the InMail channel draws no spam flags, so the rule never acts"},
    {"platform/ladder/steps/warning/hours", "the warning blocks no action (blocks: []), so how long it lasts changes nothing"},
    {"platform/ladder/several_per_day", "a restriction follows every strike here, so no day has several strikes; to cover with a scenario that does"},
    {"platform/rules/report_threshold/*", "reports never reach the rule in this scenario, even at 1 report; the rule is being reworked on another branch"},
    {"platform/rules/abuse_score/p_report_abusive", "no invitation is reported in this scenario (as for report_threshold), so the report likelihoods never enter the score"},
    {"platform/rules/abuse_score/p_report_legit", "no invitation is reported in this scenario (as for report_threshold), so the report likelihoods never enter the score"},
    {"platform/ladder/steps/email_required/hours", "to investigate: the email requirement is the third report strike's step; this small scenario does not reach it"},
    {"platform/rules/recruiter_inmail_floor/min_response_rate", "to investigate: no floor in (0, 1] changes the recruiter cohort's bans here (its other settings are live)"},
};


/// `pattern` with "*" standing for one path segment.
bool matches(const std::string& pattern, const std::string& name) {
  std::size_t i = 0, j = 0;
  while (i < pattern.size() && j < name.size()) {
    if (pattern[i] == '*') {
      while (j < name.size() && name[j] != '/') ++j;
      ++i;
    } else if (pattern[i++] != name[j++]) {
      return false;
    }
  }
  return i == pattern.size() && j == name.size();
}
bool allowlisted(const std::string& name) {
  return std::any_of(kAllowlist.begin(), kAllowlist.end(), [&](const auto& e) { return matches(e.first, name); });
}

/// Leaves that only act in another setting of the strategy than the base one: the context's
/// patch is applied to both sides of the comparison.
json strategy_everywhere(const json& strategy_patch) {
  json senders = json::object();
  for (const auto& plan : kPlans) senders[plan] = {{"strategy", strategy_patch}};
  return {{"senders", senders}};
}
json platform_patch(const json& p) { return {{"platform", p}}; }
json rules_patch(const json& r) { return platform_patch({{"rules", r}}); }
json every_plan(const json& fields) {
  json plans = json::object();
  for (const auto& plan : kPlans) plans[plan] = fields;
  return platform_patch({{"plans", plans}});
}
const std::map<std::string, json>& contexts() {
  static const json warm = strategy_everywhere({{"warmup", {{"days", 1}, {"touches_per_day", 2}}}});
  static const json templated = strategy_everywhere({{"invites", {{"note", "template"}, {"note_chars", 150}}}});
  // Strikes every few invitations, and steps short enough to climb the whole ladder in 6 weeks.
  static const json strikes = platform_patch(
      {{"rules", {{"burst", {{"count", 2}, {"window_minutes", 240}}}}},
       {"ladder", {{"steps", {{"restricted_days", {{"hours", 24}}}, {"restricted_month", {{"hours", 24}}},
                              {"feature_limits", {{"hours", 24}}}, {"account_review", {{"hours", 24}}}}}}}});
  // Shared connections: only second-degree prospects have them (a search result is a stranger).
  static const json second = strategy_everywhere({{"targeting", {{"pool", "second_degree"}, {"min_mutual", 1}}}});
  static const json second_reported = [] {
    json p = second;
    p.merge_patch(rules_patch({{"report_threshold", {{"reports", 1}}}}));
    return p;
  }();
  static const std::map<std::string, json> c = {
      // min_mutual filters the second-degree pool only (the base invites the ideal customer profile).
      {"strategy/targeting/min_mutual", second},
      {"world/response/invite/accept/mutual", second},
      {"world/response/invite/decline/mutual", second},
      {"world/response/invite/report/mutual", second_reported},
      {"world/response/reply/mutual", second},
      {"world/response/inmail/mutual", second},
      // A warm-up (the base has none: its touches would swamp the TeamLink term).
      {"strategy/warmup/touches_per_day", warm},
      {"world/response/invite/accept/warmup", warm},
      {"world/response/invite/report/warmup_touches", warm},
      {"world/response/reply/warmup_touches", warm},
      {"world/response/costs/minutes/engagement", warm},
      {"world/response/costs/usd/engagement", warm},
      // Template notes and long notes (the base writes 180-character personalized ones).
      {"world/response/invite/accept/note_template", templated},
      {"world/response/invite/report/note_template", templated},
      {"world/response/costs/minutes/invite_note_template", templated},
      {"world/response/costs/usd/invite_note_template", templated},
      {"world/response/invite/accept/note_long_per_100_chars", strategy_everywhere({{"invites", {{"note_chars", 290}}}})},
      // Messages to existing connections (the network channel).
      {"world/response/reply/existing_connection", strategy_everywhere({{"network", {{"per_day", 10}}}})},
      // Follow-first (creator) mode: the share of would-be inviters who still connect.
      {"world/response/content/follow_first_connect", strategy_everywhere({{"content", {{"follow_first", true}}}})},
      {"world/graph/power_law_exponent", {{"world", {{"graph", {{"degree_distribution", "power_law"}}}}}}},
      {"world/response/email/reputation/complaint_scale", {{"world", {{"response", {{"email", {{"delivery", {{"complaint_rate", 0.02}}}}}}}}}}},
      // Rules that act only once they bind: each rule's own patch (R::kActsWhen, from the
      // registry) is added below for its parameters; these are for single leaves.
      {"platform/rules/connection_cap/enabled", rules_patch({{"connection_cap", {{"max_connections", 1}}}})},
      {"platform/ladder/", strikes},
      {"platform/rules/acceptance_floor/window_days", rules_patch({{"acceptance_floor", {{"basis", "window"}, {"floor", 0.9}}}})},
      {"platform/rules/acceptance_floor/strike_every_days", rules_patch({{"acceptance_floor", {{"effect", "strike"}, {"floor", 0.9}}}})},
      {"world/response/inmail/seniority/3", strategy_everywhere({{"targeting", {{"seniority", {"vp"}}}}})},
      // Who advertises open networking matters only to a sender who targets open networkers.
      {"world/attributes/traits/open_networker_share", strategy_everywhere({{"targeting", {{"open_networkers", true}}}})},
      // Members' report propensity and the report ladder act once reports reach the rule.
      {"world/attributes/traits/accept_report_correlation", rules_patch({{"report_threshold", {{"reports", 1}}}})},
      {"world/response/invite/report/", rules_patch({{"report_threshold", {{"reports", 1}}}})},
      {"platform/ladder/steps/email_required/", rules_patch({{"report_threshold", {{"reports", 1}}}})},
      // A month's restriction comes only from the pending cap's strike.
      {"platform/ladder/steps/restricted_month/", rules_patch({{"pending_cap", {{"max_pending", 20}, {"strike", true}}}})},
      // C-suite InMail prospects only where the search targets them.
      {"world/response/inmail/seniority/4", strategy_everywhere({{"targeting", {{"seniority", {"c_suite"}}}}})},
      // Bounces (and so their weight on reputation) only without verification.
      {"world/response/email/reputation/bounce_scale", strategy_everywhere({{"email", {{"verify", false}}}})},
      // Back-off follows a warning or a restriction.
      {"strategy/invites/backoff_days", strikes},
      // Seniority shares decide who a seniority-targeted search finds.
      {"world/attributes/seniority/", strategy_everywhere({{"targeting", {{"seniority", {"vp"}}}}})},
      {"platform/rules/message_daily_cap/enabled", every_plan({{"daily_message_cap", 1}})},
      {"platform/rules/invite_cap_calendar/enabled", [] {
         json p = every_plan({{"weekly_invite_cap", 30}});
         p["platform"]["rules"] = {{"invite_cap_rolling", {{"enabled", false}}}};
         return p;
       }()},
      // Strikes for refused attempts act once the cap binds and the count is reached.
      {"platform/rules/invite_cap_rolling/denials_window_days", [] {
         json p = every_plan({{"weekly_invite_cap", 30}});
         p["platform"]["rules"] = {{"invite_cap_rolling", {{"strike_after_denials", 10}}}};
         return p;
       }()},
      {"platform/rules/invite_cap_calendar/denials_window_days", [] {
         json p = every_plan({{"weekly_invite_cap", 30}});
         p["platform"]["rules"] = {{"invite_cap_rolling", {{"enabled", false}}},
                                   {"invite_cap_calendar", {{"enabled", true}, {"strike_after_denials", 3}}}};
         return p;
       }()},
      {"platform/rules/invite_cap_calendar/strike_after_denials", [] {
         json p = every_plan({{"weekly_invite_cap", 30}});
         p["platform"]["rules"] = {{"invite_cap_rolling", {{"enabled", false}}}, {"invite_cap_calendar", {{"enabled", true}}}};
         return p;
       }()},
      // Adaptive senders: the margin acts once the cap is learned; slowing and rotating after penalties.
      {"strategy/adapt/cap_margin", strategy_everywhere({{"adapt", {{"probe_cap", true}}}})},
      {"strategy/adapt/slow_factor", strikes},
      {"strategy/adapt/rotate_accounts", strikes},
      {"platform/plans/free/inmail_credits_per_month", platform_patch({{"plans", {{"free", {{"inmail_accrual_cap", 10}}}}}})},
  };
  return c;
}

/// contexts() and, for each rule with a kActsWhen, "platform/rules/NAME/" under that patch (a
/// longer, leaf-specific entry above still wins for its leaf).
const std::map<std::string, json>& all_contexts() {
  static const std::map<std::string, json> all = [] {
    std::map<std::string, json> c = contexts();
    for (const auto& r : platform::rule_infos())
      if (!r.acts_when.empty())
        c.emplace("platform/rules/" + std::string(r.name) + "/", platform_patch(json::parse(r.acts_when)));
    return c;
  }();
  return all;
}

/// Each plan's cohort does everything: invitations with notes after a warm-up, re-invites after
/// withdrawals, follow-ups, InMail, email, posts and inbound sources, on a small world, with
/// every platform rule on and two limiters.
json base_doc() {
  json strategy = {
      {"preset", "targeted_cold"},
      {"targeting", {{"pool", "icp"}, {"same_industry", true}, {"teamlink", true}}},
      {"invites", {{"per_day", 14}, {"note", "personalized"}, {"note_chars", 180}, {"ramp_up_weeks", 1},
                   {"ramp_start_per_day", 8}, {"days_of_week", {0, 1, 2, 3, 4}}}},
      {"warmup", {{"days", 0}, {"touches_per_day", 2}}},
      {"hygiene", {{"withdraw_after_days", 7}, {"reinvite_after_days", 10}}},
      {"followups", {{"messages", 2}, {"gap_days", 3}}},
      {"inmail", {{"per_week", 6}, {"personalized", true}}},
      {"email", {{"per_day", 6}, {"finder", "chained"}, {"verify", true}, {"followups", 2}, {"gap_days", 3}}},
      {"content", {{"posts_per_week", 3}, {"quality", 0.6}, {"groups", 3}, {"events_per_month", 1},
                   {"newsletter_subscribers", 2000}, {"company_page_followers", 5000}}}};
  json senders = json::object();
  for (std::size_t i = 0; i < kPlans.size(); ++i) {
    json s = strategy;
    s["content"]["format"] = kFormats[i];
    senders[kPlans[i]] = {{"count", 2}, {"plan", kPlans[i]}, {"strategy", s}};
  }
  json rules = json::object();
  for (const std::string_view r : platform::rule_names()) rules[std::string(r)] = {{"enabled", true}};
  const json limiters = json::array({
      {{"algorithm", "fixed_window"}, {"actions", {"invite"}}, {"limit", 12}, {"window_hours", 24}},
      {{"algorithm", "token_bucket"}, {"actions", {"message", "inmail"}}, {"rate", 6}, {"per_hours", 24}, {"burst", 4}},
  });
  return {{"name", "liveness"},
          {"description", "liveness test: every setting changes an output"},
          {"horizon_days", 42},
          {"replications", 1},
          {"seed", 11},
          // A third of prospects reachable through a teammate (default 0.15), so that TeamLink shows with 2 senders a plan.
          {"world", {{"members", 3000}, {"response", {{"invite", {{"teamlink_share", 0.35}}}}}}},
          {"platform", {{"rules", rules}, {"limiters", limiters}}},
          {"senders", senders}};
}

bool same(const metrics::RunResult& a, const metrics::RunResult& b) { return a.scalars == b.scalars && a.daily == b.daily; }

/// The first output that differs (for LINKSIM_LIVENESS_VERBOSE=1).
std::string first_difference(const metrics::RunResult& a, const metrics::RunResult& b) {
  for (const auto& [k, v] : a.scalars)
    if (b.scalars.count(k) == 0 || b.scalars.at(k) != v) return k;
  for (const auto& [k, v] : a.daily)
    if (b.daily.count(k) == 0 || b.daily.at(k) != v) return "daily " + k;
  return "?";
}
bool verbose() {
  const char* v = std::getenv("LINKSIM_LIVENESS_VERBOSE");
  return v != nullptr && std::string(v) == "1";
}

/// A scenario patch from a patch of one area's effective value.
json wrap(const std::string& area, const json& p) {
  if (area == "strategy") return strategy_everywhere(p);
  return {{area, p}};
}

}  // namespace

TEST_CASE("every numeric and boolean setting under world, platform and strategy changes an output", "[integration][liveness]") {
  const json doc = base_doc();
  const auto base = testing::scenario(doc);
  const auto plan = experiment::build_arm_plan(base, 0);
  const json& root = config::JsonSchema::scenario().root();
  const json& defs = root.at("$defs");

  // The effective values of each area, in the base or in a leaf's context.
  auto effective = [&](const config::Scenario& s, const experiment::ArmPlan& p) {
    json e;
    e["world"] = s.arms.at(0).config.at("world");
    e["platform"] = p.platform.effective;
    e["strategy"] = strategy::effective_strategy_json(s.arms.at(0).config.at("senders").at(kPlans[0]).at("strategy"));
    return e;
  };
  const json eff = effective(base, plan);
  std::map<std::string, json> ctx_eff;
  for (const auto& [name, patch] : all_contexts()) {
    const auto s = testing::scenario(doc, {patch});
    ctx_eff[name] = effective(s, experiment::build_arm_plan(s, 0));
  }

  std::vector<Leaf> leaves;
  collect(root, defs.at("world"), eff["world"], "world", "", leaves);
  collect(root, defs.at("platform"), eff["platform"], "platform", "", leaves);
  collect(root, defs.at("strategy"), eff["strategy"], "strategy", "", leaves);
  std::set<std::string> schema_leaves;
  patterns(root, defs.at("world"), "world", schema_leaves);
  patterns(root, defs.at("platform"), "platform", schema_leaves);
  patterns(root, defs.at("strategy"), "strategy", schema_leaves);

  // Every schema leaf is in the scenario at least once.
  std::set<std::string> present;
  for (const auto& l : leaves) present.insert(l.pattern());
  for (const auto& p : schema_leaves) {
    INFO("schema leaf " << p << " is not in the liveness scenario: give it a value there");
    CHECK((present.count(p) > 0 || kAllowlist.count(p) > 0));
  }

  // The candidates of each leaf, tried lazily and kept only when the scenario is valid (a value
  // can break a cross-field check). When no single value is valid (shares that must sum to 1),
  // half of the smaller of the leaf and its next sibling moves from the sibling to the leaf.
  struct Pending {
    std::string ctx;
    json ctx_patch;
    std::vector<json> raw;  ///< area-level patches, in order
    std::size_t next = 0;
    bool any_valid = false, moved = false;
  };
  std::vector<Pending> pending(leaves.size());
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    Leaf& leaf = leaves[i];
    Pending& q = pending[i];
    for (const auto& [name, _] : all_contexts())
      if (leaf.name().rfind(name, 0) == 0) q.ctx = name;
    const json& area_eff = q.ctx.empty() ? eff[leaf.area] : ctx_eff[q.ctx][leaf.area];
    leaf.value = area_eff.at(json::json_pointer(leaf.pointer));
    q.ctx_patch = q.ctx.empty() ? json::object() : all_contexts().at(q.ctx);
    for (const json& v : perturbations(leaf)) q.raw.push_back(patch_for(area_eff, leaf.pointer, v));
  }
  auto moved_share = [&](std::size_t i) -> json {
    const Leaf& leaf = leaves[i];
    const json& area_eff = pending[i].ctx.empty() ? eff[leaf.area] : ctx_eff[pending[i].ctx][leaf.area];
    if (!leaf.value.is_number_float()) return nullptr;
    const std::size_t cut = leaf.pointer.rfind('/');
    const std::string parent = leaf.pointer.substr(0, cut), key = leaf.pointer.substr(cut);
    if (parent.empty()) return nullptr;
    const std::size_t pcut = parent.rfind('/');
    const json& container = area_eff.at(json::json_pointer(parent.substr(0, pcut)));
    std::string sibling;
    if (container.is_array()) {
      const auto idx = std::stoul(parent.substr(pcut + 1));
      if (container.size() < 2) return nullptr;
      sibling = parent.substr(0, pcut) + "/" + std::to_string(idx + 1 < container.size() ? idx + 1 : idx - 1) + key;
    } else {
      for (const auto& [k, v] : area_eff.at(json::json_pointer(parent)).items())
        if (v.is_number_float() && "/" + k != key) sibling = parent + "/" + k;
    }
    if (sibling.empty()) return nullptr;
    const double a = leaf.value.get<double>(), b = area_eff.at(json::json_pointer(sibling)).get<double>();
    const double d = 0.5 * std::min(a > 0 ? a : b, b);
    json changed = area_eff;
    changed[json::json_pointer(leaf.pointer)] = a + d;
    changed[json::json_pointer(sibling)] = b - d;
    const std::string top = leaf.pointer.substr(0, leaf.pointer.find('/', 1));
    return patch_for(area_eff, top, changed.at(json::json_pointer(top)));
  };
  // The next valid scenario patch of leaf i, or null when there is none left.
  auto next_candidate = [&](std::size_t i) -> json {
    Pending& q = pending[i];
    while (true) {
      json area_patch;
      if (q.next < q.raw.size()) {
        area_patch = q.raw[q.next++];
      } else if (!q.any_valid && !q.moved) {
        q.moved = true;
        area_patch = moved_share(i);
        if (area_patch.is_null()) return nullptr;
      } else {
        return nullptr;
      }
      json p = q.ctx_patch;
      p.merge_patch(wrap(leaves[i].area, area_patch));
      try {
        experiment::build_arm_plans(testing::scenario(doc, {p}));
      } catch (const config::InputError&) {
        continue;
      }
      q.any_valid = true;
      return p;
    }
  };

  // Rounds: every leaf still dead tries its next candidate, all in one scenario (one arm each).
  std::vector<bool> live(leaves.size(), false), done(leaves.size(), false);
  for (int round = 0;; ++round) {
    json d = doc;
    d["arms"] = json::array({{{"name", "base"}, {"patch", json::object()}},
                             {{"name", "control"}, {"patch", json::object()}}});  // must equal base exactly
    for (const auto& [name, patch] : all_contexts()) d["arms"].push_back({{"name", "ctx " + name}, {"patch", patch}});
    std::vector<std::size_t> tried;
    for (std::size_t i = 0; i < leaves.size(); ++i) {
      if (live[i] || done[i]) continue;
      const json p = next_candidate(i);
      if (p.is_null()) {
        done[i] = true;
        continue;
      }
      d["arms"].push_back({{"name", "leaf " + std::to_string(i)}, {"patch", p}});
      tried.push_back(i);
    }
    if (tried.empty()) break;
    const auto out = testing::run(testing::scenario(d));
    std::map<std::string, const metrics::RunResult*> by_name;
    for (const auto& a : out.runs.arms) by_name[a.name] = &a.runs.at(0);
    REQUIRE(same(*by_name.at("base"), *by_name.at("control")));
    std::size_t found = 0;
    for (std::size_t i : tried) {
      const auto& ref = *by_name.at(pending[i].ctx.empty() ? std::string("base") : "ctx " + pending[i].ctx);
      const auto& mine = *by_name.at("leaf " + std::to_string(i));
      if (!same(mine, ref)) {
        live[i] = true;
        if (verbose()) std::printf("  live: %s via %s\n", leaves[i].name().c_str(), first_difference(mine, ref).c_str());
        ++found;
      }
    }
    std::printf("liveness round %d: %zu leaves tried, %zu live\n", round, tried.size(), found);
  }

  // Dead leaves by instance ("platform/ladder/steps/5/hours") and by schema name (".../*/hours").
  std::set<std::string> dead;
  std::size_t n_dead = 0;
  for (std::size_t i = 0; i < leaves.size(); ++i)
    if (!live[i]) {
      ++n_dead;
      dead.insert(leaves[i].name());
      dead.insert(leaves[i].pattern());
      const bool allowed = allowlisted(leaves[i].name()) || allowlisted(leaves[i].pattern());
      std::printf("  dead%s: %s = %s (%s)\n", allowed ? " (allowlisted)" : "", leaves[i].name().c_str(),
                  leaves[i].value.dump().c_str(), pending[i].any_valid ? "no valid value changes an output" : "no valid value");
      INFO(leaves[i].name() << " = " << leaves[i].value.dump() << ": no value within the schema's bounds changes any output");
      CHECK(allowed);
    }
  std::printf("liveness: %zu leaves, %zu dead\n", leaves.size(), n_dead);
  for (const auto& [p, why] : kAllowlist) {
    INFO(p << " is allowlisted (" << why << ") but matches no dead leaf: remove it from the allowlist");
    CHECK(std::any_of(dead.begin(), dead.end(), [&](const std::string& d) { return matches(p, d); }));
  }
}
