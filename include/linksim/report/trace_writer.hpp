// `--trace FILE`: one JSON object per line per event, with the reason in plain English.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "linksim/experiment/trace.hpp"

namespace linksim::report {

/// The record's reason as a sentence ("12 mutual, same industry, no note"); empty when the
/// event needs none.
std::string trace_reason(const experiment::TraceRecord& r);

/// Which senders and events a trace keeps (`--trace-sender`, `--trace-events`).
struct TraceFilter {
  std::vector<std::uint32_t> senders;  ///< indices in the population
  std::vector<std::string> cohorts;    ///< cohort names (a population's are its archetypes)
  std::vector<std::string> events;     ///< event names; empty: every event
  /// No sender or cohort named: the focal senders (every sender of a pure population).
  bool wants(std::uint32_t sender, std::string_view cohort, bool focal) const;
  bool wants_event(std::string_view event) const;
};

/// The filter of `--trace-sender` items (a sender's index below `senders`, or a cohort name of
/// `cohorts`) and `--trace-events` names (experiment::event_names()). Throws config::InputError
/// naming the option, with the nearest name as a hint.
TraceFilter parse_trace_filter(const std::vector<std::string>& sender_items, const std::vector<std::string>& events,
                               const std::vector<std::string>& cohorts, std::size_t senders);

/// Collects records per arm (arms run on different threads) and writes them in arm order, so
/// the file is identical whatever the thread count.
class TraceFileWriter final : public experiment::TraceSink {
 public:
  explicit TraceFileWriter(std::vector<std::string> arm_order, TraceFilter filter = {})
      : order_(std::move(arm_order)), filter_(std::move(filter)) {}
  bool wants(std::uint32_t sender, std::string_view cohort, bool focal) const override {
    return filter_.wants(sender, cohort, focal);
  }
  void write(const std::string& arm, std::uint32_t replication, const experiment::TraceRecord& r) override;
  /// Writes every collected line to `path` atomically.
  void save(const std::string& path) const;
  std::size_t lines() const;

 private:
  std::vector<std::string> order_;
  TraceFilter filter_;
  std::map<std::string, std::string> by_arm_;
  mutable std::mutex mutex_;
};

}  // namespace linksim::report
