// results.json and daily.csv.
#include "linksim/report/results.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/run_document.hpp"

namespace linksim::report {

using nlohmann::json;

int arm_horizon(const config::Scenario& scenario, const std::string& arm) {
  for (const auto& a : scenario.arms)
    if (a.name == arm) return a.config.at("horizon_days").get<int>();
  return scenario.horizon_days;
}

std::string horizon_text(const config::Scenario& scenario) {
  int lo = scenario.horizon_days, hi = scenario.horizon_days;
  for (const auto& a : scenario.arms) {
    lo = std::min(lo, a.config.at("horizon_days").get<int>());
    hi = std::max(hi, a.config.at("horizon_days").get<int>());
  }
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "–" + std::to_string(hi) + " (per arm)";
}

json results_json(const config::Scenario& scenario, const experiment::Summary& summary, bool complete) {
  return to_json(run_document(scenario, summary, complete));
}

std::string daily_csv(const experiment::RunOutcome& outcome) {
  std::string csv = "arm,replication,day,metric,value\n";
  auto quote = [](const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  // Series in name order (the run's map), as daily.csv has always had them; the registry must know
  // each one, so a series the recorder adds cannot reach the file undocumented.
  for (const auto& arm : outcome.arms)
    for (std::size_t r = 0; r < arm.runs.size(); ++r)
      for (const auto& [metric, values] : arm.runs[r].daily) {
        if (!metrics::find_daily(metric))
          throw std::logic_error("daily series \"" + metric + "\" is not in metrics/registry.hpp's kDailySeries");
        for (std::size_t d = 0; d < values.size(); ++d)
          csv += fmt::format("{},{},{},{},{}\n", quote(arm.name), r, d + 1, metric, values[d]);
      }
  return csv;
}

void write_file_atomic(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create directory " + target.parent_path().string() + ": " + ec.message());
  // The pid keeps two writers of the same file from sharing a temporary file.
  const fs::path tmp = target.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    f.close();
    if (!f) {
      fs::remove(tmp, ec);
      throw std::runtime_error("cannot write " + tmp.string() + " (disk full?)");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw std::runtime_error("cannot rename " + tmp.string() + " to " + path + ": " + ec.message());
  }
}

}  // namespace linksim::report
