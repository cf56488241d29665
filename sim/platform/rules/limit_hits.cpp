#include "linksim/platform/rules/limit_hits.hpp"

#include <fmt/format.h>

namespace linksim::platform {

void LimitHits::Params::read(ParamReader& r) {
  r.get("strike_after_denials", strike_after);
  r.get_duration("denials_window_days", core::kDay, window);
}

void LimitHits::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, strike_after <= 100000, path, "strike_after_denials", "an integer in [0, 100000]", std::to_string(strike_after));
  expect(issues, window >= core::kHour, path, "denials_window_days", ">= 1 hour (1/24 day)", in_units(window, core::kDay));
}

std::string LimitHits::reason() const {
  return fmt::format("{} attempts refused by the limit within {} days", p_.strike_after, in_units(p_.window, core::kDay));
}

void LimitHits::Params::schema(ParamSchema& s) {
  s["strike_after_denials"] = integer_param(
      "This many attempts refused by the cap within denials_window_days are a strike (0 = never): frequently "
      "exceeding a limit draws warnings and restrictions.",
      Bounds().at_least(0).at_most(100000));
  s["denials_window_days"] =
      number_param("The refusals counted are those within this many days of the first (at least 1 hour).", Bounds().above(0));
}

}  // namespace linksim::platform
