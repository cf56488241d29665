#include "linksim/platform/rules/inmail_violations.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace linksim::platform {

InmailViolations::Params InmailViolations::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                             Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.allow("ban_hours");
  r.finish();
  const std::string at = path + "/ban_hours";
  if (!j.is_object() || !j.contains("ban_hours") || !j.at("ban_hours").is_array()) {
    issues.push_back({at, "a list of ban durations in hours", j.is_object() && j.contains("ban_hours")
                                                                  ? config::describe(j.at("ban_hours")) : "nothing", {}});
    return p;
  }
  p.bans.clear();
  for (std::size_t i = 0; i < j.at("ban_hours").size(); ++i) {
    const auto& v = j.at("ban_hours")[i];
    if (v.is_number()) p.bans.push_back(static_cast<core::Time>(v.get<double>() * core::kHour));
    else issues.push_back({config::join_path(at, i), "a number of hours", config::describe(v), {}});
  }
  return p;
}

ParamSchema InmailViolations::Params::schema() {
  ParamSchema s = {
      {"ban_hours", number_list_param("Ban per violation in hours; the last repeats.", Bounds().above(0))}};
  return s;
}

void InmailViolations::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, !bans.empty(), path, "ban_hours", "at least one ban", "an empty list");
  for (std::size_t i = 0; i < bans.size(); ++i)
    expect(issues, bans[i] > 0, path + "/ban_hours", std::to_string(i), "> 0", in_units(bans[i], core::kHour));
}

InmailViolations::InmailViolations(const Params& p, const SenderBook& book) : p_(p), count_(book.size(), 0) {
  Issues issues;
  p.validate("inmail_violations", issues);
  throw_if_invalid("InmailViolations", issues);
}

void InmailViolations::observe(const Outcome&, SenderId s, core::Time now, Context& ctx) {
  const std::uint32_t n = ++count_[s];
  const core::Time ban = p_.bans[std::min<std::size_t>(n - 1, p_.bans.size() - 1)];
  ctx.ladder.restrict(s, now, action_bit(ActionKind::kInmail), now + ban, Notice::kInmailBanned,
                      n == 1 ? "inmail_ok" : fmt::format("inmail_ban_{}", n - 1), fmt::format("inmail_ban_{}", n),
                      fmt::format("InMail flagged as spam (violation {}): InMail paused for {} hours", n,
                                  in_units(ban, core::kHour)));
}

std::string InmailViolations::describe(const Action&, SenderId s, core::Time, const SenderBook&) const {
  return fmt::format("{} InMail violations", count_[s]);
}

}  // namespace linksim::platform
