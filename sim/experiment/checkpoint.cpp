// Checkpoints of interrupted runs: the partial format, keyed by the configuration hash.
#include "linksim/experiment/checkpoint.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "linksim/config/config_hash.hpp"
#include "linksim/config/errors.hpp"
#include "linksim/experiment/partial.hpp"

namespace linksim::experiment {

std::string checkpoint_path(const std::string& dir, Shard shard) {
  const std::string name = shard.count > 1 ? fmt::format("checkpoint-{}-of-{}.json", shard.index, shard.count) : "checkpoint.json";
  return (std::filesystem::path(dir) / name).string();
}

Resumed read_checkpoint(const std::string& path, const config::Scenario& scenario, Shard shard) {
  Resumed r;
  std::ifstream in(path, std::ios::binary);
  if (!in) return r;
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) {
    r.note = fmt::format("{} is not readable JSON; running every replication", path);
    return r;
  }
  Partial p;
  try {
    p = partial_from_json(j, path);
  } catch (const config::InputError& e) {
    r.note = fmt::format("{} is not a checkpoint this linksim reads ({}); running every replication", path,
                         e.issues().front().to_string());
    return r;
  }
  const std::string hash = config::config_hash(scenario);
  if (p.config_hash != hash) {
    r.note = fmt::format("{} is of another configuration (hash {}, now {}); running every replication", path, p.config_hash, hash);
    return r;
  }
  if (p.shard.index != shard.index || p.shard.count != shard.count) {
    r.note = fmt::format("{} is of shard {}/{}, not {}/{}; running every replication", path, p.shard.index, p.shard.count,
                         shard.index, shard.count);
    return r;
  }
  r.done = std::move(p.outcome);
  r.done.complete = false;
  r.note = fmt::format("resuming from {}: {} of {} replications already finished", path, r.done.replications_completed,
                       shard.size(static_cast<std::uint32_t>(scenario.replications)));
  return r;
}

std::string checkpoint_text(const config::Scenario& scenario, const RunOutcome& outcome, Shard shard) {
  RunOutcome finished = outcome;
  finished.complete = false;
  return partial_json(scenario, finished, shard).dump() + "\n";
}

RunOutcome combine_outcomes(RunOutcome earlier, RunOutcome now, std::size_t expected) {
  if (earlier.replications.empty()) {
    now.complete = now.replications.size() == expected;
    return now;
  }
  if (earlier.arms.size() != now.arms.size()) throw std::logic_error("combine_outcomes: outcomes of different arms");
  RunOutcome out;
  for (const auto& arm : now.arms) out.arms.push_back(ArmRuns{arm.name, arm.description, {}});
  std::size_t i = 0, k = 0;
  while (i < earlier.replications.size() || k < now.replications.size()) {
    const bool take_earlier =
        k == now.replications.size() || (i < earlier.replications.size() && earlier.replications[i] < now.replications[k]);
    RunOutcome& from = take_earlier ? earlier : now;
    std::size_t& at = take_earlier ? i : k;
    if (!out.replications.empty() && from.replications[at] <= out.replications.back())
      throw std::logic_error("combine_outcomes: a replication in both outcomes");
    for (std::size_t a = 0; a < out.arms.size(); ++a) out.arms[a].runs.push_back(std::move(from.arms[a].runs[at]));
    out.replications.push_back(from.replications[at]);
    ++at;
  }
  out.replications_completed = out.replications.size();
  out.complete = out.replications_completed == expected;
  return out;
}

}  // namespace linksim::experiment
