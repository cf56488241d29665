// Umbrella header: the public API of linksim.
#pragma once
#include "linksim/core/event.hpp"
#include "linksim/core/event_queue.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"
#include "linksim/core/time.hpp"
#include "linksim/io/errors.hpp"
#include "linksim/io/json_schema.hpp"
#include "linksim/io/merge_patch.hpp"
#include "linksim/io/scenario.hpp"
#include "linksim/io/results.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/metrics/registry.hpp"
