// Builds the report fixtures from simulated replications, summarised with experiment statistics,
// so the documents look like real runs (noisy per-replication values, paired comparisons).
#include "report_fixture.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/experiment/statistics.hpp"

namespace linksim::testing {
namespace {

using nlohmann::json;
namespace ex = linksim::experiment;

constexpr int kReps = 20;
constexpr int kDays = 84;

struct ArmShape {
  const char* name;
  const char* description;
  double invites_per_day;  // before the weekly cap bites
  double acceptance;
  double reply_rate;
  double cost;
  double restriction_risk;
};

const std::array<ArmShape, 3> kArms = {{
    {"cold", "Cold invitations without a note, 25 a day.", 25, 0.28, 0.10, 180, 0.02},
    {"personalized <b>note</b>", "A personalized note on every invitation & a lower daily pace.", 15, 0.36, 0.18, 240, 0.005},
    {"growth-hack \"blast\"", "An automation tool sending as much as the cap allows.", 40, 0.22, 0.06, 320, 0.12},
}};

json stat_of(const std::vector<double>& xs) {
  const auto s = ex::sample_stats(xs);
  return {{"mean", s.mean}, {"sd", s.sd}, {"ci95", {s.ci.lo, s.ci.hi}}, {"per_replication", xs}};
}

json band(const std::vector<std::vector<double>>& per_rep_days) {
  json mean = json::array(), lo = json::array(), hi = json::array();
  for (int d = 0; d < kDays; ++d) {
    std::vector<double> xs;
    for (const auto& rep : per_rep_days) xs.push_back(rep[static_cast<std::size_t>(d)]);
    const auto s = ex::sample_stats(xs);
    mean.push_back(s.mean);
    lo.push_back(s.ci.lo);
    hi.push_back(s.ci.hi);
  }
  return {{"mean", mean}, {"ci95_lo", lo}, {"ci95_hi", hi}};
}

}  // namespace

json fixture_results() {
  json arms = json::array();
  std::vector<std::vector<double>> connections_by_arm;
  std::vector<json> metrics_by_arm;
  for (std::size_t a = 0; a < kArms.size(); ++a) {
    const ArmShape& shape = kArms[a];
    std::vector<std::vector<double>> conn(kReps), weekly(kReps), pending(kReps), restricted(kReps);
    std::vector<double> m_sent, m_acc, m_rate, m_conn, m_inbound, m_pend, m_withdrawn, m_reports, m_warn, m_restr,
        m_rdays, m_susp, m_inmail, m_email, m_replies, m_leads, m_meet, m_pipe, m_cost, m_hours, m_spam, m_blocked,
        m_recall, m_fpr, m_days_restrict, m_p99;
    for (int r = 0; r < kReps; ++r) {
      // Common random numbers: the same stream per replication for every arm, as the runner does.
      auto rng = core::make_rng(77, static_cast<std::uint64_t>(r), core::Purpose::kTest);
      double sent = 0, accepted = 0, pend = 0, restricted_days = 0;
      std::vector<double> window;
      for (int d = 0; d < kDays; ++d) {
        const bool is_restricted = core::uniform01(rng) < shape.restriction_risk * (d > 20 ? 2.0 : 0.5);
        // Rolling 7-day cap of 100 (free plan, practitioner guide): `window` holds the previous 6 days.
        double in_window = 0;
        for (const double x : window) in_window += x;
        const double cap_left = 100.0 - in_window;
        double today = is_restricted ? 0.0 : std::min(cap_left, shape.invites_per_day * (d % 7 < 5 ? 1.0 : 0.2));
        today = std::clamp(std::round(today * (0.9 + 0.2 * core::uniform01(rng))), 0.0, cap_left);
        window.push_back(today);
        sent += today;
        const double acc_today = std::round(pend * shape.acceptance * 0.12 * (0.8 + 0.4 * core::uniform01(rng)));
        accepted += acc_today;
        pend = std::max(0.0, pend + today - acc_today - std::round(pend * 0.01));
        restricted_days += is_restricted ? 1 : 0;
        conn[static_cast<std::size_t>(r)].push_back(accepted + 0.3 * d);
        double w = 0;
        for (const double x : window) w += x;
        weekly[static_cast<std::size_t>(r)].push_back(w);
        if (window.size() > 6) window.erase(window.begin());
        pending[static_cast<std::size_t>(r)].push_back(pend);
        restricted[static_cast<std::size_t>(r)].push_back(is_restricted ? 1.0 : 0.0);
      }
      const double replies = std::round(accepted * shape.reply_rate * (0.8 + 0.4 * core::uniform01(rng)));
      const double leads = std::round(replies * 0.3 * (0.7 + 0.6 * core::uniform01(rng)));
      m_sent.push_back(sent);
      m_acc.push_back(accepted);
      m_rate.push_back(sent > 0 ? accepted / sent : 0.0);
      m_conn.push_back(accepted + 0.3 * kDays);
      m_inbound.push_back(std::round(3 + 4 * core::uniform01(rng)));
      m_pend.push_back(pend);
      m_withdrawn.push_back(0);
      m_reports.push_back(std::round(sent * (1 - shape.acceptance) * 0.004 * (0.5 + core::uniform01(rng))));
      m_warn.push_back(std::round(restricted_days / 4));
      m_restr.push_back(std::round(restricted_days / 3));
      m_rdays.push_back(restricted_days);
      m_susp.push_back(0);
      m_inmail.push_back(0);
      m_email.push_back(0);
      m_replies.push_back(replies);
      m_leads.push_back(leads);
      m_meet.push_back(std::round(leads * 0.4));
      m_pipe.push_back(leads * 2500);
      m_cost.push_back(shape.cost * (0.95 + 0.1 * core::uniform01(rng)));
      m_hours.push_back(sent / 20.0);
      m_spam.push_back(std::round(1000 * shape.restriction_risk * 20 * (0.8 + 0.4 * core::uniform01(rng))));
      m_blocked.push_back(std::round(50 * (0.15 - shape.restriction_risk) * (0.8 + 0.4 * core::uniform01(rng))));
      m_recall.push_back(0.5 + 3 * shape.restriction_risk * core::uniform01(rng));
      m_fpr.push_back(0.002 + shape.restriction_risk * 0.2 * core::uniform01(rng));
      m_days_restrict.push_back(3 + 10 * core::uniform01(rng));
      m_p99.push_back(std::round(4 + 4 * core::uniform01(rng)));
    }
    json metrics = {{"invites_sent", stat_of(m_sent)}, {"invites_accepted", stat_of(m_acc)},
                    {"acceptance_rate", stat_of(m_rate)}, {"connections_gained", stat_of(m_conn)},
                    {"inbound_requests", stat_of(m_inbound)}, {"pending_at_end", stat_of(m_pend)},
                    {"withdrawn", stat_of(m_withdrawn)}, {"spam_reports", stat_of(m_reports)},
                    {"warnings", stat_of(m_warn)}, {"restrictions", stat_of(m_restr)},
                    {"restricted_days", stat_of(m_rdays)}, {"suspended", stat_of(m_susp)},
                    {"inmails_sent", stat_of(m_inmail)}, {"emails_sent", stat_of(m_email)},
                    {"replies", stat_of(m_replies)}, {"leads", stat_of(m_leads)}, {"meetings", stat_of(m_meet)},
                    {"pipeline_value", stat_of(m_pipe)}, {"cost_usd", stat_of(m_cost)}, {"hours_spent", stat_of(m_hours)},
                    {"spam_invites_delivered", stat_of(m_spam)}, {"legit_invites_blocked", stat_of(m_blocked)},
                    {"spammer_recall", stat_of(m_recall)}, {"legit_false_positive_rate", stat_of(m_fpr)},
                    {"median_days_to_restrict_spammers", stat_of(m_days_restrict)},
                    {"member_unwanted_invites_p99", stat_of(m_p99)}};
    std::vector<std::vector<double>> cap(kReps, std::vector<double>(kDays, 100.0));
    json daily = {{"connections", band(conn)}, {"invites_weekly", band(weekly)}, {"weekly_cap", band(cap)},
                  {"pending", band(pending)}, {"restricted", band(restricted)}};
    arms.push_back({{"name", shape.name}, {"description", shape.description}, {"metrics", metrics}, {"daily", daily}});
    metrics_by_arm.push_back(metrics);
  }
  json comparisons = json::array();
  for (std::size_t a = 1; a < kArms.size(); ++a) {
    json cm = json::object();
    for (const auto& [name, stat] : metrics_by_arm[a].items()) {
      const auto arm_xs = stat["per_replication"].get<std::vector<double>>();
      const auto base_xs = metrics_by_arm[0][name]["per_replication"].get<std::vector<double>>();
      const auto d = ex::paired_stats(arm_xs, base_xs);
      cm[name] = {{"mean_diff", d.mean_diff}, {"sd", d.sd}, {"ci95", {d.ci.lo, d.ci.hi}}};
    }
    comparisons.push_back({{"arm", kArms[a].name}, {"baseline", kArms[0].name}, {"metrics", cm}});
  }
  // The results contract's order (docs/results-format.md), as the runner writes it.
  const json names = {"invites_sent", "invites_accepted", "acceptance_rate", "connections_gained",
                      "inbound_requests", "pending_at_end", "withdrawn", "spam_reports", "warnings",
                      "restrictions", "restricted_days", "suspended", "inmails_sent", "emails_sent",
                      "replies", "leads", "meetings", "pipeline_value", "cost_usd", "hours_spent",
                      "spam_invites_delivered", "legit_invites_blocked", "spammer_recall",
                      "legit_false_positive_rate", "median_days_to_restrict_spammers",
                      "member_unwanted_invites_p99"};
  return {{"linksim_version", "0.1.0"},
          {"scenario",
           {{"name", kHostileName},
            {"description",
             "Which note gets more connections without a restriction? </script><!-- & \"quoted\" 'text'\nSecond line."},
            {"seed", 77},
            {"replications", kReps},
            {"horizon_days", kDays},
            {"source", "tests/<fixture>.json"}}},
          {"complete", true},
          {"replications_completed", kReps},
          {"metric_names", names},
          {"arms", arms},
          {"comparisons", comparisons},
          {"warnings", {"acceptance_rate in arm '<img src=x onerror=alert(2)>': CI half-width is 14% of the mean; use more replications"}}};
}

json fixture_results_degenerate() {
  json results = fixture_results();
  json arm = results["arms"][0];
  for (auto& [name, stat] : arm["metrics"].items()) {
    const double first = stat["per_replication"][0].get<double>();
    const bool none = name == "leads" || name == "meetings" || name == "restricted_days" || name == "restrictions";
    const double v = none ? 0.0 : first;
    stat = {{"mean", v}, {"sd", 0.0}, {"ci95", {v, v}}, {"per_replication", {v}}};
  }
  for (auto& [name, series] : arm["daily"].items()) {
    series["ci95_lo"] = series["mean"];
    series["ci95_hi"] = series["mean"];
    if (name == "restricted") {
      for (auto& v : series["mean"]) v = 0.0;
      series["ci95_lo"] = series["mean"];
      series["ci95_hi"] = series["mean"];
    }
  }
  results["arms"] = json::array({arm});
  results["comparisons"] = json::array();
  results["complete"] = false;
  results["replications_completed"] = 1;
  results["warnings"] = json::array();
  return results;
}

json fixture_sweep() {
  json points = json::array();
  for (const double cap : {100.0, 150.0, 200.0}) {
    for (const char* plan : {"free", "premium <b>", "sales_nav"}) {
      json arms = json::array();
      for (const auto& [arm, factor] : {std::pair{"cold", 1.0}, std::pair{"personalized", 1.3}}) {
        const double conn = factor * cap * 0.3 * (plan[0] == 'f' ? 1.0 : 1.2);
        arms.push_back({{"name", arm},
                        {"metrics",
                         {{"connections_gained", {{"mean", conn}, {"ci95", {conn * 0.93, conn * 1.07}}}},
                          {"restrictions", {{"mean", cap / 100.0 - 0.5}, {"ci95", {cap / 100.0 - 0.9, cap / 100.0 - 0.1}}}},
                          {"suspended", {{"mean", 0.0}, {"ci95", {0.0, 0.0}}}}}}});
      }
      points.push_back({{"values", {{"/platform/weekly_invites", cap}, {"/sender/plan", plan}}}, {"arms", arms}});
    }
  }
  return {{"scenario", {{"name", std::string("Sweep ") + kHostileName}, {"description", "Weekly cap × plan."}}},
          {"parameters", {"/platform/weekly_invites", "/sender/plan"}},
          {"points", points}};
}

}  // namespace linksim::testing
