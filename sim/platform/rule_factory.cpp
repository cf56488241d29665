#include "linksim/platform/rule_factory.hpp"

#include <array>

#include "linksim/platform/rules/acceptance_floor.hpp"
#include "linksim/platform/rules/burst.hpp"
#include "linksim/platform/rules/connection_cap.hpp"
#include "linksim/platform/rules/inmail_credits.hpp"
#include "linksim/platform/rules/inmail_violations.hpp"
#include "linksim/platform/rules/invite_cap_calendar.hpp"
#include "linksim/platform/rules/invite_cap_rolling.hpp"
#include "linksim/platform/rules/message_daily_cap.hpp"
#include "linksim/platform/rules/notes.hpp"
#include "linksim/platform/rules/pending_cap.hpp"
#include "linksim/platform/rules/recruiter_inmail_floor.hpp"
#include "linksim/platform/rules/reinvite_cooldown.hpp"
#include "linksim/platform/rules/report_threshold.hpp"
#include "linksim/platform/rules/scrutiny.hpp"

namespace linksim::platform {

namespace {

struct Entry {
  std::string_view name;
  void (*check)(const nlohmann::json&, const std::string&, Issues&);
  std::unique_ptr<Rule> (*build)(const nlohmann::json&, const SenderBook&);
};

template <class R>
constexpr Entry entry(std::string_view name) {
  return Entry{
      name,
      [](const nlohmann::json& j, const std::string& path, Issues& issues) {
        const std::size_t before = issues.size();
        const auto p = R::Params::from_json(j, path, issues);
        if (issues.size() == before) p.validate(path, issues);
      },
      [](const nlohmann::json& j, const SenderBook& book) -> std::unique_ptr<Rule> {
        Issues issues;
        const auto p = R::Params::from_json(j, "", issues);
        throw_if_invalid("rule parameters", issues);
        return std::make_unique<R>(p, book);
      }};
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
    entry<Burst>("burst"),
    entry<Scrutiny>("scrutiny"),
    entry<AcceptanceFloor>("acceptance_floor"),
    entry<MessageDailyCap>("message_daily_cap"),
    entry<InmailCredits>("inmail_credits"),
    entry<RecruiterInmailFloor>("recruiter_inmail_floor"),
    entry<InmailViolations>("inmail_violations"),
};

constexpr auto kNames = [] {
  std::array<std::string_view, kRules.size()> names{};
  for (std::size_t i = 0; i < kRules.size(); ++i) names[i] = kRules[i].name;
  return names;
}();

const Entry* find(std::string_view name) {
  for (const auto& e : kRules)
    if (e.name == name) return &e;
  return nullptr;
}

io::Issue unknown(std::string_view name, const std::string& path) {
  std::vector<std::string> names(kNames.begin(), kNames.end());
  const std::string near = io::nearest(std::string(name), names);
  return io::Issue{path, "one of the rules " + rule_name_list(), "unknown rule \"" + std::string(name) + "\"",
                   near.empty() ? std::string() : "did you mean \"" + near + "\"?"};
}

}  // namespace

std::span<const std::string_view> rule_names() { return kNames; }

std::string rule_name_list() {
  std::string s;
  for (auto n : kNames) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

void check_rule_params(std::string_view name, const nlohmann::json& params, const std::string& path, Issues& issues) {
  if (const Entry* e = find(name)) e->check(params, path, issues);
  else issues.push_back(unknown(name, path));
}

std::unique_ptr<Rule> make_rule(std::string_view name, const nlohmann::json& params, const SenderBook& book) {
  const Entry* e = find(name);
  if (!e) throw io::InputError({unknown(name, "/platform/rules/" + std::string(name))});
  return e->build(params, book);
}

}  // namespace linksim::platform
