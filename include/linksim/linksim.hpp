// Umbrella header: the public API of linksim.
#pragma once
#include "linksim/core/event.hpp"
#include "linksim/core/event_queue.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"
#include "linksim/core/time.hpp"
#include "linksim/config/errors.hpp"
#include "linksim/config/json_schema.hpp"
#include "linksim/config/merge_patch.hpp"
#include "linksim/config/scenario.hpp"
#include "linksim/report/results.hpp"
#include "linksim/experiment/runner.hpp"
#include "linksim/metrics/registry.hpp"
