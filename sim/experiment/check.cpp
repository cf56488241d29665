// `linksim validate`: the arm plans a run would build, built and discarded.
#include "linksim/experiment/check.hpp"

#include "linksim/experiment/arm_plan.hpp"

namespace linksim::experiment {

void check_scenario(const config::Scenario& s) { build_arm_plans(s); }

}  // namespace linksim::experiment
