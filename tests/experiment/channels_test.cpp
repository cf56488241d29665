// Unit tests of the shard loop's components: each channel is driven directly over a small
// context and checked on what it schedules (the events left in the queue) and records.
#include <catch2/catch.hpp>

#include <vector>

#include "experiment/shard/content.hpp"
#include "experiment/shard/email.hpp"
#include "experiment/shard/events.hpp"
#include "experiment/shard/funnel.hpp"
#include "experiment/shard/gateway.hpp"
#include "experiment/shard/inmail.hpp"
#include "experiment/shard/invitations.hpp"
#include "experiment/shard/messages.hpp"
#include "experiment/shard/recorder.hpp"
#include "experiment/shard/scoring.hpp"
#include "experiment_fixture.hpp"

using namespace linksim;
using namespace linksim::experiment;
using nlohmann::json;
using core::kDay;
using core::kHour;

namespace {

constexpr Time kMonday = 0;  // day 0 of a run is a Monday

/// One arm, `count` focal senders with `strategy`, in a 3,000-member world; every rule of the
/// platform preset off unless `platform` turns some on.
struct Bench {
  explicit Bench(const json& strategy, json platform = json::object(), const std::string& plan_name = "free", int count = 2)
      : scenario(testing::scenario({{"name", "channels"},
                                    {"description", "unit tests of the channels"},
                                    {"horizon_days", 28},
                                    {"replications", 1},
                                    {"seed", 5},
                                    {"world", {{"members", 3000}}},
                                    {"senders", {{"focal", {{"count", count}, {"plan", plan_name}, {"strategy", strategy}}}}},
                                    {"platform", merged(platform)}})),
        plan(build_arm_plan(scenario, 0)),
        world(graph::generate_world(plan.world, scenario.seed, 0, 1)),
        members(pick_members(world, count)),
        input{scenario, 0, 0, world},
        ctx(input, plan, members, 0, 1),
        gateway(ctx),
        funnel(ctx) {}

  static json merged(json platform) {
    json p = {{"rules", testing::all_rules_off()}};
    p.merge_patch(platform);
    return p;
  }
  static std::vector<experiment::SenderSeat> pick_members(const graph::World& w, int count) {
    std::vector<experiment::SenderSeat> m;
    for (std::uint32_t v = 0; v < w.num_members() && static_cast<int>(m.size()) < count; ++v)
      if (w.degree(v) >= 20) m.push_back({v, 0});
    return m;
  }
  /// Every event queued up to `until`, in order (taken off the queue).
  std::vector<core::Event> drain(Time until) {
    std::vector<core::Event> out;
    ctx.sim.run_until(until, [&](const core::Event& e) { out.push_back(e); });
    return out;
  }
  static std::size_t count(const std::vector<core::Event>& events, std::uint32_t kind) {
    std::size_t n = 0;
    for (const auto& e : events) n += e.kind == kind ? 1 : 0;
    return n;
  }

  config::Scenario scenario;
  ArmPlan plan;
  graph::World world;
  std::vector<experiment::SenderSeat> members;
  ReplicationInput input;
  ShardContext ctx;
  PlatformGateway gateway;
  Funnel funnel;
};

}  // namespace

TEST_CASE("invitations: the day's first wake-up falls in the first 10 minutes of working hours", "[channels]") {
  Bench b(json{{"invites", {{"per_day", 10}}}});
  Invitations inv(b.ctx, b.gateway);
  for (std::uint32_t s = 0; s < 2; ++s) inv.plan_day(s, kMonday, ShardContext::window_open(kMonday), 0);
  const auto events = b.drain(kDay - 1);
  REQUIRE(events.size() == 2);
  for (const auto& e : events) {
    CHECK(e.kind == ev::kInviteWake);
    CHECK(e.time >= 9 * kHour);
    CHECK(e.time < 9 * kHour + 600);
  }
  CHECK(b.ctx.senders[0].pace_today == 10);
}

TEST_CASE("invitations: a wake-up sends one invitation, queues its answer and the next wake-up", "[channels]") {
  Bench b(json{{"invites", {{"per_day", 10}}}});
  Invitations inv(b.ctx, b.gateway);
  inv.plan_day(0, kMonday, ShardContext::window_open(kMonday), 0);
  b.drain(9 * kHour + 600);
  inv.on_wake(0, 9 * kHour + 600);
  CHECK(b.ctx.stats[0].invites_sent == 1);
  CHECK(b.ctx.stats[0].pending == 1);
  REQUIRE(b.ctx.invites.size() == 1);
  CHECK(b.ctx.invites[0].sender == 0);
  CHECK(b.ctx.senders[0].invites == std::vector<std::uint32_t>{0});
  const auto events = b.drain(b.ctx.last);
  CHECK(Bench::count(events, ev::kInviteWake) == 1);  // the next one, before 17:00
  for (const auto& e : events)
    if (e.kind == ev::kInviteWake) CHECK(e.time < ShardContext::window_close(kMonday));
  // The member's answer is queued for invitation 0 after it was sent, unless it falls after the
  // horizon: an ignored invitation expires after 180 days (past this 28-day run), and only an
  // ignored one is "seen" and left pending.
  CHECK(Bench::count(events, ev::kResolve) <= 1);
  if (b.ctx.invites[0].response == model::InviteResponse::kIgnore) CHECK(Bench::count(events, ev::kResolve) == 0);
  else CHECK(Bench::count(events, ev::kSeen) == 0);
  for (const auto& e : events)
    if (e.kind == ev::kResolve || e.kind == ev::kSeen) {
      CHECK(e.b == 0);
      CHECK(e.time > 9 * kHour + 600);
    }
}

TEST_CASE("invitations: a refusal by the weekly cap is blocked, carried and paused until the window frees", "[channels]") {
  json rules = {{"rules", {{"invite_cap_rolling", {{"enabled", true}}}}}, {"plans", {{"free", {{"weekly_invite_cap", 1}}}}}};
  Bench b(json{{"invites", {{"per_day", 5}, {"stop_at_weekly_cap", true}}}}, rules);
  Invitations inv(b.ctx, b.gateway);
  inv.plan_day(0, kMonday, ShardContext::window_open(kMonday), 0);
  inv.on_wake(0, 10 * kHour);
  REQUIRE(b.ctx.stats[0].invites_sent == 1);
  inv.on_wake(0, 11 * kHour);
  CHECK(b.ctx.stats[0].invites_sent == 1);
  CHECK(b.ctx.stats[0].blocked == 1);
  CHECK(b.ctx.stats[0].denied == 1);
  CHECK(b.ctx.senders[0].carried.has_value());
  // The rolling window frees a week after the first invitation.
  CHECK(b.ctx.senders[0].paused_until == 10 * kHour + 7 * kDay);
  // A paused sender's wake-ups do nothing, and the refused prospect stays carried.
  inv.on_wake(0, 12 * kHour);
  CHECK(b.ctx.stats[0].denied == 1);
}

TEST_CASE("invitations: hygiene withdraws what has been pending longer than the threshold", "[channels]") {
  Bench b(json{{"invites", {{"per_day", 5}}}, {"hygiene", {{"withdraw_after_days", 3}}}});
  Invitations inv(b.ctx, b.gateway);
  inv.plan_day(0, kMonday, ShardContext::window_open(kMonday), 0);
  inv.on_wake(0, 10 * kHour);
  inv.on_wake(0, 11 * kHour);
  const auto pending = [&] {
    int n = 0;
    for (std::size_t i = 0; i < b.ctx.invites.size(); ++i) n += b.ctx.invites[i].status == InviteStatus::kPending;
    return n;
  };
  const int before = pending();
  REQUIRE(before >= 1);
  inv.new_day(0, 3 * kDay);  // sent 2.6 days ago: kept
  CHECK(b.ctx.stats[0].withdrawn == 0);
  inv.new_day(0, 4 * kDay);
  CHECK(b.ctx.stats[0].withdrawn == before);
  CHECK(pending() == 0);
  CHECK(b.ctx.stats[0].pending == 0);
}

TEST_CASE("messages: the daily message cap defers a message to the next working morning", "[channels]") {
  json rules = {{"rules", {{"message_daily_cap", {{"enabled", true}}}}}, {"plans", {{"free", {{"daily_message_cap", 1}}}}}};
  Bench b(json{{"invites", {{"per_day", 5}}}, {"followups", {{"messages", 2}}}}, rules);
  Invitations inv(b.ctx, b.gateway);
  Messages msg(b.ctx, b.gateway, b.funnel);
  inv.plan_day(0, kMonday, ShardContext::window_open(kMonday), 0);
  inv.on_wake(0, 10 * kHour);
  inv.on_wake(0, 11 * kHour);
  REQUIRE(b.ctx.invites.size() == 2);
  msg.on_message(0, 0, 12 * kHour);
  CHECK(b.ctx.stats[0].messages_sent == 1);
  msg.on_message(1, 0, 13 * kHour);
  CHECK(b.ctx.stats[0].messages_sent == 1);
  const auto events = b.drain(b.ctx.last);
  std::size_t deferred = 0;
  for (const auto& e : events)
    if (e.kind == ev::kMessage && e.b == 1) {
      ++deferred;
      CHECK(e.time >= kDay + 9 * kHour);
      CHECK(e.time < kDay + 10 * kHour);
      CHECK(e.c == 0);  // still the first message
    }
  CHECK(deferred == 1);
}

TEST_CASE("funnel: an interested InMail answer is always a lead, and each reply is counted once", "[channels]") {
  Bench b(json::object());
  for (std::uint32_t t = 0; t < 50; ++t) b.funnel.reply(0, 100 + t, ReplyChannel::kInMail, true, kHour);
  CHECK(b.ctx.stats[0].replies == 50);
  CHECK(b.ctx.stats[0].leads == 50);
  for (std::uint32_t t = 0; t < 400; ++t) b.funnel.reply(1, 100 + t, ReplyChannel::kEmail, false, kHour);
  CHECK(b.ctx.stats[1].replies == 400);
  // Lead rate 0.5 by default: 200 expected, sd 10; 5 sd either side.
  CHECK(b.ctx.stats[1].leads > 150);
  CHECK(b.ctx.stats[1].leads < 250);
  CHECK(b.ctx.stats[1].meetings <= b.ctx.stats[1].leads);
}

TEST_CASE("inmail: a free plan has no credits, Sales Navigator sends the weekday's share of the weekly budget", "[channels]") {
  const json strategy = {{"targeting", {{"pool", "icp"}}}, {"inmail", {{"per_week", 10}}}};
  const json credits = {{"rules", {{"inmail_credits", {{"enabled", true}}}}}};
  {
    Bench free(strategy, credits);
    InMailChannel im(free.ctx, free.gateway, free.funnel);
    im.on_wake(0, 10 * kHour);
    CHECK(free.ctx.stats[0].inmails_sent == 0);
  }
  Bench paid(strategy, credits, "sales_nav_core");
  InMailChannel im(paid.ctx, paid.gateway, paid.funnel);
  im.on_wake(0, 10 * kHour);  // Monday: (10 * 1 + 4) / 5 = 2 due
  CHECK(paid.ctx.stats[0].inmails_sent == 2);
  im.on_wake(0, kDay + 10 * kHour);  // Tuesday: 4 due in all
  CHECK(paid.ctx.stats[0].inmails_sent == 4);
  im.new_day(0, 7 * kDay);  // the next Monday starts a new week
  CHECK(paid.ctx.senders[0].inmails_this_week == 0);
  im.plan_day(0, 7 * kDay);
  std::size_t wakes = 0;
  for (const auto& e : paid.drain(paid.ctx.last))
    if (e.kind == ev::kInmailWake) {
      ++wakes;
      CHECK(e.time >= 7 * kDay + 9 * kHour);
      CHECK(e.time < 7 * kDay + 9 * kHour + 1800);
    }
  CHECK(wakes == 1);
}

TEST_CASE("email: a wake-up works through the day's quota: every prospect is looked up once", "[channels]") {
  Bench b(json{{"targeting", {{"pool", "icp"}}}, {"email", {{"per_day", 30}, {"verify", false}}}});
  EmailChannel em(b.ctx, b.funnel);
  em.on_wake(0, 10 * kHour);
  CHECK(b.ctx.senders[0].emails_today == 30);
  // First emails go out to the found addresses only (some are not found).
  CHECK(b.ctx.stats[0].emails_sent > 0);
  CHECK(b.ctx.stats[0].emails_sent <= 30);
  CHECK(b.ctx.stats[0].emails_bounced <= b.ctx.stats[0].emails_sent);
  em.on_wake(0, 11 * kHour);  // quota used: nothing more today
  CHECK(b.ctx.senders[0].emails_today == 30);
  em.new_day(0);
  CHECK(b.ctx.senders[0].emails_today == 0);
}

TEST_CASE("content: five posts a week are one post per weekday, within working hours", "[channels]") {
  Bench b(json{{"invites", {{"per_day", 0}}}, {"content", {{"posts_per_week", 5}}}});
  ContentChannel content(b.ctx, b.gateway);
  content.plan_day(0, kMonday);
  // A small loop: the post, then every follow and inbound invitation it brings.
  std::size_t posts = 0, inbound = 0;
  b.ctx.sim.run_until(b.ctx.last, [&](const core::Event& e) {
    if (e.kind == ev::kPost) {
      ++posts;
      CHECK(e.time >= 9 * kHour);
      CHECK(e.time < 17 * kHour);
      content.on_post(e.a, e.time);
    } else {
      REQUIRE(e.kind == ev::kInbound);
      ++inbound;
      content.on_inbound(e.a, e.b, e.c, e.time);
    }
  });
  CHECK(posts == 1);
  REQUIRE(b.ctx.senders[0].creator != nullptr);
  CHECK(b.ctx.stats[0].inbound_requests + b.ctx.stats[0].followers == static_cast<double>(inbound));
  CHECK(b.ctx.stats[0].connections_gained == b.ctx.stats[0].inbound_requests);
}

TEST_CASE("gateway and recorder: a ladder strike counts, pauses the sender and marks the day restricted", "[channels]") {
  // The pending cap with a strike: the second invitation finds 1 pending (cap 1) and is refused
  // with a strike for outstanding invitations, which restricts invitations for a month.
  json rules = {{"rules", {{"pending_cap", {{"enabled", true}, {"max_pending", 1}, {"strike", true}}}}}};
  Bench b(json{{"invites", {{"per_day", 5}}}}, rules);
  Invitations inv(b.ctx, b.gateway);
  Recorder rec(b.ctx, b.gateway);
  inv.plan_day(0, kMonday, ShardContext::window_open(kMonday), 0);
  inv.on_wake(0, 10 * kHour);
  inv.on_wake(0, 11 * kHour);
  // An outstanding-invitations strike goes straight to restricted_month: a restriction, no warning.
  CHECK(b.ctx.stats[0].restrictions == 1);
  CHECK(b.ctx.stats[0].warnings == 0);
  CHECK(b.ctx.senders[0].paused_until > 11 * kHour);
  rec.open_day();
  rec.end_day(0, 0);
  rec.end_day(1, 0);
  CHECK(b.gateway.invites_blocked(0, 0));
  CHECK(b.ctx.stats[0].restricted_days == 1);
  CHECK(b.ctx.stats[1].restricted_days == 0);
  const ShardOut out = rec.finish(0);
  REQUIRE(out.daily.size() == 1);
  // Two focal senders: the series hold sums; scoring divides by the focal count.
  CHECK(out.daily[0][metrics::daily_index("invites_sent")].value() == 1.0);  // invites_sent today: 1 by sender 0 (the second refused), 0 by sender 1
}

TEST_CASE("gateway and recorder: report strikes warn, restrict for hours and days, then require the email for a week, and restricted days count exactly the days a restriction was in force",
          "[channels]") {
  // One report is a strike here; the preset's ladder: warning, restricted_hours (4 h),
  // restricted_days (48 h), then for a report strike email_required (168 h).
  Bench b(json{{"invites", {{"per_day", 5}}}}, json{{"rules", {{"report_threshold", {{"enabled", true}, {"reports", 1}}}}}});
  Recorder rec(b.ctx, b.gateway);
  const Time strikes[] = {10 * kHour, kDay + 10 * kHour, 3 * kDay + 10 * kHour, 10 * kDay + 10 * kHour};
  std::size_t next = 0;
  for (int day = 0; day < 21; ++day) {
    const Time start = day * kDay;
    while (next < std::size(strikes) && strikes[next] < start + kDay)
      b.gateway.observe(0, platform::OutcomeKind::kReported, 7, 0, strikes[next++]);
    if (day == 12) {
      // In force: an invitation without the recipient's email is refused until it lifts.
      platform::Action a;
      a.recipient = 9;
      const auto d = b.gateway.check(a, 0, start + 12 * kHour);
      CHECK(d.notice == platform::Notice::kEmailRequired);
      CHECK(d.retry_at == strikes[3] + 168 * kHour);
      a.has_email = true;
      CHECK(b.gateway.check(a, 0, start + 12 * kHour).allowed());
    }
    rec.open_day();
    rec.end_day(0, start);
    rec.end_day(1, start);
  }
  const auto& st = b.ctx.stats[0];
  CHECK(st.warnings == 1);
  CHECK(st.restrictions == 3);
  // Day 1 (10:00-14:00), days 3-5 (until day 5 10:00), days 10-17 (until day 17 10:00).
  CHECK(st.restricted_days == 1 + 3 + 8);
  CHECK(b.ctx.stats[1].restricted_days == 0);
  CHECK_FALSE(b.gateway.invites_blocked(0, 18 * kDay));
  // The first restriction is dated at the restriction, not at the warning.
  CHECK(b.ctx.senders[0].first_restricted == strikes[1]);
}
