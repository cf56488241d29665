// Resuming an interrupted `linksim sensitivity` or `robustness`: each process appends every design
// row it finishes to DIR/checkpoint-rows-R.jsonl (R its rank), one JSON line per row, flushed at
// once; the same command run again reuses every row whose key matches and runs the rest. The key
// is a hash of the fully resolved base configuration (config::config_hash: scenario after --set,
// seed, replications, arms, linksim version), the metrics, the row's index and its parameter
// values (their bits), so a row of another configuration is never reused.
#pragma once
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace linksim::experiment {

class RowJournal {
 public:
  RowJournal() = default;  ///< off: nothing read or written
  RowJournal(std::string dir, int rank);
  bool on() const { return !dir_.empty(); }

  /// Every row any process recorded in DIR (all ranks' files): key → values. A line cut short
  /// (the process was killed while writing it) or unreadable is skipped.
  std::unordered_map<std::string, std::vector<double>> load() const;
  /// Records one finished row (the file is created on the first).
  void append(const std::string& key, std::span<const double> values);
  /// Removes every process's file (the study's outputs are written).
  void remove() const;

 private:
  std::string dir_;
  int rank_ = 0;
};

/// The key of design row `row` with parameter `values` under configuration `config_hash` and `metrics`.
std::string row_key(const std::string& config_hash, const std::vector<std::string>& metrics, std::size_t row,
                    std::span<const double> values);

}  // namespace linksim::experiment
