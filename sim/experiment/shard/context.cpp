// A shard's senders: each is the member the replication drew for its global index, with the
// cohort's strategy and plan, its own streams and its prospect pool.
#include "experiment/shard/context.hpp"

#include <algorithm>

namespace linksim::experiment {

ShardContext::ShardContext(const ReplicationInput& in, const ArmPlan& plan_, std::span<const SenderSeat> seats,
                           unsigned shard_, unsigned shards)
    : world(in.world),
      plan(plan_),
      horizon(plan_.horizon_days),
      last(static_cast<Time>(plan_.horizon_days) * core::kDay - 1),
      seed(in.scenario.seed),
      rep(in.replication),
      shard(shard_),
      sink(in.trace) {
  std::uint64_t global = 0;
  for (std::uint32_t c = 0; c < plan.cohorts.size(); ++c) {
    const std::uint64_t first = global;  // the cohort's senders have consecutive global indices
    const CohortPlan& cohort = plan.cohorts[c];
    const double precision = plan.platform.plans[static_cast<std::size_t>(cohort.plan)].search_filter_precision;
    // A sender never needs more prospects than it can contact in the run: invitations, InMails
    // and first emails, all drawn from one pool (twice that, with margin for refused and skipped
    // ones).
    const auto& st = cohort.strategy;
    const auto per_day = static_cast<std::size_t>(std::max(1, st.invites.per_day + st.email.per_day + (st.inmail.per_week + 4) / 5));
    const auto limit = 2 * per_day * static_cast<std::size_t>(horizon) + 64;
    const bool prospects = st.invites.per_day > 0 || st.email.per_day > 0 || st.inmail.per_week > 0;
    for (std::size_t i = 0; i < cohort.count; ++i, ++global) {
      if (global % shards != shard) continue;  // another shard's sender
      Sender s;
      s.cohort = c;
      s.strategy = &cohort.strategy;
      s.plan = cohort.plan;
      // A sender who posts regularly has a profile that looks active: up to content.profile_boost
      // at 5 posts a week or more (what recipients see when deciding on an invitation).
      s.profile_strength = std::min(1.0, cohort.profile_strength + plan.response.content.profile_boost *
                                                                      std::min(1.0, st.content.posts_per_week / 5.0));
      s.focal = cohort.focal || !plan.facts.any_focal;  // a pure population: every sender is reported on
      s.abusive = cohort.label == Label::kAbusive;
      s.traced = sink != nullptr && sink->wants(static_cast<std::uint32_t>(global), cohort.name, s.focal);
      s.new_account = cohort.new_account;
      s.member = seats[global].member;
      // Rings: consecutive accounts of the cohort in blocks of adapt.ring (the last may be smaller).
      if (st.adapt.ring > 1) {
        const std::uint64_t ring = static_cast<std::uint64_t>(st.adapt.ring);
        const std::uint64_t start = first + (global - first) / ring * ring;
        for (std::uint64_t g = start; g < std::min(start + ring, first + cohort.count); ++g)
          if (g != global) s.ring.push_back(seats[g].member);
      }
      s.followers = seats[global].followers;
      s.rng = streams::sender(seed, rep, streams::kSenderTiming, global);
      // Prospect draws get their own stream: a refused invitation (tried again, no new draw)
      // must not shift the timing draws, or the other way round, so that two arms that differ
      // only in a limit walk the same prospects in the same order (common random numbers).
      s.picks = streams::sender(seed, rep, streams::kProspectPicks, global);
      s.prospects = std::make_unique<strategy::Prospects>(world, s.member, cohort.strategy.targeting, precision,
                                                          streams::pool_seed(seed, rep, global), limit, in.pools);
      s.reputation = std::make_unique<model::SenderReputation>(plan.response.email.reputation);
      metrics::SenderStats st0;
      st0.pool_dry_day = horizon;  // censored: the pool lasted unless prospector::next finds it dry
      if (prospects) st0.prospect_pool = static_cast<double>(s.prospects->pool_size());
      stats.push_back(st0);
      ids.push_back(static_cast<std::uint32_t>(global));
      plans.push_back(cohort.plan);
      senders.push_back(std::move(s));
    }
  }
}

}  // namespace linksim::experiment
