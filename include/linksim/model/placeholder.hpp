// The foundation's placeholder model: paced senders under a rolling weekly cap, members who
// accept with a fixed probability after an exponential delay. The full model replaces it.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "linksim/metrics/run_result.hpp"

namespace linksim::model {

/// Runs one replication of one arm. `config` is an arm's effective configuration.
metrics::RunResult run_placeholder(const nlohmann::json& config, std::uint64_t seed, std::uint32_t replication);

}  // namespace linksim::model
