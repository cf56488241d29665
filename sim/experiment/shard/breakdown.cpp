#include "experiment/shard/breakdown.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "experiment/shard/context.hpp"
#include "experiment/shard/scoring.hpp"
#include "linksim/metrics/registry.hpp"

namespace linksim::experiment {

namespace {
using metrics::Group;
using metrics::breakdown_metric;

void put(metrics::GroupResult& g, std::string_view name, double v) { g.values[std::string(name)] = v; }
}  // namespace

ShardBreakdown shard_breakdown(const ShardContext& ctx, const platform::Policy& policy) {
  ShardBreakdown out;
  const std::size_t n = ctx.senders.size();
  for (const Sender& x : ctx.senders) out.cohort.push_back(x.cohort);
  const std::size_t rules = policy.rule_count();
  for (std::size_t r = 0; r < rules; ++r) out.rule_names.emplace_back(policy.rule_name(static_cast<std::uint8_t>(r)));
  out.rules.resize(rules);
  // Each sender restricted by each rule, once: (rule, local sender).
  std::set<std::pair<std::uint8_t, std::uint32_t>> restricted;
  // A sender who rotates accounts has one platform identity per account (s + k·n, the gateway's
  // numbering): every account's penalties are the person's.
  for (const platform::Transition& t : policy.transitions()) {
    if (t.rule >= rules || t.effect == platform::Effect::kReinstatement) continue;
    const std::uint32_t person = static_cast<std::uint32_t>(t.sender % n);
    RuleTally& tally = out.rules[t.rule];
    if (t.effect == platform::Effect::kWarning) {
      ++tally.warnings;
      continue;
    }
    ++tally.restrictions;
    if (restricted.emplace(t.rule, person).second) {
      ++tally.senders_restricted;
      if (ctx.senders[person].abusive) ++tally.abusive_restricted;
    }
  }
  for (std::size_t r = 0; r < rules; ++r)
    for (std::uint32_t s = 0; s < n; ++s) {
      const double denied = ctx.denials.of(static_cast<std::uint8_t>(r), s);
      (ctx.senders[s].abusive ? out.rules[r].denied_abusive : out.rules[r].denied_legit) += denied;
    }
  return out;
}

double median_of(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t k = v.size();
  return k % 2 == 1 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
}

void score_breakdown(const std::vector<ShardOut>& parts, const ArmPlan& plan, const std::vector<metrics::SenderStats>& stats,
                     const std::vector<core::Time>& first_restricted,
                     metrics::BreakdownResult& out) {
  // Cohorts: every sender's cohort, from the shards (senders are numbered in cohort order).
  std::vector<std::uint32_t> cohort(stats.size(), 0);
  for (const ShardOut& part : parts)
    for (std::size_t i = 0; i < part.ids.size(); ++i) cohort[part.ids[i]] = part.breakdown.cohort[i];
  for (std::uint32_t c = 0; c < plan.cohorts.size(); ++c) {
    const CohortPlan& k = plan.cohorts[c];
    if (k.count == 0) continue;
    double n = 0, restricted = 0, sent = 0, blocked = 0, connections = 0;
    std::vector<double> days;
    for (std::size_t g = 0; g < stats.size(); ++g) {
      if (cohort[g] != c) continue;
      ++n;
      const bool r = first_restricted[g] != core::kNever;
      restricted += r ? 1 : 0;
      sent += stats[g].invites_sent;
      blocked += stats[g].blocked;
      connections += stats[g].connections_gained;
      // Censored at the horizon, as median_days_to_restrict_spammers.
      days.push_back(r ? static_cast<double>(first_restricted[g]) / core::kDay : static_cast<double>(plan.horizon_days));
    }
    metrics::GroupResult& group = out.cohorts.emplace_back();
    group.name = k.name;
    group.label = k.label == Label::kAbusive ? "abusive" : "legit";
    group.focal = k.focal || !plan.facts.any_focal;
    const double per = n > 0 ? 1.0 / n : 0.0;
    put(group, breakdown_metric(Group::kCohort, "senders"), n);
    put(group, breakdown_metric(Group::kCohort, "restricted_share"), restricted * per);
    put(group, breakdown_metric(Group::kCohort, "invites_sent"), sent);
    put(group, breakdown_metric(Group::kCohort, "invites_blocked"), blocked);
    put(group, breakdown_metric(Group::kCohort, "invites_sent_per_sender"), sent * per);
    put(group, breakdown_metric(Group::kCohort, "invites_blocked_per_sender"), blocked * per);
    put(group, breakdown_metric(Group::kCohort, "connections_gained_per_sender"), connections * per);
    put(group, breakdown_metric(Group::kCohort, "median_days_to_first_restriction"), median_of(std::move(days)));
  }

  // Rules: the shards' tallies, summed in shard order (whole numbers: exact in any order).
  const auto& names = parts.front().breakdown.rule_names;
  std::vector<RuleTally> total(names.size());
  for (const ShardOut& part : parts)
    for (std::size_t r = 0; r < total.size() && r < part.breakdown.rules.size(); ++r) {
      const RuleTally& t = part.breakdown.rules[r];
      total[r].restrictions += t.restrictions;
      total[r].warnings += t.warnings;
      total[r].senders_restricted += t.senders_restricted;
      total[r].abusive_restricted += t.abusive_restricted;
      total[r].denied_legit += t.denied_legit;
      total[r].denied_abusive += t.denied_abusive;
    }
  std::set<std::string> taken;
  for (std::size_t r = 0; r < names.size(); ++r) {
    metrics::GroupResult& group = out.rules.emplace_back();
    // Two limiters of one algorithm share a name: the second is "limiter:token_bucket_2".
    group.name = names[r];
    for (int i = 2; !taken.insert(group.name).second; ++i) group.name = names[r] + "_" + std::to_string(i);
    const RuleTally& t = total[r];
    put(group, breakdown_metric(Group::kRule, "restrictions"), t.restrictions);
    put(group, breakdown_metric(Group::kRule, "warnings"), t.warnings);
    put(group, breakdown_metric(Group::kRule, "senders_restricted"), t.senders_restricted);
    put(group, breakdown_metric(Group::kRule, "abusive_restricted"), t.abusive_restricted);
    put(group, breakdown_metric(Group::kRule, "precision"),
        t.senders_restricted > 0 ? t.abusive_restricted / t.senders_restricted : std::numeric_limits<double>::quiet_NaN());
    put(group, breakdown_metric(Group::kRule, "invites_denied_legit"), t.denied_legit);
    put(group, breakdown_metric(Group::kRule, "invites_denied_abusive"), t.denied_abusive);
  }
}

}  // namespace linksim::experiment
