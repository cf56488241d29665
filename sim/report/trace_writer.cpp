// JSON-lines event traces.
#include "linksim/report/trace_writer.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "linksim/config/errors.hpp"
#include "linksim/report/results.hpp"

namespace linksim::report {

namespace {

namespace tr = experiment::trace;

template <class... F>
struct Overload : F... {
  using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

const char* note_text(model::NoteKind n) {
  return n == model::NoteKind::kNone ? ", no note" : n == model::NoteKind::kTemplate ? ", template note" : ", personalized note";
}

const char* channel_text(experiment::ReplyChannel c) {
  switch (c) {
    case experiment::ReplyChannel::kMessage: return "message";
    case experiment::ReplyChannel::kInMail: return "inmail";
    case experiment::ReplyChannel::kEmail: return "email";
    case experiment::ReplyChannel::kInbound: return "inbound";
    case experiment::ReplyChannel::kNetwork: return "network";
  }
  return "message";
}

const char* delivery_text(model::Delivery d) {
  return d == model::Delivery::kBounced ? "bounced"
         : d == model::Delivery::kInbox ? "inbox"
         : d == model::Delivery::kLost  ? "lost (a catch-all domain took a wrong address)"
                                        : "spam folder";
}

}  // namespace

std::string trace_reason(const experiment::TraceRecord& r) {
  return std::visit(
      Overload{[](const tr::InviteSent& e) {
                 return fmt::format("{} mutual, {}{}", e.mutual, e.same_industry ? "same industry" : "other industry", note_text(e.note));
               },
               [](const tr::NoteDropped& e) { return e.why; }, [](const tr::InviteDenied& e) { return e.why; },
               [](const tr::InviteAccepted& e) { return fmt::format("after {:.1f} days", e.days); },
               [](const tr::InviteDeclined&) { return std::string(); },
               [](const tr::InviteReported&) { return std::string("\"I don't know this person\""); },
               [](const tr::InviteWithdrawn& e) { return fmt::format("pending for more than {} days", e.after_days); },
               [](const tr::Ladder& e) { return fmt::format("{} -> {}: {}", e.from, e.to, e.reason); },
               [](const tr::Reply& e) {
                 return fmt::format("{} reply{}{}", channel_text(e.channel), e.lead ? ", a lead" : "", e.meeting ? ", meeting booked" : "");
               },
               [](const tr::InmailSent& e) { return std::string(e.personalized ? "personalized" : "generic"); },
               [](const tr::InmailDenied& e) { return e.why; },
               [](const tr::InmailDeclined&) { return std::string("not interested"); },
               [](const tr::EmailNotFound& e) {
                 return fmt::format("no address found by {} provider{}", e.providers, e.providers == 1 ? "" : "s");
               },
               [](const tr::EmailInvalid&) { return std::string("the verifier flagged the address"); },
               [](const tr::EmailSent& e) {
                 return fmt::format("{}, {}", e.touch == 0 ? std::string("first email") : fmt::format("follow-up {}", e.touch),
                                    delivery_text(e.delivery));
               },
               [](const tr::Post& e) {
                 return fmt::format("{} impressions, {} engagements, {} profile views", e.impressions, e.engagements, e.profile_views);
               },
               [](const tr::InboundAccepted&) { return std::string("an invitation from a post's reader"); }},
      r.event);
}

bool TraceFilter::wants(std::uint32_t sender, std::string_view cohort, bool focal) const {
  if (senders.empty() && cohorts.empty()) return focal;
  return std::find(senders.begin(), senders.end(), sender) != senders.end() ||
         std::find(cohorts.begin(), cohorts.end(), cohort) != cohorts.end();
}

bool TraceFilter::wants_event(std::string_view event) const {
  return events.empty() || std::find(events.begin(), events.end(), event) != events.end();
}

TraceFilter parse_trace_filter(const std::vector<std::string>& sender_items, const std::vector<std::string>& events,
                               const std::vector<std::string>& cohorts, std::size_t senders) {
  TraceFilter f;
  for (const std::string& item : sender_items) {
    if (!item.empty() && std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const unsigned long long index = item.size() > 9 ? senders : std::stoull(item);
      if (index >= senders)
        throw config::InputError("--trace-sender", fmt::format("a sender index below {} or a cohort name", senders), item);
      f.senders.push_back(static_cast<std::uint32_t>(index));
    } else if (std::find(cohorts.begin(), cohorts.end(), item) != cohorts.end()) {
      f.cohorts.push_back(item);
    } else {
      throw config::InputError("--trace-sender", fmt::format("a sender index below {} or a cohort name", senders),
                               fmt::format("\"{}\"", item), config::nearest(item, cohorts));
    }
  }
  std::vector<std::string> known;
  for (const std::string_view name : experiment::event_names()) known.emplace_back(name);
  for (const std::string& e : events) {
    if (std::find(known.begin(), known.end(), e) == known.end())
      throw config::InputError("--trace-events", "event names of docs/trace-format.md", fmt::format("\"{}\"", e),
                               config::nearest(e, known));
    f.events.push_back(e);
  }
  return f;
}

void TraceFileWriter::write(const std::string& arm, std::uint32_t replication, const experiment::TraceRecord& r) {
  if (!filter_.wants_event(experiment::event_name(r.event))) return;
  nlohmann::ordered_json j;
  j["arm"] = arm;
  j["replication"] = replication;
  j["t"] = r.time;
  j["when"] = fmt::format("day {} {:02}:{:02}", core::day_of(r.time), core::hour_of_day(r.time),
                          static_cast<int>(core::time_of_day(r.time) % core::kHour / core::kMinute));
  j["sender"] = r.sender;
  j["cohort"] = r.cohort;
  j["label"] = r.abusive ? "abusive" : "legit";
  j["event"] = experiment::event_name(r.event);
  if (r.member >= 0) j["member"] = r.member;
  if (auto reason = trace_reason(r); !reason.empty()) j["reason"] = std::move(reason);
  std::lock_guard lock(mutex_);
  by_arm_[arm] += j.dump() + "\n";
}

void TraceFileWriter::save(const std::string& path) const {
  std::lock_guard lock(mutex_);
  std::string all;
  for (const auto& arm : order_)
    if (auto it = by_arm_.find(arm); it != by_arm_.end()) all += it->second;
  write_file_atomic(path, all);
}

std::size_t TraceFileWriter::lines() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [_, text] : by_arm_) n += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return n;
}

}  // namespace linksim::report
