// `--trace FILE`: one JSON object per line per event, with the reason in plain English.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "linksim/experiment/trace.hpp"

namespace linksim::report {

/// The record's reason as a sentence ("12 mutual, same industry, no note"); empty when the
/// event needs none.
std::string trace_reason(const experiment::TraceRecord& r);

/// Collects records per arm (arms run on different threads) and writes them in arm order, so
/// the file is identical whatever the thread count.
class TraceFileWriter final : public experiment::TraceSink {
 public:
  explicit TraceFileWriter(std::vector<std::string> arm_order) : order_(std::move(arm_order)) {}
  void write(const std::string& arm, std::uint32_t replication, const experiment::TraceRecord& r) override;
  /// Writes every collected line to `path` atomically.
  void save(const std::string& path) const;
  std::size_t lines() const;

 private:
  std::vector<std::string> order_;
  std::map<std::string, std::string> by_arm_;
  mutable std::mutex mutex_;
};

}  // namespace linksim::report
