// A defense keyed by the recipient: every member may receive at most `budget` invitations from
// strangers (senders with no mutual connection with them) within any rolling `window`. An
// invitation beyond the budget is refused ("this member isn't accepting invitations right now") and
// is not delivered; invitations from senders who share a connection with the member never count
// and are never refused. A candidate defense, not a documented LinkedIn rule (off in both presets).
//
// Sources: Rejecto (Cao, Sirivianos, Yang, Munagala, "Combating Friend Spam Using Social
// Rejections", ICDCS 2015) rests on recipients rejecting friend requests from people they do not
// know: unwanted requests are what friend spam costs its recipients. SynchroTrap (Cao, Yang, Yu,
// Palow, "Uncovering Large Groups of Active Malicious Accounts in Online Social Networks", CCS 2014)
// finds abusive accounts acting in loosely synchronized groups: a campaign spread over many
// accounts, which per-sender caps do not see. LinkedIn's help pages let a member answer "I don't
// know this person" and choose who may send them invitations; the budget turns that recipient-side
// protection into a platform rule that holds whoever the senders are, so each member hears from
// strangers at most `budget` times a window however many accounts a campaign uses.
//
// Where it simplifies: one budget for every member (no per-member setting, no learning of whom a
// member welcomes); "stranger" is zero mutual connections at the time of the invitation; the
// budget is spent by delivered invitations only (a refused one spends nothing); a refusal is told
// to the sender, who moves on to another prospect and may come back when the budget frees.
//
// Optional strikes (LimitHits, off by default): a sender refused `strike_after_denials` times within
// `denials_window_days` by members' budgets takes a strike on the ladder.
//
// State: a flat hash map member → ring of the last `budget` stranger invitation times. Members'
// state is shared by every sender, so the rule must see every sender's invitations: a replication
// with this rule on runs its senders in one event loop (kMemberView, see experiment/replication.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/pair_map.hpp"
#include "linksim/platform/rule.hpp"
#include "linksim/platform/rules/limit_hits.hpp"

namespace linksim::platform {

class MemberInviteBudget final : public Rule {
 public:
  /// What the rule does (the schema's description and the row of docs/platform.md).
  static constexpr std::string_view kSummary =
      "Candidate defense (not a documented LinkedIn rule), keyed by the recipient: each member receives at "
      "most `budget` invitations from strangers (no mutual connection) within a rolling `window_days`, "
      "whoever sends them; beyond it an invitation is refused (\"this member isn't accepting invitations "
      "right now\") and not delivered. Option `strike_after_denials` as for the caps. A replication with it "
      "on runs its senders in one event loop (the budget sees every sender).";
  /// A platform patch under which the rule acts in a small scenario with every rule on (one invitation from strangers a week, and a strike from the second refusal):
  /// tests/experiment/liveness_test.cpp varies each parameter under it; `linksim rules --json` shows it.
  static constexpr std::string_view kActsWhen = R"({"rules": {"member_invite_budget": {"budget": 1, "strike_after_denials": 2}}})";
  /// Its state is per member, across senders (RuleSpec::member_view).
  static constexpr bool kMemberView = true;

  /// Defaults are judgements (sources in the presets).
  struct Params {
    std::uint32_t budget = 5;            ///< stranger invitations a member may receive per window [1, 10000]
    core::Time window = 7 * core::kDay;  ///< the rolling window
    LimitHits::Params hits;              ///< strikes for refusals again and again (off by default)
    static Params from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
    /// The parameters' JSON Schema (every key but "enabled"), in the order of the schema file.
    static ParamSchema schema();
    void validate(const std::string& path, Issues& issues) const;
  };

  MemberInviteBudget(const Params& p, const SenderBook& book);
  std::string_view name() const override { return "member_invite_budget"; }
  std::uint32_t checks() const override { return action_bit(ActionKind::kInvite); }
  std::uint32_t counts() const override { return action_bit(ActionKind::kInvite); }
  RuleCheck check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;
  void commit(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  bool reacts_to_denials() const override { return hits_.enabled(); }
  void denied(const Action& a, SenderId s, core::Time now, Context& ctx) override;
  std::string describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const override;

  /// Invitations from strangers member `m` received inside (now - window, now] (at most the budget).
  std::uint32_t in_window(MemberId m, core::Time now) const;
  /// Members that have received at least one invitation from a stranger.
  std::size_t tracked_members() const { return rings_.size(); }

 private:
  struct Ring {
    std::uint32_t pushed = 0;  ///< invitations logged so far
    std::uint32_t head = 0;    ///< next slot to write: once full, the oldest of the last `budget`
  };
  /// The k-th most recent logged invitation of ring r (k < min(pushed, budget)).
  core::Time recent(std::size_t r, std::uint32_t k) const;

  Params p_;
  LimitHits hits_;
  PairMap index_;                    ///< member (as the key) → its ring's index (as the value)
  std::vector<Ring> rings_;
  std::vector<std::int32_t> stamps_;  ///< budget slots per ring, seconds (the Policy keeps times below 2^31)
};

}  // namespace linksim::platform
