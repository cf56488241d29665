#include "linksim/experiment/trace.hpp"

#include <utility>

namespace linksim::experiment {

namespace {
template <class... F>
struct Overload : F... {
  using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;
}  // namespace

std::string_view event_name(const TraceEvent& e) {
  return std::visit(Overload{[](const trace::InviteSent&) { return "invite_sent"; },
                             [](const trace::NoteDropped&) { return "note_dropped"; },
                             [](const trace::InviteDenied&) { return "invite_denied"; },
                             [](const trace::InviteAccepted&) { return "invite_accepted"; },
                             [](const trace::InviteDeclined&) { return "invite_declined"; },
                             [](const trace::InviteReported&) { return "invite_reported"; },
                             [](const trace::InviteWithdrawn&) { return "invite_withdrawn"; },
                             [](const trace::Ladder&) { return "ladder"; },
                             [](const trace::Reply&) { return "reply"; },
                             [](const trace::InmailSent&) { return "inmail_sent"; },
                             [](const trace::InmailDenied&) { return "inmail_denied"; },
                             [](const trace::InmailDeclined&) { return "inmail_declined"; },
                             [](const trace::EmailNotFound&) { return "email_not_found"; },
                             [](const trace::EmailInvalid&) { return "email_invalid"; },
                             [](const trace::EmailSent&) { return "email_sent"; },
                             [](const trace::Post&) { return "post"; },
                             [](const trace::InboundAccepted&) { return "inbound_accepted"; }},
                    e);
}

namespace {
template <std::size_t... I>
std::vector<std::string_view> names_of(std::index_sequence<I...>) {
  return {event_name(TraceEvent(std::in_place_index<I>))...};
}
}  // namespace

std::vector<std::string_view> event_names() {
  return names_of(std::make_index_sequence<std::variant_size_v<TraceEvent>>());
}

}  // namespace linksim::experiment
