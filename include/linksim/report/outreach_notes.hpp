// Outreach that fell short of plan: for each arm and channel (invitations, InMail, first
// emails), the planned and sent means per sender and why the rest was not sent (the prospect
// pool ran dry, or the platform refused or restricted). Written to results.json
// ("outreach_notes"), printed by `linksim run` and shown on report.html.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/report/run_document.hpp"

namespace linksim::report {

struct OutreachNote {
  std::string arm, channel;      ///< channel: "invitations", "InMail" or "email"
  double planned = 0, sent = 0;  ///< means per sender (email: prospects planned and looked up)
  double lost_to_pool = 0;       ///< of planned - sent: not sent because the pool had run dry
  double ran_dry_share = 0;      ///< share of the arm's senders whose pool ran dry
  double dry_day = 0;            ///< mean day it ran dry over those senders (0 when none did)
  double pool = 0;               ///< mean prospects in a sender's pool at the start
  std::string text;              ///< one sentence: arm, channel, how much short, and why
};

/// A note per arm and channel whose sent falls short of planned by more than `shortfall`
/// (a share of planned), or whose senders' pools ran dry. Read from the metrics' means of a
/// run's results; metrics they lack (an older file) give no note.
std::vector<OutreachNote> outreach_notes(const RunDocument& results, double shortfall = 0.10);
/// The same for a results document (docs/results-format.md), read with run_document_from_json.
std::vector<OutreachNote> outreach_notes(const nlohmann::json& results, double shortfall = 0.10);

/// The notes as results.json's "outreach_notes" array.
nlohmann::json outreach_notes_json(const std::vector<OutreachNote>& notes);

}  // namespace linksim::report
