// Every setting is live: for each numeric and boolean leaf of the schema under `world`,
// `platform` and the strategy, some value within the schema's bounds changes at least one output
// (a metric or a daily series) of a small scenario that exercises it. Arms share their draws
// (common random numbers), so a setting that changes nothing gives identical results and one
// that matters almost always changes something. Perturbations are tried in order (flip, ×1.5 or
// +1, then ×0.5, the bounds …) until one is valid and changes an output; a leaf that no value
// changes is dead. The only exceptions are the allowlist below, each with its reason; an entry
// that becomes live, and a schema leaf that the scenario does not exercise, fail the test too.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "experiment_fixture.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/experiment/arm_plan.hpp"
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
};

/// Leaves that only act in another setting of the strategy than the base one: the context's
/// patch is applied to both sides of the comparison.
json strategy_everywhere(const json& strategy_patch) {
  json senders = json::object();
  for (const auto& plan : kPlans) senders[plan] = {{"strategy", strategy_patch}};
  return {{"senders", senders}};
}
const std::map<std::string, json>& contexts() {
  static const std::map<std::string, json> c = {
      // min_mutual filters the second-degree pool only (the base invites the ideal customer profile).
      {"strategy/targeting/min_mutual", strategy_everywhere({{"targeting", {{"pool", "second_degree"}, {"min_mutual", 1}}}})},
  };
  return c;
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
      {"warmup", {{"days", 1}, {"touches_per_day", 2}}},
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
          {"world", {{"members", testing::fast_mode() ? 2000 : 3000}}},
          {"platform", {{"rules", rules}, {"limiters", limiters}}},
          {"senders", senders}};
}

bool same(const metrics::RunResult& a, const metrics::RunResult& b) { return a.scalars == b.scalars && a.daily == b.daily; }

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
  for (const auto& [name, patch] : contexts()) {
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
    for (const auto& [name, _] : contexts())
      if (leaf.name().rfind(name, 0) == 0) q.ctx = name;
    const json& area_eff = q.ctx.empty() ? eff[leaf.area] : ctx_eff[q.ctx][leaf.area];
    leaf.value = area_eff.at(json::json_pointer(leaf.pointer));
    q.ctx_patch = q.ctx.empty() ? json::object() : contexts().at(q.ctx);
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
    for (const auto& [name, patch] : contexts()) d["arms"].push_back({{"name", "ctx " + name}, {"patch", patch}});
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
      if (!same(*by_name.at("leaf " + std::to_string(i)), ref)) {
        live[i] = true;
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
      const bool allowed = kAllowlist.count(leaves[i].name()) > 0 || kAllowlist.count(leaves[i].pattern()) > 0;
      std::printf("  dead%s: %s = %s (%s)\n", allowed ? " (allowlisted)" : "", leaves[i].name().c_str(),
                  leaves[i].value.dump().c_str(), pending[i].any_valid ? "no valid value changes an output" : "no valid value");
      INFO(leaves[i].name() << " = " << leaves[i].value.dump() << ": no value within the schema's bounds changes any output");
      CHECK(allowed);
    }
  std::printf("liveness: %zu leaves, %zu dead\n", leaves.size(), n_dead);
  for (const auto& [p, why] : kAllowlist) {
    INFO(p << " is allowlisted (" << why << ") but is live or not a leaf: remove it from the allowlist");
    CHECK((dead.count(p) > 0 || (schema_leaves.count(p) > 0 && present.count(p) == 0)));
  }
}
