// Parameters of the synthetic professional graph and of its members' attributes, read from the
// scenario's `world` block (schema: `$defs/world`, `$defs/graph_*` in scenarios/schema.json).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/graph/input_error.hpp"

namespace linksim::graph {

/// A named category with its share of members (industries, regions, company sizes).
struct Category {
  std::string name;
  double share = 0.0;
};

/// Edge model. Degrees are drawn per member, then realised by dense blocks (clustering) and
/// Chung–Lu edges split by industry/region homophily. See docs/graph.md.
struct EdgeParams {
  std::string model;               ///< generator name (factory key), e.g. "community_bter"
  double mean_degree = 0;          ///< target mean degree (connections per member)
  std::string degree_distribution; ///< "lognormal" or "power_law"
  double degree_sigma = 0;         ///< lognormal shape (sd of log degree)
  double power_law_exponent = 0;   ///< Pareto exponent gamma > 2 of the degree density
  std::uint32_t min_degree = 0;    ///< smallest target degree
  std::uint32_t max_degree = 0;    ///< connection cap (clipped to members - 1)
  double industry_homophily = 0;   ///< target share of edges inside one industry, [0, 1]
  double region_homophily = 0;     ///< target share of edges inside one region, [0, 1]
  double block_density = 0;        ///< edge probability inside a dense block, (0, 1]
  double block_degree_share = 0;   ///< share of a member's degree placed in its block, [0, 1]
};

/// Daily activity: a dormant share, and a log-logistic level for active members.
struct ActivityParams {
  double dormant_share = 0;          ///< share of members who rarely log in
  double dormant_probability = 0;    ///< their daily activity probability
  double active_median = 0;          ///< median daily activity probability of active members
  double active_spread = 0;          ///< log-odds scale of the log-logistic (larger = heavier tail)
  double degree_correlation = 0;     ///< correlation of latent activity with latent degree
};

/// Latent traits the response model reads (logit-scale shifts and probabilities).
struct TraitParams {
  double accept_sd = 0;                  ///< sd of the accept-propensity logit shift
  double report_sd = 0;                  ///< sd of the report-propensity logit shift
  double accept_report_correlation = 0;  ///< correlation of the two shifts
  double open_networker_share = 0;       ///< share advertising open networking: the top tail of accept propensity
  double content_affinity_median = 0;    ///< median engagement probability with a seen post
  double content_affinity_sd = 0;        ///< sd on the log-odds scale
  double creator_share = 0;              ///< share of members who post regularly
  double profile_strength_median = 0;    ///< median profile strength in (0, 1)
  double profile_strength_sd = 0;        ///< sd on the log-odds scale
  std::array<double, 3> email = {};      ///< shares found / catch-all / not found
};

struct GraphParams {
  std::uint32_t members = 0;
  EdgeParams edges;
  std::vector<Category> industries;
  std::vector<Category> regions;
  std::vector<Category> company_sizes;
  std::array<double, 5> seniority = {};  ///< shares IC, manager, director, VP, C-suite
  ActivityParams activity;
  TraitParams traits;

  /// The cap actually applied: min(max_degree, members - 1).
  std::uint32_t effective_cap() const;
};

/// Reads and checks `world` (defaults already applied). `path` is the JSON Pointer of `world`
/// (e.g. "/world"). Throws InputError listing every issue, each naming its JSON path.
GraphParams graph_params_from_json(const nlohmann::json& world, const std::string& path);

/// Semantic checks the schema cannot express; appends nothing when `p` is valid.
/// Also used directly by tests and by code that builds GraphParams by hand.
void check_graph_params(const GraphParams& p, const std::string& path, std::vector<Issue>& out);

}  // namespace linksim::graph
