#include "linksim/platform/rule_factory.hpp"

#include <array>
#include <utility>

#include "linksim/platform/rules/abuse_score.hpp"
#include "linksim/platform/rules/acceptance_floor.hpp"
#include "linksim/platform/rules/burst.hpp"
#include "linksim/platform/rules/connection_cap.hpp"
#include "linksim/platform/rules/inmail_credits.hpp"
#include "linksim/platform/rules/inmail_violations.hpp"
#include "linksim/platform/rules/invite_cap_calendar.hpp"
#include "linksim/platform/rules/invite_cap_rolling.hpp"
#include "linksim/platform/rules/member_invite_budget.hpp"
#include "linksim/platform/rules/message_daily_cap.hpp"
#include "linksim/platform/rules/notes.hpp"
#include "linksim/platform/rules/pending_cap.hpp"
#include "linksim/platform/rules/recruiter_inmail_floor.hpp"
#include "linksim/platform/rules/reinvite_cooldown.hpp"
#include "linksim/platform/rules/report_threshold.hpp"
#include "linksim/platform/rules/scrutiny.hpp"

namespace linksim::platform {

namespace {

// What the registry knows of a rule: how to read its parameters, how to build it from them, and
// what it is (name, summary, schema).
struct Entry {
  std::shared_ptr<const void> (*read)(const nlohmann::json&, const std::string&, Issues&);  // null on issues
  std::unique_ptr<Rule> (*build)(const void*, const SenderBook&);
  const void* type;
  RuleInfo info;
};

template <class R>
constexpr Entry entry(std::string_view name) {
  using P = typename R::Params;
  return Entry{
      [](const nlohmann::json& j, const std::string& path, Issues& issues) -> std::shared_ptr<const void> {
        const std::size_t before = issues.size();
        P p = P::from_json(j, path, issues);
        if (issues.size() == before) p.validate(path, issues);
        if (issues.size() != before) return nullptr;
        return std::make_shared<const P>(std::move(p));
      },
      [](const void* p, const SenderBook& book) -> std::unique_ptr<Rule> {
        return std::make_unique<R>(*static_cast<const P*>(p), book);
      },
      &kParamsTag<P>,
      RuleInfo{name, R::kSummary,
               [] {
                 if constexpr (requires { R::kMemberView; }) return R::kMemberView;
                 return false;
               }(),
               &P::schema,
               [] {
                 if constexpr (requires { R::kActsWhen; }) return R::kActsWhen;
                 return std::string_view();
               }()}};
}

// One registration line per rule; the order is the order of checks: the weekly caps first, as the
// most common denial (it is also what the sender is told when several rules would refuse).
constexpr std::array kRules = {
    entry<InviteCapRolling>("invite_cap_rolling"),
    entry<InviteCapCalendar>("invite_cap_calendar"),
    entry<PendingCap>("pending_cap"),
    entry<ConnectionCap>("connection_cap"),
    entry<ReportThreshold>("report_threshold"),
    entry<Notes>("notes"),
    entry<ReinviteCooldown>("reinvite_cooldown"),
    entry<MemberInviteBudget>("member_invite_budget"),
    entry<Burst>("burst"),
    entry<Scrutiny>("scrutiny"),
    entry<AcceptanceFloor>("acceptance_floor"),
    entry<AbuseScore>("abuse_score"),
    entry<MessageDailyCap>("message_daily_cap"),
    entry<InmailCredits>("inmail_credits"),
    entry<RecruiterInmailFloor>("recruiter_inmail_floor"),
    entry<InmailViolations>("inmail_violations"),
};

constexpr auto kNames = [] {
  std::array<std::string_view, kRules.size()> names{};
  for (std::size_t i = 0; i < kRules.size(); ++i) names[i] = kRules[i].info.name;
  return names;
}();

constexpr auto kInfos = [] {
  std::array<RuleInfo, kRules.size()> infos{};
  for (std::size_t i = 0; i < kRules.size(); ++i) infos[i] = kRules[i].info;
  return infos;
}();

const Entry* find(std::string_view name) {
  for (const auto& e : kRules)
    if (e.info.name == name) return &e;
  return nullptr;
}

config::Issue unknown(std::string_view name, const std::string& path) {
  std::vector<std::string> names(kNames.begin(), kNames.end());
  const std::string near = config::nearest(std::string(name), names);
  return config::Issue{path, "one of the rules " + rule_name_list(), "unknown rule \"" + std::string(name) + "\"",
                   near.empty() ? std::string() : "did you mean \"" + near + "\"?"};
}

}  // namespace

std::span<const std::string_view> rule_names() { return kNames; }

std::span<const RuleInfo> rule_infos() { return kInfos; }

std::string rule_name_list() {
  std::string s;
  for (auto n : kNames) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

std::optional<RuleSpec> read_rule(std::string_view name, const nlohmann::json& params, const std::string& path,
                                  Issues& issues) {
  const Entry* e = find(name);
  if (!e) {
    issues.push_back(unknown(name, path));
    return std::nullopt;
  }
  std::shared_ptr<const void> p = e->read(params, path, issues);
  if (!p) return std::nullopt;
  return RuleSpec{e->info.name, std::move(p), e->build, e->type, e->info.member_view};
}

void check_rule_params(std::string_view name, const nlohmann::json& params, const std::string& path, Issues& issues) {
  read_rule(name, params, path, issues);
}

}  // namespace linksim::platform
