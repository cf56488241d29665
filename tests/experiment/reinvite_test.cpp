// Re-invitations after a withdrawal (strategy hygiene.reinvite_after_days) meet the platform's
// re-invite cooldown: before its days are over the invitation is refused and the prospect waits,
// after them it goes out. Checked prospect by prospect in the trace.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "experiment_fixture.hpp"

using namespace linksim;
using nlohmann::json;

namespace {

struct History {
  std::vector<core::Time> sent, withdrawn, cooldown_denied;
};

/// Per (replication, sender, member): when invitations went out, were withdrawn, and were refused by the cooldown.
std::map<std::tuple<std::uint32_t, std::uint32_t, std::int64_t>, History> histories(const testing::MemoryTrace& t, const std::string& arm) {
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::int64_t>, History> h;
  for (const auto& line : t.arm(arm)) {
    auto& x = h[{line.replication, line.record.sender, line.record.member}];
    if (std::holds_alternative<experiment::trace::InviteSent>(line.record.event)) x.sent.push_back(line.record.time);
    if (std::holds_alternative<experiment::trace::InviteWithdrawn>(line.record.event)) x.withdrawn.push_back(line.record.time);
    if (const auto* d = std::get_if<experiment::trace::InviteDenied>(&line.record.event);
        d && d->notice == platform::Notice::kReinviteCooldown)
      x.cooldown_denied.push_back(line.record.time);
  }
  return h;
}

}  // namespace

TEST_CASE("re-invitations are refused before the re-invite cooldown is over and sent after it", "[integration][reinvite]") {
  constexpr int kCooldownDays = 21, kWithdrawDays = 7;
  json rules = testing::all_rules_off();
  rules["reinvite_cooldown"] = {{"enabled", true}, {"cooldown_days", kCooldownDays}};
  const json strategy = {{"preset", "targeted_cold"},
                         {"invites", {{"per_day", 10}}},
                         {"hygiene", {{"withdraw_after_days", kWithdrawDays}, {"reinvite_after_days", 7}}}};
  json doc = {{"name", "reinvite"},
              {"description", "re-invitations against the cooldown"},
              {"horizon_days", 56},
              {"replications", 2},
              {"seed", 5},
              {"world", {{"members", 3000}}},
              {"platform", {{"rules", rules}}},
              {"senders", {{"focal", {{"count", 4}, {"plan", "free"}, {"strategy", strategy}}}}},
              {"arms", json::array({{{"name", "early"}, {"patch", json::object()}},
                                    {{"name", "late"},
                                     {"patch", {{"senders", {{"focal", {{"strategy", {{"hygiene", {{"reinvite_after_days", 25}}}}}}}}}}}}})}};
  testing::MemoryTrace trace;
  const auto out = testing::run(testing::scenario(doc), &trace);
  const core::Time cooldown = kCooldownDays * core::kDay;

  // Re-invited 7 days after the withdrawal: refused (the cooldown runs 21 days), then sent once it is over.
  // A prospect may go round more than once: each event is checked against the last withdrawal before it.
  auto last_before = [](const std::vector<core::Time>& w, core::Time t) {
    core::Time last = -1;
    for (const core::Time x : w)
      if (x <= t) last = x;
    return last;
  };
  std::size_t refused = 0, resent = 0;
  for (const auto& [key, h] : histories(trace, "early")) {
    for (const core::Time t : h.cooldown_denied) {
      const core::Time w = last_before(h.withdrawn, t);
      REQUIRE(w >= 0);
      CHECK(t < w + cooldown);  // refused only while the cooldown runs
      ++refused;
    }
    for (std::size_t k = 1; k < h.sent.size(); ++k) {
      const core::Time w = last_before(h.withdrawn, h.sent[k]);
      REQUIRE(w >= 0);
      INFO("invitation " << k + 1 << " " << static_cast<double>(h.sent[k] - w) / static_cast<double>(core::kDay) << " days after the withdrawal");
      CHECK(h.sent[k] >= w + cooldown);
      ++resent;
    }
  }
  CHECK(refused > 20);
  CHECK(resent > 20);
  // A refused prospect is queued for the end of the cooldown, not retried at the sender's next
  // attempt: one refusal per withdrawal (it was refused at every attempt of the day before).
  for (const auto& [key, h] : histories(trace, "early")) {
    std::map<core::Time, int> per_withdrawal;
    for (const core::Time t : h.cooldown_denied) ++per_withdrawal[last_before(h.withdrawn, t)];
    for (const auto& [w, n] : per_withdrawal) {
      INFO("withdrawn at " << w);
      CHECK(n == 1);
    }
  }
  // Re-invited 25 days after: never refused, sent 25 days (within the day's working hours) after the withdrawal.
  std::size_t late = 0;
  for (const auto& [key, h] : histories(trace, "late")) {
    CHECK(h.cooldown_denied.empty());
    for (std::size_t k = 1; k < h.sent.size(); ++k) {
      CHECK(h.sent[k] >= last_before(h.withdrawn, h.sent[k]) + 25 * core::kDay);
      ++late;
    }
  }
  CHECK(late > 20);
  CHECK(out.metric("early", "invites_sent").stats.mean > 0);
}

TEST_CASE("re-invitations need withdrawals", "[strategy][reinvite]") {
  const json doc = {{"name", "x"},
                    {"description", "x"},
                    {"senders", {{"focal", {{"strategy", {{"hygiene", {{"withdraw_after_days", 0}, {"reinvite_after_days", 5}}}}}}}}}};
  try {
    experiment::build_arm_plans(testing::scenario(doc));
    FAIL("no error");
  } catch (const config::InputError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("/senders/focal/strategy/hygiene/reinvite_after_days"));
  }
}
