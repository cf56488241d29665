// The terminal's account of a policy scenario (a population with abusive senders): the platform
// metrics first, then per archetype how its senders fared, then which rule restricted whom.
#pragma once
#include <string>
#include <vector>

#include "linksim/experiment/summary.hpp"

namespace linksim::report {

/// True when the arms have breakdowns, i.e. some cohort is labelled abusive.
bool policy_summary_applies(const experiment::Summary& s);

/// True when the per-sender table means something for such a scenario: some cohort is focal and
/// every focal cohort is legitimate (its stars are the sender's point of view, and an abusive
/// sender's success is never marked as good).
bool sender_table_applies(const experiment::Summary& s);

/// The lines `linksim run` prints for a policy scenario: the platform metrics (headline policy
/// metrics, best arm starred from the platform's point of view), the per-archetype table
/// (headline cohort breakdown metrics; nothing starred: whether a share is good depends on the
/// label) and, per arm, the restrictions each rule caused with its precision and the invitation
/// attempts it refused by label.
std::vector<std::string> policy_lines(const experiment::Summary& s);

}  // namespace linksim::report
