// Which direction is better for each named metric, so reports and the terminal table can mark
// the best arm. Names are the fixed metric names of DESIGN.md.
#pragma once
#include <string>
#include <string_view>

namespace linksim::io {

enum class MetricGoal {
  kHigher,  ///< more is better (connections, leads, spammer recall, ...)
  kLower,   ///< less is better (restrictions, cost, spam delivered, ...)
  kNone,    ///< a volume or an unknown metric: no arm is "best"
};

/// The goal of a metric by name; kNone for names it does not know.
MetricGoal metric_goal(std::string_view metric);

/// Human-readable label for a metric name ("invites_sent" → "invitations sent"); unknown names
/// get their underscores turned into spaces.
std::string metric_label(std::string_view metric);

}  // namespace linksim::io
