// Typed trace records: what happened to whom, one struct per kind of event. The loop fills in
// fields; the trace writer (io) turns them into sentences. Tests assert on the fields.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "linksim/core/time.hpp"
#include "linksim/model/email_delivery.hpp"
#include "linksim/model/invite_response.hpp"
#include "linksim/platform/decision.hpp"

namespace linksim::experiment {

/// The channel a reply came through.
/// kInbound: a message reply from a connection who invited the sender (content and inbound sources).
/// kNetwork: a message reply from a connection from before the run (the network channel).
enum class ReplyChannel : std::uint8_t { kMessage, kInMail, kEmail, kInbound, kNetwork };

namespace trace {

struct InviteSent {
  std::uint32_t mutual = 0;
  bool same_industry = false;
  model::NoteKind note = model::NoteKind::kNone;
};
/// A refusal by the platform: what the sender is shown, which rule said no ("restriction" for
/// the ladder) and the platform's explanation.
struct Denial {
  platform::Notice notice = platform::Notice::kNone;
  std::string rule, why;
};
/// The platform refused the note (too long, monthly quota used up); the invitation goes without it.
struct NoteDropped : Denial {};
struct InviteDenied : Denial {};
struct InviteAccepted { double days = 0; };  ///< after this many days pending
struct InviteDeclined {};
struct InviteReported {};  ///< "I don't know this person"
struct InviteWithdrawn { int after_days = 0; };  ///< the sender's hygiene threshold
struct Ladder { std::string from, to, reason; };
struct Reply {
  ReplyChannel channel = ReplyChannel::kMessage;
  bool lead = false, meeting = false;
};
struct InmailSent { bool personalized = false; };
struct InmailDenied : Denial {};
struct InmailDeclined {};  ///< answered "not interested"
struct EmailNotFound { unsigned providers = 1; };
struct EmailInvalid {};  ///< the verifier flagged the address
struct EmailSent {
  std::uint32_t touch = 0;  ///< 0: first email, k: follow-up k
  model::Delivery delivery = model::Delivery::kInbox;
};
struct Post { std::uint32_t impressions = 0, engagements = 0, profile_views = 0; };
struct InboundAccepted {};  ///< an invitation from a post's reader, accepted

}  // namespace trace

using TraceEvent = std::variant<trace::InviteSent, trace::NoteDropped, trace::InviteDenied, trace::InviteAccepted,
                                trace::InviteDeclined, trace::InviteReported, trace::InviteWithdrawn, trace::Ladder,
                                trace::Reply, trace::InmailSent, trace::InmailDenied, trace::InmailDeclined,
                                trace::EmailNotFound, trace::EmailInvalid, trace::EmailSent, trace::Post,
                                trace::InboundAccepted>;

struct TraceRecord {
  core::Time time = 0;
  std::uint32_t sender = 0;
  std::int64_t member = -1;  ///< -1 when no member is involved
  TraceEvent event;
  std::string_view cohort;  ///< the sender's cohort (a population's cohorts are named after archetypes)
  bool abusive = false;     ///< the cohort's ground-truth label
};

/// The event's name in trace files ("invite_sent", "reply", …).
std::string_view event_name(const TraceEvent& e);
/// Every event name, in the variant's order.
std::vector<std::string_view> event_names();

/// Receives trace records (the io module writes them as JSON lines). Called from one thread per
/// replication; an implementation shared across threads must lock.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  /// Whether sender `sender` (its index in the population) of `cohort` is traced at all; by
  /// default the focal senders (every sender of a pure population is focal).
  virtual bool wants(std::uint32_t /*sender*/, std::string_view /*cohort*/, bool focal) const { return focal; }
  virtual void write(const std::string& arm, std::uint32_t replication, const TraceRecord& r) = 0;
};

}  // namespace linksim::experiment
