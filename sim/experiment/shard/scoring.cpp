#include "experiment/shard/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

namespace {

/// The platform metrics, from ground truth. `stats` etc. are indexed by global sender.
void score_policy(const std::vector<metrics::SenderStats>& stats, const std::vector<char>& abusive,
                  const std::vector<core::Time>& first_restricted, const std::vector<double>& peak, std::vector<ShardOut>& parts,
                  const PopulationFacts& facts, int horizon, std::size_t members, metrics::RunResult& result) {
  double spam_delivered = 0, legit_blocked = 0, legit_connections = 0, legit = 0, legit_restricted = 0;
  double abusive_n = 0, abusive_restricted = 0, peak_sum = 0, spam_other = 0;
  std::vector<double> days_to_restrict;
  for (std::uint32_t g = 0; g < facts.senders; ++g) {
    const auto& st = stats[g];
    const bool restricted = first_restricted[g] != core::kNever;
    if (abusive[g]) {
      ++abusive_n;
      spam_delivered += st.invites_sent;
      spam_other += st.inmails_sent + st.email_threads;
      abusive_restricted += restricted ? 1 : 0;
      // Censored at the horizon: a spammer never restricted counts as "not within the run".
      days_to_restrict.push_back(restricted ? static_cast<double>(first_restricted[g]) / core::kDay : static_cast<double>(horizon));
      peak_sum += peak[g];
    } else {
      ++legit;
      legit_blocked += st.blocked;
      legit_connections += st.connections_gained;
      legit_restricted += restricted ? 1 : 0;
    }
  }
  auto& m = result.scalars;
  m[std::string(metrics::policy_metric("legit_invites_blocked"))] = legit_blocked;
  m[std::string(metrics::policy_metric("legit_connections_formed"))] = legit_connections;
  m[std::string(metrics::policy_metric("legit_false_positive_rate"))] = legit > 0 ? legit_restricted / legit : 0.0;
  if (!facts.any_abusive) return;
  m[std::string(metrics::policy_metric("spam_invites_delivered"))] = spam_delivered;
  m[std::string(metrics::policy_metric("spam_other_channels"))] = spam_other;
  m[std::string(metrics::policy_metric("spammer_recall"))] = abusive_restricted / abusive_n;
  // The ladder as a detector: of the senders it restricted, the abusive share (0 when none).
  const double restricted = abusive_restricted + legit_restricted;
  m[std::string(metrics::policy_metric("restriction_precision"))] = restricted > 0 ? abusive_restricted / restricted : 0.0;
  m[std::string(metrics::policy_metric("median_days_to_restrict_spammers"))] = median_of(std::move(days_to_restrict));
  m[std::string(metrics::policy_metric("spammer_peak_invites_48h"))] = peak_sum / abusive_n;
  // p99 over every member of the world of the invitations received from abusive senders.
  std::vector<std::uint32_t> counts(members, 0);
  for (auto& part : parts) {
    for (const std::uint32_t v : part.unwanted) ++counts[v];
    std::vector<std::uint32_t>().swap(part.unwanted);
  }
  const std::size_t q = std::min(counts.size() - 1, static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(counts.size()))) - 1);
  std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(q), counts.end());
  m[std::string(metrics::policy_metric("member_unwanted_invites_p99"))] = counts[q];
}

}  // namespace

metrics::RunResult combine(std::vector<ShardOut>& parts, const ArmPlan& plan, std::size_t members) {
  const PopulationFacts& facts = plan.facts;
  const int horizon = plan.horizon_days;
  metrics::RunResult result;
  std::vector<metrics::SenderStats> stats(facts.senders);
  std::vector<char> focal(facts.senders, 0), abusive(facts.senders, 0);
  std::vector<core::Time> first_restricted(facts.senders, core::kNever);
  std::vector<double> peak(facts.senders, 0.0);
  for (auto& part : parts)
    for (std::size_t i = 0; i < part.ids.size(); ++i) {
      const std::uint32_t g = part.ids[i];
      stats[g] = part.stats[i];
      focal[g] = part.focal[i];
      abusive[g] = part.abusive[i];
      first_restricted[g] = part.first_restricted[i];
      peak[g] = part.peak_48h[i];
    }
  std::vector<std::uint32_t> focal_ids;
  for (std::uint32_t g = 0; g < facts.senders; ++g)
    if (focal[g]) focal_ids.push_back(g);
  metrics::add_sender_metrics(stats, focal_ids, result);

  const double n = facts.focal == 0 ? 1.0 : static_cast<double>(facts.focal);
  for (std::size_t k = 0; k < metrics::kDailySeries.size(); ++k) {
    auto& series = result.daily[std::string(metrics::kDailySeries[k].name)];
    for (std::size_t d = 0; d < parts.front().daily.size(); ++d) {
      ExactSum sum;
      for (const auto& part : parts) sum.add(part.daily[d][k]);
      series.push_back(sum.value() / n);
    }
  }
  for (const auto& part : parts) result.events += part.events;

  if (facts.any_abusive) score_breakdown(parts, plan, stats, first_restricted, result.breakdown);
  if (facts.any_abusive || facts.any_legit)
    score_policy(stats, abusive, first_restricted, peak, parts, facts, horizon, members, result);
  return result;
}

}  // namespace linksim::experiment
