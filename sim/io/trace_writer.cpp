// JSON-lines event traces.
#include "linksim/io/trace_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "linksim/io/results.hpp"

namespace linksim::io {

void TraceFileWriter::write(const std::string& arm, std::uint32_t replication, const experiment::TraceRecord& r) {
  nlohmann::ordered_json j;
  j["arm"] = arm;
  j["replication"] = replication;
  j["t"] = r.time;
  j["when"] = fmt::format("day {} {:02}:{:02}", core::day_of(r.time), core::hour_of_day(r.time),
                          static_cast<int>(core::time_of_day(r.time) % core::kHour / core::kMinute));
  j["sender"] = r.sender;
  j["event"] = r.event;
  if (r.member >= 0) j["member"] = r.member;
  if (!r.reason.empty()) j["reason"] = r.reason;
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

}  // namespace linksim::io
