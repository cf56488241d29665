// Parameters of the member-response model (`world.response` in a scenario). The defaults live in
// scenarios/schema.json ($defs/response*), each with its source; this header only names the
// fields and their units. docs/model.md explains every term and how the fitted ones were fitted.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/errors.hpp"

namespace linksim::model {

/// Seniority levels, in this order: 0 IC, 1 manager, 2 director, 3 VP, 4 C-suite.
inline constexpr std::size_t kSeniorityLevels = 5;
/// One log-odds offset per seniority level of the target (index = level).
using SeniorityTerms = std::array<double, kSeniorityLevels>;

/// Log-odds terms of "accept" against "ignore" (the reference category of the multinomial logit).
struct AcceptTerms {
  double intercept = 0;
  double mutual = 0;                  ///< per log(1 + mutual connections)
  double same_industry = 0;
  double same_region = 0;
  double note_template = 0;
  double note_personalized = 0;
  double note_long_per_100_chars = 0; ///< per 100 characters beyond `long_note_from_chars`
  double warmup_touches = 0;          ///< per log(1 + likes/comments before the invite)
  double warmup_days = 0;             ///< per log(1 + days the warm-up lasted); only with touches
  double teamlink = 0;                ///< the target is reachable through a teammate (TeamLink warm path)
  double gap_up = 0;                  ///< per seniority level the target is above the sender
  double gap_down = 0;                ///< per seniority level the target is below the sender
  double profile_strength = 0;        ///< per unit of (sender profile strength − 0.5)
  double latent = 0;                  ///< per unit of the target's accept-propensity score
  SeniorityTerms seniority{};
};

/// Log-odds terms of "decline" against "ignore".
struct DeclineTerms {
  double intercept = 0;
  double mutual = 0;
  double note_personalized = 0;
  double latent = 0;  ///< per unit of the target's accept-propensity score (negative: acceptors decline less)
  SeniorityTerms seniority{};
};

/// Log-odds terms of "report (I don't know this person)" against "ignore".
struct ReportTerms {
  double intercept = 0;
  double mutual = 0;
  double same_industry = 0;
  double same_region = 0;
  double note_template = 0;
  double note_personalized = 0;
  double warmup_touches = 0;
  double profile_strength = 0;
  double latent = 0;  ///< per unit of the target's report-propensity score
};

struct InviteParams {
  AcceptTerms accept;
  DeclineTerms decline;
  ReportTerms report;
  int long_note_from_chars = 0;  ///< notes longer than this start to cost acceptance
  double attention = 0;          ///< probability that an active member acts on a pending invite that day
  int expiry_days = 0;           ///< pending invitations are withdrawn by the platform after this
  double teamlink_share = 0;     ///< share of prospects a teammate is connected to (TeamLink plans)
};

/// A per-touch reply model: touch k (0 = first message) gets a reply with probability
/// p₀·decay^k, where logit p₀ is linear in the terms below. Used for messages after connecting
/// and for email.
struct ReplyParams {
  double intercept = 0;
  double personalized = 0;
  double mutual = 0;          ///< per log(1 + mutual connections)
  double warmup_touches = 0;  ///< per log(1 + warm-up touches)
  double inbound = 0;         ///< the connection asked the sender to connect (messages only; 0 for email)
  double existing_connection = 0;  ///< a connection from before the run (network channel; messages only)
  double latent = 0;          ///< per unit of the target's accept-propensity score
  double decay = 0;           ///< reply probability multiplier per further follow-up
  double attention = 0;       ///< probability that an active member reads the message that day
  int window_days = 0;        ///< a reply later than this is not counted (the next touch takes over)
  SeniorityTerms seniority{};
};

struct InMailParams {
  double intercept = 0;
  double personalized = 0;
  double mutual = 0;
  double same_industry = 0;
  double latent = 0;
  double positive_share = 0;  ///< share of responses that are interested (the rest decline politely)
  double attention = 0;
  int window_days = 0;        ///< a response after this does not count (and the credit is refunded)
  SeniorityTerms seniority{};
};

struct FinderParams {
  double find_probability = 0;      ///< one provider finds a discoverable member's address
  double wrong_address_rate = 0;    ///< a found address on a standard domain is wrong (hard-bounces)
  double catch_all_wrong_rate = 0;  ///< a guessed address on a catch-all domain is wrong (silently lost)
};

struct VerificationParams {
  double recall = 0;        ///< share of wrong addresses the verifier flags invalid
  double false_reject = 0;  ///< share of right addresses the verifier flags invalid
};

struct DeliveryParams {
  double soft_bounce = 0;       ///< any address, transient failure
  double catch_all_bounce = 0;  ///< catch-all domains that bounce after accepting
  double complaint_rate = 0;    ///< spam complaints per email delivered to the inbox
};

struct ReputationParams {
  double initial = 0;          ///< reputation of a warmed-up sending domain, in [0, 1]
  double memory_days = 0;      ///< time constant of the daily exponential smoothing
  double bounce_scale = 0;     ///< daily health = exp(−bounce rate/bounce_scale − complaint rate/complaint_scale)
  double complaint_scale = 0;
  double inbox_max = 0;        ///< inbox placement at reputation 1
  double inbox_exponent = 0;   ///< inbox placement = inbox_max · reputation^inbox_exponent
};

struct EmailParams {
  FinderParams finder;
  VerificationParams verification;
  DeliveryParams delivery;
  ReputationParams reputation;
  ReplyParams reply;
};

struct FunnelParams {
  double lead_rate = 0;         ///< a reply is a lead
  double meeting_rate = 0;      ///< a lead books a meeting
  double opportunity_rate = 0;  ///< a meeting becomes a qualified opportunity (pipeline)
  double deal_value_median_usd = 0;
  double deal_value_sigma = 0;  ///< lognormal sigma of the deal value
};

/// Sender actions that cost time or money.
enum class Action : std::size_t {
  kInvite, kInviteTemplate, kInvitePersonalized, kMessage, kFollowUp, kInMail, kEmail,
  kEmailFollowUp, kEngagement, kPost, kFinderLookup, kVerification, kAcceptInbound, kWithdraw,
};
inline constexpr std::size_t kActionCount = 14;
/// JSON names of the actions, in enum order.
const std::array<const char*, kActionCount>& action_names();

struct EffortParams {
  std::array<double, kActionCount> minutes{};  ///< sender's time per action
  std::array<double, kActionCount> usd{};      ///< out-of-pocket cost per action (credits, tools)
  double hourly_rate_usd = 0;                  ///< what an hour of the sender's time costs (time_cost_usd)
};

/// Reach multipliers by post format (text = 1 by convention but configurable).
struct FormatMultipliers {
  double text = 0, image = 0, video = 0, carousel = 0, poll = 0;
};

/// Inbound invitations and follows from sources the model does not simulate in detail (Poisson
/// rates; the sender's activity in each is a strategy setting, `content.groups` etc.).
struct InboundSourceParams {
  double group_invites_per_week = 0;            ///< per group the sender is active in
  double event_invites_per_event = 0;           ///< per event the sender hosts
  double newsletter_invites_per_1k_week = 0;    ///< per 1,000 newsletter subscribers per week
  double company_page_follows_per_1k_week = 0;  ///< profile follows per 1,000 company-page followers per week
};

struct ContentParams {
  double audience_reach = 0;     ///< a connection/follower active while the post is fresh sees it
  int feed_days = 0;             ///< days a post stays fresh in the feed
  int feed_connections = 0;      ///< a member with k > this many connections sees each one's posts × this / k
  double fatigue = 0;            ///< reach ÷ (1 + fatigue · recent posts)
  double fatigue_days = 0;       ///< time constant of the recent-posts count
  double engagement_rate = 0;    ///< an impression engages, × quality × format × affinity
  double spread = 0;             ///< an engager's connection sees the post, × hop_decay^hop
  double hop_decay = 0;
  int max_hops = 0;
  double profile_view_rate = 0;  ///< an impression leads to a profile view, × quality × format × affinity
  double follow_rate = 0;        ///< a profile view by a stranger becomes a follow
  double follow_first_connect = 0;  ///< Follow-first mode: share of would-be inviters who still connect
  double profile_boost = 0;         ///< profile strength added for posting 5 times a week (pro rata below)
  double invite_rate = 0;        ///< a profile view by a non-connection becomes an invitation, × fit
  double response_hours = 0;     ///< mean delay of views, follows and invitations after the post
  FormatMultipliers formats;
  InboundSourceParams inbound;
};

struct ResponseParams {
  InviteParams invite;
  ReplyParams reply;  ///< messages and follow-ups to first-degree connections
  InMailParams inmail;
  EmailParams email;
  FunnelParams funnel;
  EffortParams costs;
  ContentParams content;
};

/// Reads `world.response` (defaults already applied by the schema). `path` is the JSON Pointer of
/// the block, used in error messages. Throws config::InputError listing every problem.
ResponseParams response_params_from_json(const nlohmann::json& response, const std::string& path);

/// Every range and consistency problem of `p`, with paths under `path`. Used by the JSON reader
/// and by constructors that take parameters built in code.
std::vector<config::Issue> check_response_params(const ResponseParams& p, const std::string& path);

/// Range and consistency checks of one block (each appends to `out`, paths under `path`).
void check(const InviteParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const ReplyParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const InMailParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const EmailParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const ReputationParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const FunnelParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const EffortParams& p, const std::string& path, std::vector<config::Issue>& out);
void check(const ContentParams& p, const std::string& path, std::vector<config::Issue>& out);
/// Throws config::InputError when `issues` is not empty (constructors use it).
void throw_if_any(std::vector<config::Issue> issues);

/// The schema's defaults (scenarios/schema.json is the single source of the numbers).
const ResponseParams& default_response_params();

/// The `world.response` block with every default applied (for `explain` and tests).
nlohmann::json default_response_json();

}  // namespace linksim::model
