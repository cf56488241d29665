// Semantic checks of every arm beyond the schema: each module parses its section the way a run
// would, so `validate` catches what only the model can (shares summing to 1, mean degree < N, …).
#pragma once
#include "linksim/config/scenario.hpp"

namespace linksim::experiment {

/// Throws config::InputError listing every issue of every arm (paths point into the arm's patch when
/// the patch set the value). An error in the base is reported once.
void check_scenario(const config::Scenario& scenario);

}  // namespace linksim::experiment
