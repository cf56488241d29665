// Resuming an interrupted `linksim run`: on Ctrl-C or SIGTERM (a scheduler's time limit) a run,
// a shard or an MPI process writes its finished replications to DIR/checkpoint.json (a shard's to
// DIR/checkpoint-I-of-N.json), in the partial-result format; the same command run again reads it
// and runs only the replications that are missing. A checkpoint is used only when it holds the
// same fully resolved configuration (config::config_hash: the scenario after --set, seed,
// replications, linksim version) and the same shard; otherwise everything runs again and the
// reason is given.
#pragma once
#include <string>

#include "linksim/config/scenario.hpp"
#include "linksim/experiment/runner.hpp"

namespace linksim::experiment {

/// DIR/checkpoint.json for a whole run, DIR/checkpoint-I-of-N.json for shard I/N.
std::string checkpoint_path(const std::string& dir, Shard shard);

struct Resumed {
  RunOutcome done;   ///< the checkpoint's replications (none when there is no usable checkpoint)
  std::string note;  ///< empty when there is no checkpoint; else what was reused or why not
};

/// The finished replications of `path` when it is a checkpoint of `scenario`'s configuration and
/// of `shard`; none otherwise (a missing file is no checkpoint; an unreadable one, or one of
/// another configuration, is named in the note and left to be overwritten).
Resumed read_checkpoint(const std::string& path, const config::Scenario& scenario, Shard shard);

/// The checkpoint text of `outcome`'s finished replications of `shard` (the partial format, marked
/// unfinished); the caller writes it (atomically) to checkpoint_path().
std::string checkpoint_text(const config::Scenario& scenario, const RunOutcome& outcome, Shard shard);

/// `earlier` and `now` (disjoint sets of replications of one scenario) as one outcome, the
/// replications in increasing order; complete when it holds all `expected` replications.
RunOutcome combine_outcomes(RunOutcome earlier, RunOutcome now, std::size_t expected);

}  // namespace linksim::experiment
