// Email finders: coverage (found / catch-all / not found) for one provider or a chain of them.
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

/// A member's work-email situation (a member attribute of the world).
enum class EmailDomain : std::uint8_t {
  kStandard = 0,        ///< a normal mail server: addresses can be verified
  kCatchAll = 1,        ///< accepts mail for any address: finders can only guess, verifiers say "risky"
  kUndiscoverable = 2,  ///< no findable work address (no company domain, private, …)
};

enum class FinderStatus : std::uint8_t { kNotFound = 0, kFound = 1, kFoundCatchAll = 2 };

struct FoundEmail {
  FinderStatus status = FinderStatus::kNotFound;
  bool address_correct = false;  ///< the address reaches the member (unknown to the sender)
  std::uint8_t lookups = 0;      ///< providers queried (the waterfall stops at the first hit)
};

/// Probability that a waterfall of `providers` providers finds an address for a member whose
/// domain is `domain` (each provider independently finds a discoverable address).
double finder_coverage(const FinderParams& p, EmailDomain domain, unsigned providers);

/// Queries up to `providers` providers in turn. Always consumes providers + 1 uniforms.
FoundEmail find_email(const FinderParams& p, EmailDomain domain, unsigned providers, core::Rng& rng);

}  // namespace linksim::model
