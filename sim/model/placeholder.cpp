// Placeholder model used until the member-response and strategy modules land.
#include "linksim/model/placeholder.hpp"

#include <deque>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"
#include "linksim/platform/params.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::model {

namespace {
enum Kind : std::uint32_t { kDayStart = 1, kSend = 2, kAccept = 3, kDayEnd = 4 };
}

metrics::RunResult run_placeholder(const nlohmann::json& config, std::uint64_t seed, std::uint32_t replication) {
  using namespace core;
  const int horizon = config.at("horizon_days").get<int>();
  const auto& response = config.at("world").at("response");
  const double p_accept = response.at("accept_probability").get<double>();
  const double mean_delay = response.at("mean_response_days").get<double>() * static_cast<double>(kDay);
  // Until the strategy module wires platform::Policy in: the free plan's weekly cap.
  const auto platform = platform::platform_params_from_json(config.at("platform"), "/platform");
  const int cap = static_cast<int>(platform.plans[static_cast<std::size_t>(platform::PlanId::kFree)].weekly_invite_cap);

  std::vector<strategy::Invites> pacing;
  for (const auto& [name, cohort] : config.at("senders").items()) {
    const auto params = strategy::resolve_strategy(cohort.at("strategy"), "/senders/" + name + "/strategy");
    for (int i = 0; i < cohort.at("count").get<int>(); ++i) pacing.push_back(params.invites);
  }
  const auto n = static_cast<std::uint32_t>(pacing.size());

  std::vector<Rng> send_rng, response_rng;
  for (std::uint32_t s = 0; s < n; ++s) {
    send_rng.push_back(make_rng(seed, replication, Purpose::kSender, s));
    response_rng.push_back(make_rng(seed, replication, Purpose::kResponses, s));
  }
  std::vector<std::deque<Time>> window(n);  // send times in the last 7 days, per sender
  std::vector<double> sent(n), blocked_days(n);
  std::vector<char> blocked_today(n);
  metrics::RunResult r;
  auto& d_conn = r.daily["connections"];
  auto& d_sent = r.daily["invites_sent"];
  auto& d_weekly = r.daily["invites_weekly"];
  auto& d_cap = r.daily["weekly_cap"];
  auto& d_pending = r.daily["pending"];
  auto& d_restricted = r.daily["restricted"];
  double sent_today = 0, total_accepted = 0, total_pending = 0;
  const WorkingHours hours;
  const auto working_seconds = static_cast<double>((hours.end_hour - hours.start_hour) * kHour);

  Simulation sim;
  sim.every(0, kDay, kDayStart);
  sim.every(kDay - 1, kDay, kDayEnd);
  sim.run_until(static_cast<Time>(horizon) * kDay - 1, [&](const Event& e) {
    switch (e.kind) {
      case kDayStart:
        if (is_weekend(e.time)) break;
        for (std::uint32_t s = 0; s < n; ++s)
          for (int k = 0, pace = pacing[s].pace_on_day(static_cast<int>(day_of(e.time))); k < pace; ++k)
            sim.schedule(e.time + hours.start_hour * kHour + static_cast<Time>(uniform01(send_rng[s]) * working_seconds), kSend, s);
        break;
      case kSend: {
        auto& w = window[e.a];
        while (!w.empty() && w.front() <= e.time - kWeek) w.pop_front();
        if (static_cast<int>(w.size()) >= cap) {  // "weekly limit reached"
          blocked_today[e.a] = 1;
          break;
        }
        w.push_back(e.time);
        ++sent[e.a];
        ++sent_today;
        ++total_pending;
        if (bernoulli(response_rng[e.a], p_accept))
          sim.schedule(e.time + static_cast<Time>(exponential(response_rng[e.a], mean_delay)), kAccept, e.a);
        break;
      }
      case kAccept:
        ++total_accepted;
        --total_pending;
        break;
      case kDayEnd: {
        double weekly = 0, restricted = 0;
        for (std::uint32_t s = 0; s < n; ++s) {
          while (!window[s].empty() && window[s].front() <= e.time - kWeek) window[s].pop_front();
          weekly += static_cast<double>(window[s].size());
          restricted += blocked_today[s];
          blocked_days[s] += blocked_today[s];
          blocked_today[s] = 0;
        }
        const double dn = n == 0 ? 1.0 : static_cast<double>(n);
        d_conn.push_back(total_accepted / dn);
        d_sent.push_back(sent_today / dn);
        d_weekly.push_back(weekly / dn);
        d_cap.push_back(cap);
        d_pending.push_back(total_pending / dn);
        d_restricted.push_back(restricted / dn);
        sent_today = 0;
        break;
      }
      default: break;
    }
  });

  double total_sent = 0, total_blocked = 0;
  for (std::uint32_t s = 0; s < n; ++s) {
    total_sent += sent[s];
    total_blocked += blocked_days[s];
  }
  const double dn = n == 0 ? 1.0 : static_cast<double>(n);
  for (const auto& m : metrics::sender_metric_names()) r.scalars[m] = 0.0;
  r.scalars["invites_sent"] = total_sent / dn;
  r.scalars["invites_accepted"] = total_accepted / dn;
  r.scalars["connections_gained"] = total_accepted / dn;
  r.scalars["acceptance_rate"] = total_sent > 0 ? total_accepted / total_sent : 0.0;
  r.scalars["pending_at_end"] = total_pending / dn;
  r.scalars["restricted_days"] = total_blocked / dn;
  return r;
}

}  // namespace linksim::model
