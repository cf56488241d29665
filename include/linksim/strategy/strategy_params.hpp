// A cohort's effective strategy: the base preset, the named preset, then the scenario's keys.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/model/content.hpp"

namespace linksim::strategy {

enum class Pool { kAnyone, kSecondDegree, kIcp };
enum class Note { kNone, kTemplate, kPersonalized };
enum class Finder { kSingle, kChained };
/// The channel an adaptive sender moves its invitation volume to after a penalty (adapt.switch_to).
enum class SwitchTo { kNone, kEmail, kInmail };

struct Targeting {
  Pool pool = Pool::kAnyone;
  int min_mutual = 0;
  bool same_industry = false, same_region = false, teamlink = false;
  bool open_networkers = false;  ///< only members who advertise open networking (World::open_networker)
  std::vector<int> seniority;  ///< seniority levels 0 (IC) … 4 (C-suite); empty = all
};
struct Invites {
  int per_day = 0;
  Note note = Note::kNone;
  int note_chars = 0;
  bool working_hours = true, random_gaps = true, stop_at_weekly_cap = false;
  int ramp_up_weeks = 0, ramp_start_per_day = 0, backoff_days = 0;
  int start_day = 0;              ///< first simulated day with invitations
  std::uint8_t days_mask = 0x7f;  ///< bit d set: invites on day of week d (0 = Monday)
  /// The planned pace on simulated day `day` (ramp-up applied).
  int pace_on_day(int day) const;
};
struct Warmup { int days = 0, touches_per_day = 0; };
struct Hygiene {
  int withdraw_after_days = 0;
  int reinvite_after_days = 0;  ///< a withdrawn prospect is invited again this long after (0 = never)
};
struct Followups { int messages = 0, gap_days = 1; };
/// How a sender reacts to what the platform shows it: the adaptive abusers' behaviours
/// (docs/model.md, "Adaptive senders"). Each is off at its default.
struct Adapt {
  double slow_factor = 1.0;  ///< pace × this after each warning or restriction
  bool probe_cap = false;    ///< learn the weekly cap from "limit reached" and stay under it
  double cap_margin = 0.1;   ///< share of the learned cap left unused
  int ring = 0;              ///< accounts per ring (0, 1: none)
  int rotate_accounts = 0;   ///< fresh accounts after a restriction at rotate_rung or above
  int rotate_rung = 2;       ///< platform::rung() of the step that makes the sender rotate
  SwitchTo switch_to = SwitchTo::kNone;  ///< where the invitation volume goes after a penalty
  int switch_rung = 0;       ///< platform::rung() of the penalty that makes the sender switch (0: a warning)
};
struct InMail { int per_week = 0; bool personalized = false; };
/// Messages to the sender's first-degree connections (re-engagement, referral asks).
struct Network { int per_day = 0; };
struct Email { int per_day = 0; Finder finder = Finder::kSingle; bool verify = true; int followups = 0, gap_days = 1; };
struct Content {
  double posts_per_week = 0, quality = 0.5;
  model::PostFormat format = model::PostFormat::kText;  ///< "document" posts are the model's carousels
  bool follow_first = false;  ///< creator mode: Follow is the profile's main button
  /// Inbound sources beyond posts (model::InboundSourceParams gives their rates).
  double groups = 0, events_per_month = 0, newsletter_subscribers = 0, company_page_followers = 0;
};

struct StrategyParams {
  std::string preset;
  Targeting targeting;
  Invites invites;
  Warmup warmup;
  Hygiene hygiene;
  Followups followups;
  Adapt adapt;
  InMail inmail;
  Network network;
  Email email;
  Content content;
};

/// base ⊕ presets[preset] ⊕ overrides, as JSON (what `explain` prints).
nlohmann::json effective_strategy_json(const nlohmann::json& cohort_strategy);
/// Parses the effective strategy. `path` is the cohort strategy's JSON path, for errors.
StrategyParams resolve_strategy(const nlohmann::json& cohort_strategy, const std::string& path);
/// The names of the presets, in file order, and each one's description and source.
std::vector<std::string> preset_names();
const nlohmann::json& presets_document();

}  // namespace linksim::strategy
