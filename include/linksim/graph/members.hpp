// Member attributes and latent traits in structure-of-arrays form (one vector per attribute,
// indexed by member id), so that scans over one attribute touch only that attribute.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "linksim/graph/params.hpp"

namespace linksim::graph {

enum class Seniority : std::uint8_t { kIc = 0, kManager, kDirector, kVp, kCSuite };
enum class EmailClass : std::uint8_t { kFound = 0, kCatchAll, kNotFound };

const char* to_string(Seniority s);
const char* to_string(EmailClass e);

struct Members {
  std::vector<std::uint16_t> industry;      ///< index into industry_names
  std::vector<std::uint16_t> region;        ///< index into region_names
  std::vector<Seniority> seniority;
  std::vector<std::uint8_t> company_size;   ///< index into company_size_names
  std::vector<float> activity;              ///< daily probability of being active, [0, 1]
  std::vector<float> accept_propensity;     ///< logit-scale shift of accepting invitations
  std::vector<float> report_propensity;     ///< logit-scale shift of reporting ("I don't know")
  std::vector<float> content_affinity;      ///< probability of engaging with a seen post
  std::vector<float> profile_strength;      ///< (0, 1): how convincing the profile looks
  std::vector<std::uint8_t> creator;        ///< 1 if the member posts regularly
  std::vector<EmailClass> email;            ///< what an email finder returns for the member
  std::vector<float> sociability;           ///< latent N(0,1) score that drives target degree
  std::vector<std::string> industry_names, region_names, company_size_names;
  /// A member whose accept propensity is strictly above this advertises open networking (LION,
  /// "I accept all invitations"): open_networker_threshold() of the traits; +infinity = nobody.
  double open_networker_above = std::numeric_limits<double>::infinity();

  std::uint32_t size() const { return static_cast<std::uint32_t>(industry.size()); }
};

/// The accept propensity above which a member advertises open networking: the top `share` of
/// its N(0, accept_sd) distribution, accept_sd * Phi^{-1}(1 - share). An analytic cut, so no
/// draw is added. share 0 gives +infinity (nobody); accept_sd 0 gives 0, and since every
/// propensity is then exactly 0 and the cut is strict, nobody either.
double open_networker_threshold(double accept_sd, double share);

/// Draws every member's attributes from the parameters, then renumbers members so that each
/// community (industry-major, then region) holds a contiguous range of ids, in draw order inside
/// it. Contiguous communities keep graph generation and CSR construction cache-local.
/// Deterministic for (seed, replication) whatever `threads` is: members are drawn in fixed
/// chunks, each with its own stream.
Members generate_members(const GraphParams& p, std::uint64_t seed, std::uint32_t replication,
                         unsigned threads);

}  // namespace linksim::graph
