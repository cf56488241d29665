// The platform section: presets, overrides merged over them, sources, and every bad configuration
// named by its JSON path with the valid names.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "linksim/platform/rules/burst.hpp"

using namespace linksim::test;
using linksim::config::InputError;
using linksim::config::Issue;

namespace {
const Issue* at(const std::vector<Issue>& issues, const std::string& path) {
  for (const auto& i : issues)
    if (i.path == path) return &i;
  return nullptr;
}
}  // namespace

TEST_CASE("linkedin_2025 is the default preset with LinkedIn's documented 2025 numbers", "[platform]") {
  const PlatformParams p = platform_params_from_json(json::object(), "/platform");
  CHECK(p.preset == "linkedin_2025");
  const auto plan = [&](PlanId id) { return p.plans[static_cast<std::size_t>(id)]; };
  CHECK(plan(PlanId::kFree).weekly_invite_cap == 100);
  CHECK(plan(PlanId::kPremiumCareer).weekly_invite_cap == 150);
  CHECK(plan(PlanId::kSalesNavCore).weekly_invite_cap == 200);
  CHECK(plan(PlanId::kRecruiter).weekly_invite_cap == 200);
  CHECK(plan(PlanId::kFree).notes_per_month == 5);
  CHECK(plan(PlanId::kFree).note_chars == 200);
  CHECK(plan(PlanId::kPremiumBusiness).note_chars == 300);
  CHECK(plan(PlanId::kPremiumCareer).inmail_credits_per_month == 5);
  CHECK(plan(PlanId::kPremiumBusiness).inmail_credits_per_month == 15);
  CHECK(plan(PlanId::kSalesNavCore).inmail_credits_per_month == 20);
  CHECK(plan(PlanId::kSalesNavAdvanced).inmail_credits_per_month == 50);
  CHECK(plan(PlanId::kSalesNavAdvanced).inmail_accrual_cap == 150);
  CHECK(plan(PlanId::kRecruiterLite).inmail_credits_per_month == 30);
  CHECK(plan(PlanId::kFree).daily_message_cap == 120);
  CHECK(plan(PlanId::kFree).message_chars == 8000);
  CHECK(plan(PlanId::kSalesNavAdvanced).teamlink);
  CHECK_FALSE(plan(PlanId::kFree).teamlink);
  std::vector<std::string> names;
  for (const auto& r : p.rules) names.emplace_back(r.name);
  CHECK(std::find(names.begin(), names.end(), "invite_cap_rolling") != names.end());
  CHECK(std::find(names.begin(), names.end(), "invite_cap_calendar") == names.end());
  CHECK(std::find(names.begin(), names.end(), "abuse_score") == names.end());  // a candidate defense, off
  CHECK(std::find(names.begin(), names.end(), "member_invite_budget") == names.end());  // a candidate defense, off
  CHECK_FALSE(p.needs_member_view());  // so a replication may split its senders into shards
  std::size_t on = 0;
  for (const auto& [name, r] : platform_preset("linkedin_2025").at("platform").at("rules").items()) on += r.at("enabled").get<bool>();
  CHECK(p.rules.size() == on);
  CHECK(p.ladder.steps[1].duration == 4 * kHour);
}

TEST_CASE("linkedin_pre_2021 allows about 800 invitations a week", "[platform]") {
  const PlatformParams p = platform_params_from_json({{"preset", "linkedin_pre_2021"}}, "/platform");
  for (const auto& plan : p.plans) CHECK(plan.weekly_invite_cap == 800);
  const std::vector<PlanId> plans = {PlanId::kFree};
  Policy policy(p, plans);
  int sent = 0;
  for (MemberId m = 0; m < 1000; ++m) sent += policy.check(invite(m), 0, static_cast<linksim::core::Time>(m) * 600).allowed();
  CHECK(sent == 800);  // 1,000 attempts over 6.9 days
}

TEST_CASE("overrides merge over the preset and are credited to the scenario", "[platform]") {
  const PlatformParams p = platform_params_from_json(
      {{"plans", {{"free", {{"weekly_invite_cap", 150}}}}}, {"rules", {{"burst", {{"count", 30}}}, {"scrutiny", {{"enabled", false}}}}}},
      "/platform");
  CHECK(p.plans[0].weekly_invite_cap == 150);
  CHECK(p.plans[0].notes_per_month == 5);  // the rest of the plan is the preset's
  CHECK(p.source_of("/plans/free/weekly_invite_cap") == "scenario (/platform/plans/free/weekly_invite_cap)");
  CHECK_THAT(p.source_of("/plans/free/notes_per_month"), Catch::StartsWith("linkedin_2025: help a550555"));
  for (const auto& r : p.rules) {
    CHECK(r.name != "scrutiny");
    if (r.name != "burst") continue;
    REQUIRE(r.params_as<Burst::Params>());
    CHECK(r.params_as<Burst::Params>()->count == 30);
    CHECK(r.params_as<Burst::Params>()->window == 15 * kMinute);  // the preset's
  }
}

TEST_CASE("every value of both presets has a source", "[platform]") {
  for (const auto& name : platform_preset_names()) {
    const PlatformParams p = platform_params_from_json({{"preset", name}}, "/platform");
    std::vector<std::string> missing;
    std::function<void(const json&, const std::string&)> walk = [&](const json& node, const std::string& ptr) {
      if (node.is_object() && !node.empty()) {
        for (const auto& [k, v] : node.items()) walk(v, ptr + "/" + k);
        return;
      }
      if (ptr != "/preset" && p.source_of(ptr) == "no source recorded") missing.push_back(ptr);
    };
    walk(p.effective, "");
    INFO(name);
    CHECK(missing == std::vector<std::string>{});
  }
}

TEST_CASE("bad platform sections name the JSON path and the valid names", "[platform]") {
  SECTION("unknown rule name") {
    const auto issues = issues_of({{"rules", {{"weekly_cap", {{"enabled", true}}}}}});
    const Issue* i = at(issues, "/platform/rules/weekly_cap");
    REQUIRE(i);
    CHECK_THAT(i->expected, Catch::Contains("invite_cap_rolling") && Catch::Contains("acceptance_floor"));
  }
  SECTION("misspelt rule name gets a suggestion") {
    const auto issues = issues_of({{"rules", {{"brust", {{"count", 5}}}}}});
    REQUIRE(at(issues, "/platform/rules/brust"));
    CHECK(at(issues, "/platform/rules/brust")->hint == "did you mean \"burst\"?");
  }
  SECTION("negative window") {
    const auto issues = issues_of({{"rules", {{"invite_cap_rolling", {{"window_days", -7}}}}}});
    const Issue* i = at(issues, "/platform/rules/invite_cap_rolling/window_days");
    REQUIRE(i);
    CHECK(i->found == "-7");
  }
  SECTION("cap of zero") {
    const auto issues = issues_of({{"plans", {{"free", {{"weekly_invite_cap", 0}}}}}, {"rules", {{"pending_cap", {{"max_pending", 0}}}}}});
    CHECK(at(issues, "/platform/plans/free/weekly_invite_cap"));
    CHECK(at(issues, "/platform/rules/pending_cap/max_pending"));
  }
  SECTION("unknown plan") {
    const auto issues = issues_of({{"plans", {{"premium", {{"weekly_invite_cap", 120}}}}}});
    const Issue* i = at(issues, "/platform/plans/premium");
    REQUIRE(i);
    CHECK_THAT(i->expected, Catch::Contains("premium_career") && Catch::Contains("sales_nav_core"));
  }
  SECTION("unknown preset, unknown key, unknown parameter, wrong type: all reported at once") {
    const auto issues = issues_of({{"preset", "linkedin_2030"}, {"weekly_cap", 5},
                                   {"rules", {{"burst", {{"windows", 3}, {"count", "many"}}}}}});
    CHECK(at(issues, "/platform/preset"));
    CHECK(at(issues, "/platform/weekly_cap"));
    CHECK(at(issues, "/platform/rules/burst/windows"));
    CHECK(at(issues, "/platform/rules/burst/count"));
    CHECK(issues.size() == 4);
  }
  SECTION("semantic checks the schema cannot express") {
    const auto issues = issues_of({{"plans", {{"premium_career", {{"inmail_accrual_cap", 2}}}}},
                                   {"rules", {{"acceptance_floor", {{"window_days", 2.5}}}}}});
    CHECK(at(issues, "/platform/plans/premium_career/inmail_accrual_cap"));
    CHECK(at(issues, "/platform/rules/acceptance_floor/window_days"));
  }
  SECTION("bad limiter and ladder entries") {
    const auto issues = issues_of({{"limiters", {{{"algorithm", "leaky"}, {"actions", {"invite"}}},
                                                 {{"algorithm", "gcra"}, {"actions", {"invite"}}, {"limit", 3}}}},
                                   {"ladder", {{"steps", {{"restricted_days", {{"hours", -1}}}}}}}});
    CHECK(at(issues, "/platform/limiters/0/algorithm"));
    CHECK(at(issues, "/platform/limiters/1/limit"));  // a window key on a bucket algorithm
    CHECK(at(issues, "/platform/limiters/1/rate"));   // and its own keys missing
    CHECK(at(issues, "/platform/ladder/steps/restricted_days/hours"));
  }
}

TEST_CASE("plan names", "[platform]") {
  CHECK(plan_from_name("recruiter_lite", "/x") == PlanId::kRecruiterLite);
  try {
    plan_from_name("sales_nav", "/senders/a/plan");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.issues()[0].path == "/senders/a/plan");
    CHECK_THAT(e.issues()[0].expected, Catch::Contains("sales_nav_core"));
  }
}
