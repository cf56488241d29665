// Finder waterfall: independent providers over discoverable members; a catch-all domain yields a
// guess that may be wrong and cannot be verified.
#include "linksim/model/email_finder.hpp"

#include <cmath>

namespace linksim::model {

double finder_coverage(const FinderParams& p, EmailDomain domain, unsigned providers) {
  if (domain == EmailDomain::kUndiscoverable) return 0.0;
  return 1.0 - std::pow(1.0 - p.find_probability, static_cast<double>(providers));
}

FoundEmail find_email(const FinderParams& p, EmailDomain domain, unsigned providers, core::Rng& rng) {
  FoundEmail out;
  bool found = false;
  for (unsigned i = 0; i < providers; ++i) {
    const bool hit = core::uniform01(rng) < p.find_probability;
    if (!found) {
      out.lookups = static_cast<std::uint8_t>(i + 1 > 255 ? 255 : i + 1);
      found = hit && domain != EmailDomain::kUndiscoverable;
    }
  }
  const double u_correct = core::uniform01(rng);
  if (!found) return out;
  if (domain == EmailDomain::kCatchAll) {
    out.status = FinderStatus::kFoundCatchAll;
    out.address_correct = u_correct >= p.catch_all_wrong_rate;
  } else {
    out.status = FinderStatus::kFound;
    out.address_correct = u_correct >= p.wrong_address_rate;
  }
  return out;
}

}  // namespace linksim::model
