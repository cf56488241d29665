#include "linksim/platform/rules/report_threshold.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace linksim::platform {

namespace {
constexpr core::Time kEmpty = std::numeric_limits<core::Time>::min();
}

ReportThreshold::Params ReportThreshold::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                           Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("reports", p.reports);
  r.get_duration("window_days", core::kDay, p.window);
  r.get("require_email", p.require_email);
  r.finish();
  return p;
}

ParamSchema ReportThreshold::Params::schema() {
  ParamSchema s = {
      {"reports", integer_param("Reports that make a strike.", Bounds().at_least(1))},
      {"window_days", number_param("Reports older than this no longer count (days).", Bounds().above(0))},
      {"require_email", boolean_param("A report strike's third restriction is the ladder's email_required step (invitations need the recipient's email for its hours) instead of restricted_week.")}};
  return s;
}

void ReportThreshold::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, reports >= 1 && reports <= 10000, path, "reports", "an integer in [1, 10000]", std::to_string(reports));
  expect(issues, window > 0, path, "window_days", "> 0", in_units(window, core::kDay));
}

ReportThreshold::ReportThreshold(const Params& p, const SenderBook& book) : p_(p) {
  Issues issues;
  p.validate("report_threshold", issues);
  throw_if_invalid("ReportThreshold", issues);
  ring_.assign(book.size() * p.reports, kEmpty);
  head_.assign(book.size(), 0);
}

void ReportThreshold::observe(const Outcome&, SenderId s, core::Time now, Context& ctx) {
  core::Time* ring = &ring_[std::size_t{s} * p_.reports];
  ring[head_[s]] = now;
  head_[s] = (head_[s] + 1) % p_.reports;
  const core::Time oldest = ring[head_[s]];  // the reports-th most recent
  if (oldest == kEmpty || oldest <= now - p_.window) return;
  std::fill(ring, ring + p_.reports, kEmpty);  // counted: the next strike needs `reports` new ones
  ctx.ladder.strike(s, now, p_.require_email ? StrikeKind::kReports : StrikeKind::kGeneral,
                    fmt::format("{} \"I don't know this person\" reports within {} days", p_.reports,
                                in_units(p_.window, core::kDay)));
}

std::string ReportThreshold::describe(const Action&, SenderId, core::Time, const SenderBook&) const {
  return fmt::format("{} \"I don't know this person\" reports within {} days are a strike{}", p_.reports,
                     in_units(p_.window, core::kDay),
                     p_.require_email ? "; the third restriction requires the recipient's email" : "");
}

}  // namespace linksim::platform
