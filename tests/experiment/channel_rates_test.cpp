// Each channel's rates in the library's default scenarios fall inside the ranges practitioners
// quote (sources in the comments), and the per-channel counters add up to the totals. Release
// only: full-size worlds (LINKSIM_SLOW_TESTS=0 skips the assertions).
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "experiment_fixture.hpp"

using namespace linksim;

namespace {

using testing::run_library;

double mean(const testing::Outcome& out, const std::string& arm, const std::string& metric) {
  const double m = out.metric(arm, metric).stats.mean;
  std::printf("  %-18s %-26s %9.4f\n", arm.c_str(), metric.c_str(), m);
  return m;
}

/// The per-channel replies, leads and meetings sum to the totals, replication by replication.
void channels_add_up(const testing::Outcome& out) {
  for (const auto& arm : out.summary.arms) {
    for (const char* stage : {"replies", "leads", "meetings"}) {
      const std::string s(stage);
      const auto& total = out.metric(arm.name, s).per_replication;
      const auto& msg = out.metric(arm.name, "message_" + s).per_replication;
      const auto& inm = out.metric(arm.name, "inmail_" + s).per_replication;
      const auto& eml = out.metric(arm.name, "email_" + s).per_replication;
      const auto& inb = out.metric(arm.name, "inbound_" + s).per_replication;
      const auto& net = out.metric(arm.name, "network_" + s).per_replication;
      for (std::size_t r = 0; r < total.size(); ++r) {
        INFO(arm.name << " " << s << " replication " << r);
        CHECK(msg[r] + inm[r] + eml[r] + inb[r] + net[r] == Approx(total[r]).epsilon(1e-12));
      }
    }
  }
}

}  // namespace

TEST_CASE("default.json: acceptance, message and email rates inside the practitioners' ranges", "[integration][channels]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("default.json", 6);
  channels_add_up(out);
  // Cold, no note, same-industry strangers: 25-35% accepted once answered (practitioner samples
  // of 200k and 16k+ requests); within 12 weeks less, since some answers come later.
  const double cold = mean(out, "cold", "acceptance_rate_eventual");
  CHECK(cold > 0.25);
  CHECK(cold < 0.35);
  CHECK(mean(out, "cold", "acceptance_rate") < cold);
  // Replies after connecting: ~29% of accepted connections reply to a message and two
  // follow-ups (practitioner). The default strategies send one message (followups.messages 1),
  // so fewer: 20-29%. Per invitation sent practitioners see 5-10% once every answer is in;
  // within 12 weeks a third of the eventual acceptances have not come yet, so 3-10%.
  for (const char* arm : {"cold", "personalized"}) {
    INFO(arm);
    const double rate = mean(out, arm, "message_reply_rate");
    CHECK(rate > 0.20);
    CHECK(rate < 0.29);
    const double per_invite = mean(out, arm, "message_replies") / mean(out, arm, "invites_sent");
    CHECK(per_invite > 0.03);
    CHECK(per_invite < 0.10);
  }
  // The free plan's 5 personalized notes a month (help a550555): the "personalized" arm sends
  // at most 5 x 3 months with a note, so most of its invitations are blank.
  CHECK(mean(out, "personalized", "invites_with_note") <= 15.0);
  CHECK(mean(out, "personalized", "note_share") < 0.2);
  CHECK(mean(out, "cold", "invites_with_note") == 0.0);
  // Cold email with verification: ~3% reply to the first touch and follow-ups bring about as
  // many again (practitioner), so 4-8% of prospects emailed; bounces < 1.5% once verified.
  const double email = mean(out, "hybrid_email", "email_reply_rate");
  CHECK(email > 0.04);
  CHECK(email < 0.08);
  CHECK(mean(out, "hybrid_email", "email_bounce_rate") < 0.015);
  // Time: hours x $50 (the default hourly rate) is the time cost.
  CHECK(mean(out, "cold", "time_cost_usd") == Approx(50.0 * mean(out, "cold", "hours_spent")).epsilon(1e-9));
}

TEST_CASE("email_vs_inmail.json: InMail and unverified email rates inside the practitioners' ranges", "[integration][channels]") {
  if (testing::fast_mode()) return;
  const auto out = run_library("email_vs_inmail.json", 6);
  channels_add_up(out);
  // Personalized InMail: 10-25% respond (practitioner); "not interested" answers count, and
  // only interested ones become leads (every one of them: InMail leads >= interested).
  const double inmail = mean(out, "inmail_sales_nav", "inmail_response_rate");
  CHECK(inmail > 0.10);
  CHECK(inmail < 0.25);
  CHECK(mean(out, "inmail_sales_nav", "inmail_interested") < mean(out, "inmail_sales_nav", "inmail_replies"));
  CHECK(mean(out, "inmail_sales_nav", "inmail_leads") == Approx(mean(out, "inmail_sales_nav", "inmail_interested")));
  // Unverified finder output: ~5% of addresses bounce (practitioner), +-1.5 points; verified < 1.5%.
  const double bounce = mean(out, "email_unverified", "email_bounce_rate");
  CHECK(bounce > 0.035);
  CHECK(bounce < 0.065);
  CHECK(mean(out, "email_finder", "email_bounce_rate") < 0.015);
  for (const char* arm : {"email_finder", "email_unverified"}) {
    INFO(arm);
    const double reply = mean(out, arm, "email_reply_rate");
    CHECK(reply > 0.03);
    CHECK(reply < 0.08);
  }
}
