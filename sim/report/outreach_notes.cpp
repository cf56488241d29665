// Planned against sent outreach per arm and channel, and why the rest was not sent.
#include "linksim/report/outreach_notes.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace linksim::report {

using nlohmann::json;

namespace {

std::optional<double> planned_mean(const ArmResults& arm, std::string_view metric) {
  const MetricEstimate* m = arm.estimate(metric);
  return m ? m->mean : std::nullopt;
}

struct Channel {
  const char* name;
  const char* planned;
  const char* sent;
  const char* lost;
  const char* unit;   ///< what is counted, plural
  const char* other;  ///< why the rest (not lost to the pool) was not sent
};

constexpr Channel kChannels[] = {
    {"invitations", "invites_planned", "invites_sent", "invites_lost_to_pool", "invitations",
     "the platform refused or restricted (limits, restrictions, back-off) or the working day ran out"},
    {"InMail", "inmails_planned", "inmails_sent", "inmails_lost_to_pool", "InMails",
     "the platform refused (InMail credits used up, or a restriction)"},
    {"email", "emails_planned", "email_prospects", "emails_lost_to_pool", "first emails", "not sent"},
};

std::string count(double v) {
  // Means per sender: whole numbers with thousands separators, one decimal below 10.
  if (std::abs(v) < 10) return fmt::format("{:.1f}", v);
  std::string digits = fmt::format("{:.0f}", v), out;
  const std::size_t lead = digits[0] == '-' ? 1 : 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > lead && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::vector<OutreachNote> outreach_notes(const json& results, double shortfall) {
  return outreach_notes(run_document_from_json(results), shortfall);
}

std::vector<OutreachNote> outreach_notes(const RunDocument& results, double shortfall) {
  std::vector<OutreachNote> notes;
  for (const ArmResults& arm : results.arms) {
    if (!arm.name) continue;
    const double share = planned_mean(arm, "pool_ran_dry").value_or(0.0);
    const double censored = planned_mean(arm, "pool_dry_day").value_or(0.0);
    const double horizon = arm.horizon_days ? static_cast<double>(*arm.horizon_days) : 0.0;
    // pool_dry_day is censored at the horizon: the mean day over the senders that ran dry is
    // (mean - (1 - share) × horizon) / share, exactly, with the same number of senders per replication.
    const double dry_day = share > 0 ? std::max(0.0, (censored - (1 - share) * horizon) / share) : 0.0;
    const double pool = planned_mean(arm, "prospect_pool").value_or(0.0);
    for (const Channel& c : kChannels) {
      const auto planned = planned_mean(arm, c.planned), sent = planned_mean(arm, c.sent), lost = planned_mean(arm, c.lost);
      if (!planned || !sent || !lost || *planned <= 0) continue;
      const double missing = std::max(0.0, *planned - *sent);
      if (missing <= shortfall * *planned && *lost <= 0) continue;
      OutreachNote n{*arm.name, c.name, *planned, *sent, *lost, share, dry_day, pool, {}};
      std::string why;
      if (*lost > 0)
        why = fmt::format("the prospect pool ran dry ({:.0f}% of senders, on day {:.0f} on average; {} prospects in a pool at the start), "
                          "which lost {}",
                          100 * share, dry_day, count(pool), count(*lost));
      const double other = std::max(0.0, missing - *lost);
      if (other >= 0.05 * missing && other > 0) why += fmt::format("{}{} {}", why.empty() ? "" : "; ", count(other), c.other);
      n.text = fmt::format("arm '{}', {}: {} of {} planned {} sent per sender ({:.0f}% short): {}", n.arm, c.name, count(*sent),
                           count(*planned), c.unit, 100 * missing / *planned, why);
      notes.push_back(std::move(n));
    }
  }
  return notes;
}

json outreach_notes_json(const std::vector<OutreachNote>& notes) {
  json out = json::array();
  for (const OutreachNote& n : notes)
    out.push_back({{"arm", n.arm}, {"channel", n.channel}, {"planned", n.planned}, {"sent", n.sent},
                   {"lost_to_pool", n.lost_to_pool}, {"pool_ran_dry", n.ran_dry_share}, {"pool_dry_day", n.dry_day},
                   {"prospect_pool", n.pool}, {"text", n.text}});
  return out;
}

}  // namespace linksim::report
