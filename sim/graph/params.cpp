// Reading the `world` block into GraphParams. Type errors become Issues (every one is reported);
// the schema has normally caught them already, this keeps hand-built JSON from crashing.
#include "linksim/graph/params.hpp"

#include <algorithm>

namespace linksim::graph {
namespace {

using config::describe;

class Reader {
 public:
  explicit Reader(std::vector<Issue>& issues) : issues_(issues) {}

  template <class T>
  T get(const nlohmann::json& obj, const std::string& key, const std::string& path,
        const char* expected) {
    const std::string at = path + "/" + key;
    if (!obj.is_object() || !obj.contains(key)) {
      issues_.push_back({at, expected, "nothing (missing key)", {}});
      return T{};
    }
    const auto& v = obj[key];
    const bool ok = std::is_same_v<T, std::string> ? v.is_string()
                    : std::is_integral_v<T>        ? v.is_number_integer() && !(v < 0)
                                                   : v.is_number();
    if (!ok) {
      issues_.push_back({at, expected, describe(v), {}});
      return T{};
    }
    return v.get<T>();
  }

  std::vector<Category> categories(const nlohmann::json& obj, const std::string& key,
                                   const std::string& path) {
    std::vector<Category> out;
    const std::string at = path + "/" + key;
    if (!obj.is_object() || !obj.contains(key) || !obj[key].is_array()) {
      issues_.push_back({at, "an array of {name, share}", obj.is_object() && obj.contains(key) ? describe(obj[key]) : "nothing", {}});
      return out;
    }
    const auto& arr = obj[key];
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string ip = at + "/" + std::to_string(i);
      out.push_back({get<std::string>(arr[i], "name", ip, "a string"),
                     get<double>(arr[i], "share", ip, "a number in [0, 1]")});
    }
    return out;
  }

 private:
  std::vector<Issue>& issues_;
};

}  // namespace

std::uint32_t GraphParams::effective_cap() const {
  return members == 0 ? 0 : std::min(edges.max_degree, members - 1);
}

GraphParams graph_params_from_json(const nlohmann::json& world, const std::string& path) {
  std::vector<Issue> issues;
  Reader r(issues);
  GraphParams p;
  p.members = r.get<std::uint32_t>(world, "members", path, "an integer >= 2");

  const std::string gp = path + "/graph";
  const auto& g = world.contains("graph") ? world["graph"] : nlohmann::json::object();
  auto& e = p.edges;
  e.model = r.get<std::string>(g, "model", gp, "a generator name");
  e.mean_degree = r.get<double>(g, "mean_degree", gp, "a number > 0");
  e.degree_distribution = r.get<std::string>(g, "degree_distribution", gp, "\"lognormal\" or \"power_law\"");
  e.degree_sigma = r.get<double>(g, "degree_sigma", gp, "a number > 0");
  e.power_law_exponent = r.get<double>(g, "power_law_exponent", gp, "a number > 2");
  e.min_degree = r.get<std::uint32_t>(g, "min_degree", gp, "an integer >= 1");
  e.max_degree = r.get<std::uint32_t>(g, "max_degree", gp, "an integer >= 1");
  e.industry_homophily = r.get<double>(g, "industry_homophily", gp, "a number in [0, 1]");
  e.region_homophily = r.get<double>(g, "region_homophily", gp, "a number in [0, 1]");
  e.block_density = r.get<double>(g, "block_density", gp, "a number in (0, 1]");
  e.block_degree_share = r.get<double>(g, "block_degree_share", gp, "a number in [0, 1]");

  const std::string ap = path + "/attributes";
  const auto& a = world.contains("attributes") ? world["attributes"] : nlohmann::json::object();
  p.industries = r.categories(a, "industries", ap);
  p.regions = r.categories(a, "regions", ap);
  p.company_sizes = r.categories(a, "company_sizes", ap);

  const std::string sp = ap + "/seniority";
  const auto& s = a.contains("seniority") ? a["seniority"] : nlohmann::json::object();
  const char* levels[] = {"ic", "manager", "director", "vp", "c_suite"};
  for (std::size_t i = 0; i < 5; ++i) p.seniority[i] = r.get<double>(s, levels[i], sp, "a number in [0, 1]");

  const std::string vp = ap + "/activity";
  const auto& v = a.contains("activity") ? a["activity"] : nlohmann::json::object();
  p.activity.dormant_share = r.get<double>(v, "dormant_share", vp, "a number in [0, 1]");
  p.activity.dormant_probability = r.get<double>(v, "dormant_probability", vp, "a number in [0, 1]");
  p.activity.active_median = r.get<double>(v, "active_median", vp, "a number in (0, 1]");
  p.activity.active_spread = r.get<double>(v, "active_spread", vp, "a number >= 0");
  p.activity.degree_correlation = r.get<double>(v, "degree_correlation", vp, "a number in [-1, 1]");

  const std::string tp = ap + "/traits";
  const auto& t = a.contains("traits") ? a["traits"] : nlohmann::json::object();
  auto& tr = p.traits;
  tr.accept_sd = r.get<double>(t, "accept_sd", tp, "a number >= 0");
  tr.report_sd = r.get<double>(t, "report_sd", tp, "a number >= 0");
  tr.accept_report_correlation = r.get<double>(t, "accept_report_correlation", tp, "a number in [-1, 1]");
  tr.open_networker_share = r.get<double>(t, "open_networker_share", tp, "a number in [0, 0.5]");
  tr.content_affinity_median = r.get<double>(t, "content_affinity_median", tp, "a number in (0, 1)");
  tr.content_affinity_sd = r.get<double>(t, "content_affinity_sd", tp, "a number >= 0");
  tr.creator_share = r.get<double>(t, "creator_share", tp, "a number in [0, 1]");
  tr.profile_strength_median = r.get<double>(t, "profile_strength_median", tp, "a number in (0, 1)");
  tr.profile_strength_sd = r.get<double>(t, "profile_strength_sd", tp, "a number >= 0");

  const std::string ep = ap + "/email_findability";
  const auto& em = a.contains("email_findability") ? a["email_findability"] : nlohmann::json::object();
  const char* classes[] = {"found", "catch_all", "not_found"};
  for (std::size_t i = 0; i < 3; ++i) tr.email[i] = r.get<double>(em, classes[i], ep, "a number in [0, 1]");

  if (issues.empty()) check_graph_params(p, path, issues);
  if (!issues.empty()) throw InputError(std::move(issues));
  return p;
}

}  // namespace linksim::graph
