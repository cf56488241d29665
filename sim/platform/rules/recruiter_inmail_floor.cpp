#include "linksim/platform/rules/recruiter_inmail_floor.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace linksim::platform {

RecruiterInmailFloor::Params RecruiterInmailFloor::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                                     Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.allow("plans");
  r.get("min_response_rate", p.min_response_rate);
  r.get("min_inmails", p.min_inmails);
  r.get_duration("window_days", core::kDay, p.window);
  r.get_duration("grace_days", core::kDay, p.grace);
  r.get_duration("ban_days", core::kDay, p.ban);
  r.finish();
  const std::string at = path + "/plans";
  if (!j.is_object() || !j.contains("plans") || !j.at("plans").is_array()) {
    issues.push_back({at, "a list of plan names", j.is_object() && j.contains("plans") ? config::describe(j.at("plans"))
                                                                                         : "nothing", {}});
    return p;
  }
  for (std::size_t i = 0; i < j.at("plans").size(); ++i) {
    const auto& v = j.at("plans")[i];
    try {
      p.plans |= 1u << static_cast<unsigned>(plan_from_name(v.is_string() ? v.get<std::string>() : v.dump(),
                                                            config::join_path(at, i)));
    } catch (const config::InputError& e) {
      issues.insert(issues.end(), e.issues().begin(), e.issues().end());
    }
  }
  return p;
}

ParamSchema RecruiterInmailFloor::Params::schema() {
  ParamSchema s = {
      {"plans", plans_param("Plans the floor applies to.")},
      {"min_response_rate", number_param("Minimum response rate (share).", Bounds().above(0).at_most(1))},
      {"min_inmails",
       integer_param("Only judged on at least this many InMails in the window.", Bounds().at_least(1))},
      {"window_days", integer_param("Window in days.", Bounds().at_least(1).at_most(365))},
      {"grace_days", number_param("Days to improve after the warning.", Bounds().at_least(0))},
      {"ban_days", number_param("Length of the ban in days.", Bounds().above(0))}};
  return s;
}

void RecruiterInmailFloor::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, min_response_rate > 0.0 && min_response_rate < 1.0, path, "min_response_rate", "a share in (0, 1)",
         num(min_response_rate));
  expect(issues, min_inmails >= 1, path, "min_inmails", ">= 1", std::to_string(min_inmails));
  expect(issues, window >= core::kDay && window % core::kDay == 0 && window <= 365 * core::kDay, path,
         "window_days", "a whole number of days in [1, 365]", in_units(window, core::kDay));
  expect(issues, grace >= 0, path, "grace_days", ">= 0", in_units(grace, core::kDay));
  expect(issues, ban > 0, path, "ban_days", "> 0", in_units(ban, core::kDay));
}

RecruiterInmailFloor::RecruiterInmailFloor(const Params& p, const SenderBook& book) : p_(p) {
  Issues issues;
  p.validate("recruiter_inmail_floor", issues);
  throw_if_invalid("RecruiterInmailFloor", issues);
  days_ = static_cast<std::uint32_t>(p.window / core::kDay);
  for (SenderId s = 0; s < book.size(); ++s)
    applies_.push_back((p.plans >> static_cast<unsigned>(book.plan_of[s])) & 1u);
  sent_.assign(book.size() * days_, 0);
  responded_.assign(book.size() * days_, 0);
  last_day_.assign(book.size(), -1);
  grace_until_.assign(book.size(), -1);
}

std::uint32_t RecruiterInmailFloor::outcomes() const {
  return outcome_bit(OutcomeKind::kInmailReplied) | outcome_bit(OutcomeKind::kInmailDeclined);
}

std::pair<std::uint32_t, std::uint32_t> RecruiterInmailFloor::sample(SenderId s, core::Time now) const {
  if (last_day_[s] < 0) return {0, 0};
  const std::int64_t today = core::day_of(now);
  std::uint32_t resp = 0, sent = 0;
  for (std::int64_t d = std::max<std::int64_t>({today - days_ + 1, last_day_[s] - days_ + 1, 0});
       d <= std::min(today, last_day_[s]); ++d) {
    const std::size_t i = std::size_t{s} * days_ + static_cast<std::size_t>(d % days_);
    resp += responded_[i];
    sent += sent_[i];
  }
  return {resp, sent};
}

void RecruiterInmailFloor::add(SenderId s, core::Time now, bool sent) {
  const std::int64_t today = core::day_of(now);
  for (std::int64_t d = std::max<std::int64_t>({last_day_[s] + 1, today - days_ + 1, 0}); d <= today; ++d) {
    const std::size_t i = std::size_t{s} * days_ + static_cast<std::size_t>(d % days_);
    sent_[i] = responded_[i] = 0;
  }
  last_day_[s] = std::max(last_day_[s], today);
  const std::size_t i = std::size_t{s} * days_ + static_cast<std::size_t>(today % days_);
  ++(sent ? sent_[i] : responded_[i]);
}

std::string RecruiterInmailFloor::rate_text(SenderId s, core::Time now) const {
  const auto [resp, sent] = sample(s, now);
  return fmt::format("InMail response {:.0f}% < {:.0f}% on {} InMails over {} days",
                     std::floor(sent ? 100.0 * resp / sent : 0.0), 100.0 * p_.min_response_rate, sent, days_);
}

void RecruiterInmailFloor::commit(const Action&, SenderId s, core::Time now, Context& ctx) {
  if (!applies_[s]) return;
  add(s, now, true);
  const auto [resp, sent] = sample(s, now);
  const bool low = sent >= p_.min_inmails && static_cast<double>(resp) < p_.min_response_rate * sent;
  if (grace_until_[s] < 0) {
    if (!low) return;
    grace_until_[s] = now + p_.grace;
    ctx.ladder.record(s, now, "inmail_ok", "inmail_warning",
                      "warning: " + rate_text(s, now) + fmt::format("; {} days to improve", in_units(p_.grace, core::kDay)));
    return;
  }
  if (now < grace_until_[s]) return;
  grace_until_[s] = -1;
  if (!low) {
    ctx.ladder.record(s, now, "inmail_warning", "inmail_ok", "InMail response rate back above the floor", /*penalty=*/false);
    return;
  }
  ctx.ladder.restrict(s, now, action_bit(ActionKind::kInmail), now + p_.ban, Notice::kInmailBanned, "inmail_warning",
                      "inmail_bulk_ban", "banned: " + rate_text(s, now) + " after the grace period");
}

void RecruiterInmailFloor::observe(const Outcome&, SenderId s, core::Time now, Context&) {
  if (applies_[s]) add(s, now, false);
}

std::string RecruiterInmailFloor::describe(const Action&, SenderId s, core::Time now, const SenderBook&) const {
  return rate_text(s, now);
}

}  // namespace linksim::platform
