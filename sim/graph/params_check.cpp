// Semantic checks of GraphParams that JSON Schema cannot express (shares summing to 1, mean
// degree below the member count and the cap, ...) plus the ranges, so that parameters built in
// code are held to the same rules as scenario files.
#include <cmath>
#include <set>
#include <sstream>

#include "linksim/graph/params.hpp"
#include "linksim/graph/generator.hpp"

namespace linksim::graph {
namespace {

std::string num(double v) {
  std::ostringstream s;
  s.precision(10);
  s << v;
  return s.str();
}

struct Checker {
  std::vector<Issue>& out;
  void range(double v, double lo, double hi, const std::string& at, const char* expected) {
    if (!(v >= lo && v <= hi)) out.push_back({at, expected, num(v), {}});
  }
  void positive(double v, const std::string& at, const char* expected) {
    if (!(v > 0.0) || !std::isfinite(v)) out.push_back({at, expected, num(v), {}});
  }
  template <class It>
  void sums_to_one(It begin, It end, const std::string& at) {
    double sum = 0.0;
    for (It i = begin; i != end; ++i) sum += *i;
    if (std::abs(sum - 1.0) > 1e-6)
      out.push_back({at, "shares summing to 1 (within 1e-6)", "a sum of " + num(sum), {}});
  }
  void categories(const std::vector<Category>& cats, const std::string& at) {
    if (cats.empty() || cats.size() > 65535) {
      out.push_back({at, "between 1 and 65535 categories", std::to_string(cats.size()), {}});
      return;
    }
    std::set<std::string> names;
    std::vector<double> shares;
    for (std::size_t i = 0; i < cats.size(); ++i) {
      const std::string ip = at + "/" + std::to_string(i);
      if (cats[i].name.empty() || !names.insert(cats[i].name).second)
        out.push_back({ip + "/name", "a unique non-empty name", "\"" + cats[i].name + "\"", {}});
      range(cats[i].share, 0.0, 1.0, ip + "/share", "a share in [0, 1]");
      shares.push_back(cats[i].share);
    }
    sums_to_one(shares.begin(), shares.end(), at);
  }
};

}  // namespace

void check_graph_params(const GraphParams& p, const std::string& path, std::vector<Issue>& out) {
  Checker c{out};
  const std::string gp = path + "/graph";
  const std::string ap = path + "/attributes";
  const auto& e = p.edges;
  if (p.members < 2) out.push_back({path + "/members", "at least 2 members", std::to_string(p.members), {}});
  if (!generator_exists(e.model))
    out.push_back({gp + "/model", "one of: " + generator_names(), "\"" + e.model + "\"", {}});
  c.positive(e.mean_degree, gp + "/mean_degree", "a mean degree > 0");
  if (p.members >= 2 && e.mean_degree > static_cast<double>(p.members - 1))
    out.push_back({gp + "/mean_degree", "a mean degree below the member count (at most " +
                   std::to_string(p.members - 1) + ")", num(e.mean_degree), {}});
  // Arc offsets are uint32 (4 bytes per arc): 2 * edges must stay below 2^32 with headroom.
  if (static_cast<double>(p.members) * e.mean_degree > 3.5e9)
    out.push_back({gp + "/mean_degree", "members x mean_degree <= 3.5e9 (32-bit arc index)",
                   num(static_cast<double>(p.members) * e.mean_degree), {}});
  if (e.degree_distribution != "lognormal" && e.degree_distribution != "power_law")
    out.push_back({gp + "/degree_distribution", "\"lognormal\" or \"power_law\"", "\"" + e.degree_distribution + "\"", {}});
  c.positive(e.degree_sigma, gp + "/degree_sigma", "a lognormal sigma > 0");
  if (!(e.power_law_exponent > 2.0) || !std::isfinite(e.power_law_exponent))
    out.push_back({gp + "/power_law_exponent", "an exponent > 2 (finite mean)", num(e.power_law_exponent), {}});
  if (e.min_degree < 1) out.push_back({gp + "/min_degree", "a minimum degree >= 1", std::to_string(e.min_degree), {}});
  else if (static_cast<double>(e.min_degree) > e.mean_degree)
    out.push_back({gp + "/min_degree", "a minimum degree <= mean_degree (" + num(e.mean_degree) + ")", std::to_string(e.min_degree), {}});
  if (e.max_degree < 1) out.push_back({gp + "/max_degree", "a cap >= 1", std::to_string(e.max_degree), {}});
  else if (static_cast<double>(e.max_degree) < e.mean_degree)
    out.push_back({gp + "/max_degree", "a cap >= mean_degree (" + num(e.mean_degree) + ")", std::to_string(e.max_degree), {}});
  c.range(e.industry_homophily, 0.0, 1.0, gp + "/industry_homophily", "a share in [0, 1]");
  c.range(e.region_homophily, 0.0, 1.0, gp + "/region_homophily", "a share in [0, 1]");
  if (p.industries.size() == 1 && e.industry_homophily < 1.0)
    out.push_back({gp + "/industry_homophily", "1 when there is a single industry", num(e.industry_homophily), {}});
  if (p.regions.size() == 1 && e.region_homophily < 1.0)
    out.push_back({gp + "/region_homophily", "1 when there is a single region", num(e.region_homophily), {}});
  if (!(e.block_density > 0.0 && e.block_density <= 1.0))
    out.push_back({gp + "/block_density", "a probability in (0, 1]", num(e.block_density), {}});
  c.range(e.block_degree_share, 0.0, 1.0, gp + "/block_degree_share", "a share in [0, 1]");

  c.categories(p.industries, ap + "/industries");
  c.categories(p.regions, ap + "/regions");
  c.categories(p.company_sizes, ap + "/company_sizes");
  const char* levels[] = {"ic", "manager", "director", "vp", "c_suite"};
  for (std::size_t i = 0; i < 5; ++i)
    c.range(p.seniority[i], 0.0, 1.0, ap + "/seniority/" + levels[i], "a share in [0, 1]");
  c.sums_to_one(p.seniority.begin(), p.seniority.end(), ap + "/seniority");

  const std::string vp = ap + "/activity";
  const auto& a = p.activity;
  c.range(a.dormant_share, 0.0, 1.0, vp + "/dormant_share", "a share in [0, 1]");
  c.range(a.dormant_probability, 0.0, 1.0, vp + "/dormant_probability", "a probability in [0, 1]");
  if (!(a.active_median > 0.0 && a.active_median <= 1.0))
    out.push_back({vp + "/active_median", "a probability in (0, 1]", num(a.active_median), {}});
  c.range(a.active_spread, 0.0, 10.0, vp + "/active_spread", "a spread in [0, 10]");
  c.range(a.degree_correlation, -1.0, 1.0, vp + "/degree_correlation", "a correlation in [-1, 1]");

  const std::string tp = ap + "/traits";
  const auto& t = p.traits;
  c.range(t.accept_sd, 0.0, 10.0, tp + "/accept_sd", "a standard deviation in [0, 10]");
  c.range(t.report_sd, 0.0, 10.0, tp + "/report_sd", "a standard deviation in [0, 10]");
  c.range(t.accept_report_correlation, -1.0, 1.0, tp + "/accept_report_correlation", "a correlation in [-1, 1]");
  c.range(t.open_networker_share, 0.0, 0.5, tp + "/open_networker_share", "a share in [0, 0.5]");
  if (!(t.content_affinity_median > 0.0 && t.content_affinity_median < 1.0))
    out.push_back({tp + "/content_affinity_median", "a probability in (0, 1)", num(t.content_affinity_median), {}});
  c.range(t.content_affinity_sd, 0.0, 10.0, tp + "/content_affinity_sd", "a standard deviation in [0, 10]");
  c.range(t.creator_share, 0.0, 1.0, tp + "/creator_share", "a share in [0, 1]");
  if (!(t.profile_strength_median > 0.0 && t.profile_strength_median < 1.0))
    out.push_back({tp + "/profile_strength_median", "a value in (0, 1)", num(t.profile_strength_median), {}});
  c.range(t.profile_strength_sd, 0.0, 10.0, tp + "/profile_strength_sd", "a standard deviation in [0, 10]");
  const char* classes[] = {"found", "catch_all", "not_found"};
  for (std::size_t i = 0; i < 3; ++i)
    c.range(t.email[i], 0.0, 1.0, ap + "/email_findability/" + classes[i], "a share in [0, 1]");
  c.sums_to_one(t.email.begin(), t.email.end(), ap + "/email_findability");
}

}  // namespace linksim::graph
