// The metric registry is the one list of metrics: every SenderStats counter is either a registered
// metric or named here as internal, the lists derived from it agree with it, and aggregation
// follows it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <type_traits>
#include <utility>

#include "linksim/metrics/registry.hpp"

using namespace linksim;
using metrics::SenderStats;

namespace {

// Counts an aggregate's fields: the largest N for which T{x1, ..., xN} compiles, each x converting
// to any member type (the technique of boost::pfr, which linksim does not depend on). A member of
// class type (std::array) takes one initializer, so the count is the number of declared members.
struct AnyField {
  template <class T>
  constexpr operator T() const noexcept {
    return T{};
  }
};
template <class T, std::size_t N>
constexpr bool initializable_with() {
  return []<std::size_t... I>(std::index_sequence<I...>) {
    return requires { T{((void)I, AnyField{})...}; };
  }(std::make_index_sequence<N>{});
}
template <class T, std::size_t N = 0>
constexpr std::size_t field_count() {
  if constexpr (initializable_with<T, N + 1>()) {
    return field_count<T, N + 1>();
  } else {
    return N;
  }
}

constexpr std::size_t kSenderStatsFields = 54;
static_assert(field_count<SenderStats>() == kSenderStatsFields,
              "SenderStats gained or lost a field: register the new counter in include/linksim/metrics/registry.hpp "
              "(or add it to internal_fields() in this test if it is bookkeeping), then update kSenderStatsFields and the "
              "structured binding in \"every SenderStats field is a registered metric or internal\"");

// Bookkeeping the loop keeps per sender that is not a sender metric: the rolling week and today's
// flags feed the daily series, `blocked` feeds the policy metric legit_invites_blocked.
std::set<const void*> internal_fields(const SenderStats& s) {
  return {&s.last_week, &s.sent_today, &s.restricted_today, &s.blocked};
}

// Whether any registered sender metric reads `s` differently from a zeroed SenderStats.
bool read_by_registry(const SenderStats& s) {
  for (const metrics::MetricDef* m : metrics::metrics_of(metrics::Scope::kSender)) {
    if (m->numerator(s) != 0.0) return true;
    if (m->denominator && m->denominator(s) != 0.0) return true;
  }
  return false;
}

template <class F>
void set_nonzero(F& field) {
  if constexpr (std::is_same_v<F, bool>) {
    field = true;
  } else if constexpr (std::is_arithmetic_v<F>) {
    field = 1;
  } else {
    field[0] = 1;  // std::array
  }
}

}  // namespace

TEST_CASE("every SenderStats field is a registered metric or internal", "[metrics][registry]") {
  SenderStats s{};
  REQUIRE_FALSE(read_by_registry(s));
  // 54 names: the static_assert above guards the count, this binding names each field once.
  auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23,
         f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38, f39, f40, f41, f42, f43, f44, f45,
         f46, f47, f48, f49, f50, f51, f52, f53] = s;
  const auto internal = internal_fields(s);
  std::size_t index = 0, registered = 0;
  const auto probe = [&](auto& field) {
    SenderStats& target = s;
    target = SenderStats{};
    set_nonzero(field);
    const bool read = read_by_registry(target);
    const bool is_internal = internal.count(static_cast<const void*>(&field)) != 0;
    INFO("SenderStats field #" << index << " (declaration order)");
    CHECK((read || is_internal));  // a counter nobody writes out: register it
    CHECK_FALSE((read && is_internal));  // listed internal but reported: drop it from internal_fields()
    registered += read ? 1 : 0;
    ++index;
  };
  [&](auto&... fields) { (probe(fields), ...); }(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16,
                                                f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33,
                                                f34, f35, f36, f37, f38, f39, f40, f41, f42, f43, f44, f45, f46, f47, f48, f49, f50, f51, f52, f53);
  CHECK(index == kSenderStatsFields);
  CHECK(registered == kSenderStatsFields - internal.size());
}

TEST_CASE("every channel slot of the per-channel counters is read by a metric", "[metrics][registry]") {
  for (std::size_t c = 0; c < SenderStats::kChannels; ++c) {
    INFO("channel " << c);
    for (auto field : {&SenderStats::channel_replies, &SenderStats::channel_leads, &SenderStats::channel_meetings}) {
      SenderStats s{};
      (s.*field)[c] = 1;
      CHECK(read_by_registry(s));
    }
  }
}

TEST_CASE("the registry is well formed and its order is the output order", "[metrics][registry]") {
  std::set<std::string_view> names;
  bool in_policy = false;
  std::string_view previous_policy;
  for (const auto& m : metrics::kMetrics) {
    INFO(m.name);
    CHECK(names.insert(m.name).second);
    CHECK_FALSE(m.label.empty());
    CHECK_FALSE(m.description.empty());
    if (m.scope == metrics::Scope::kPolicy) {
      // Policy metrics follow the sender block, by name (experiment::summarize's historic order).
      CHECK(m.name > previous_policy);
      previous_policy = m.name;
      in_policy = true;
      CHECK(m.numerator == nullptr);
    } else {
      CHECK_FALSE(in_policy);
      CHECK(m.numerator != nullptr);
    }
  }
  const auto& sender = metrics::sender_metric_names();
  const auto& policy = metrics::policy_metric_names();
  CHECK(sender.size() + policy.size() == metrics::kMetrics.size());
  for (std::size_t i = 0; i < sender.size(); ++i) CHECK(sender[i] == metrics::kMetrics[i].name);
  for (std::size_t i = 0; i < policy.size(); ++i) CHECK(policy[i] == metrics::kMetrics[sender.size() + i].name);
  // The sender metrics written before the registry keep their places; the six it added follow,
  // then the planned-outreach and prospect-pool metrics (new sender metrics go at the end).
  const std::vector<std::string> before = {
      "invites_sent", "invites_accepted", "acceptance_rate", "connections_gained", "inbound_requests", "pending_at_end",
      "withdrawn", "spam_reports", "warnings", "restrictions", "restricted_days", "suspended", "inmails_sent",
      "emails_sent", "replies", "leads", "meetings", "pipeline_value", "cost_usd", "hours_spent",
      "invites_declined", "invites_expired", "invite_attempts_denied", "messages_sent", "emails_bounced", "followers_gained",
      "invites_planned", "invites_lost_to_pool", "inmails_planned", "inmails_lost_to_pool", "emails_planned",
      "email_prospects", "emails_lost_to_pool", "prospect_pool", "pool_ran_dry", "pool_dry_day",
      // Per-channel funnels and rates, eventual acceptance, time and value for money.
      "acceptance_rate_eventual", "invites_with_note", "note_share", "message_replies", "message_reply_rate", "message_leads", "message_meetings",
      "inmail_replies", "inmail_response_rate", "inmail_interested", "inmail_leads", "inmail_meetings", "email_replies",
      "email_reply_rate", "email_bounce_rate", "email_inbox_rate", "email_leads", "email_meetings", "inbound_replies",
      "inbound_reply_rate", "inbound_leads", "inbound_meetings", "network_replies", "network_reply_rate", "network_leads",
      "network_meetings", "time_cost_usd",
      "total_cost_usd", "meetings_per_hour", "meetings_per_1k_usd",
      // Adaptive senders.
      "accounts_rotated", "ring_connections"};
  CHECK(sender == before);
}

TEST_CASE("daily series keep the recorder's order and are found by name", "[metrics][registry]") {
  const std::vector<std::string_view> order = {"connections", "invites_sent", "invites_weekly", "weekly_cap", "pending",
                                               "restricted",  "replies",      "leads",          "cost_usd"};
  REQUIRE(metrics::kDailySeries.size() == order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    CHECK(metrics::kDailySeries[i].name == order[i]);
    CHECK(metrics::find_daily(order[i]) == i);
  }
  static_assert(metrics::daily_index("pending") == 4);
  static_assert(metrics::daily_name("cost_usd") == "cost_usd");
  CHECK_FALSE(metrics::find_daily("pending_at_end").has_value());
  static_assert(metrics::policy_metric("spammer_recall") == "spammer_recall");
}

TEST_CASE("lookups: direction and label, with fallbacks for unknown names", "[metrics][registry]") {
  CHECK(metrics::better_of("restrictions") == metrics::Better::kLower);
  CHECK(metrics::better_of("spammer_recall") == metrics::Better::kHigher);
  CHECK(metrics::better_of("invites_sent") == metrics::Better::kNeutral);
  CHECK(metrics::better_of("followers_gained") == metrics::Better::kHigher);
  CHECK(metrics::better_of("made_up") == metrics::Better::kNeutral);
  CHECK(metrics::label_of("pipeline_value") == "pipeline value (USD)");
  CHECK(metrics::label_of("made_up_metric") == "made up metric");
  CHECK(metrics::unit_name(metrics::find_metric("restricted_days")->unit) == "days");
}

TEST_CASE("add_sender_metrics: per-sender means over the members, acceptance as a ratio of sums", "[metrics][registry]") {
  std::vector<SenderStats> stats(3);
  stats[0].invites_sent = 10, stats[0].invites_accepted = 1, stats[0].pending = 4, stats[0].denied = 6;
  stats[0].followers = 2, stats[0].expired = 3, stats[0].messages_sent = 5, stats[0].emails_bounced = 1;
  stats[0].invites_declined = 2;
  stats[1].invites_sent = 30, stats[1].invites_accepted = 9, stats[1].pending = 8, stats[1].denied = 2;
  stats[2].invites_sent = 1000, stats[2].followers = 100;  // not a member: must not count
  metrics::RunResult out;
  metrics::add_sender_metrics(stats, {0, 1}, out);
  CHECK(out.scalars.size() == metrics::sender_metric_names().size());
  CHECK(out.scalars.at("invites_sent") == 20.0);
  CHECK(out.scalars.at("acceptance_rate") == 10.0 / 40.0);  // not (0.1 + 0.3) / 2
  CHECK(out.scalars.at("pending_at_end") == 6.0);
  CHECK(out.scalars.at("invite_attempts_denied") == 4.0);
  CHECK(out.scalars.at("followers_gained") == 1.0);
  CHECK(out.scalars.at("invites_expired") == 1.5);
  CHECK(out.scalars.at("messages_sent") == 2.5);
  CHECK(out.scalars.at("emails_bounced") == 0.5);
  CHECK(out.scalars.at("invites_declined") == 1.0);

  metrics::RunResult none;
  metrics::add_sender_metrics(stats, {}, none);
  CHECK(none.scalars.at("acceptance_rate") == 0.0);
  CHECK(none.scalars.at("invites_sent") == 0.0);
}
