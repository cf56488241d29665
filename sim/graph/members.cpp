// Member attributes. Every member's draws come in a fixed order from the stream of its chunk,
// so adding an attribute at the end of the list does not change earlier ones of other chunks.
#include "linksim/graph/members.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>

#include "linksim/core/rng.hpp"

#include "graph/huge_pages.hpp"
#include "graph/parallel.hpp"

namespace linksim::graph {
namespace {

constexpr std::uint32_t kMemberChunk = 4096;

/// Cumulative shares, last forced to 1 so rounding can never fall off the end.
template <class Shares>
std::vector<double> cumulative(const Shares& shares) {
  std::vector<double> c;
  double sum = 0.0;
  for (const auto& s : shares) c.push_back(sum += s);
  if (!c.empty()) c.back() = 1.0;
  return c;
}
std::vector<double> cumulative(const std::vector<Category>& cats) {
  std::vector<double> shares;
  for (const auto& c : cats) shares.push_back(c.share);
  return cumulative(shares);
}
std::size_t pick(const std::vector<double>& cum, double u) {
  return static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), u) - cum.begin());
}
double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double logit(double p) { return std::log(p / (1.0 - p)); }
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

template <class T>
void permute(std::vector<T>& v, const std::vector<std::uint32_t>& from) {
  std::vector<T> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[from[i]];
  v.swap(out);
}

// Stable counting sort of members by community; from[new_id] = old_id.
void order_by_community(Members& m) {
  const auto regions = static_cast<std::uint32_t>(m.region_names.size());
  const std::size_t cells = m.industry_names.size() * regions;
  std::vector<std::uint32_t> pos(cells + 1, 0), from(m.size());
  for (std::uint32_t i = 0; i < m.size(); ++i) ++pos[m.industry[i] * regions + m.region[i] + 1];
  for (std::size_t c = 0; c < cells; ++c) pos[c + 1] += pos[c];
  for (std::uint32_t i = 0; i < m.size(); ++i) from[pos[m.industry[i] * regions + m.region[i]]++] = i;
  permute(m.industry, from);
  permute(m.region, from);
  permute(m.seniority, from);
  permute(m.company_size, from);
  permute(m.activity, from);
  permute(m.accept_propensity, from);
  permute(m.report_propensity, from);
  permute(m.content_affinity, from);
  permute(m.profile_strength, from);
  permute(m.creator, from);
  permute(m.email, from);
  permute(m.sociability, from);
}

}  // namespace

const char* to_string(Seniority s) {
  static const char* names[] = {"ic", "manager", "director", "vp", "c_suite"};
  return names[static_cast<int>(s)];
}
const char* to_string(EmailClass e) {
  static const char* names[] = {"found", "catch_all", "not_found"};
  return names[static_cast<int>(e)];
}

double open_networker_threshold(double accept_sd, double share) {
  if (!(share > 0.0)) return std::numeric_limits<double>::infinity();
  if (share >= 0.5) return 0.0;  // the median (the schema's bound)
  // Phi^{-1}(1 - share) as the upper-tail quantile of share: exact for a tiny share.
  return accept_sd * boost::math::quantile(boost::math::complement(boost::math::normal(), share));
}

Members generate_members(const GraphParams& p, std::uint64_t seed, std::uint32_t replication,
                         unsigned threads) {
  const std::uint32_t n = p.members;
  Members m;
  // Read at random by the event loop (a member per invitation): huge pages where they fit.
  resize_on_huge_pages(m.industry, n);
  resize_on_huge_pages(m.region, n);
  resize_on_huge_pages(m.seniority, n);
  resize_on_huge_pages(m.company_size, n);
  resize_on_huge_pages(m.activity, n);
  resize_on_huge_pages(m.accept_propensity, n);
  resize_on_huge_pages(m.report_propensity, n);
  resize_on_huge_pages(m.content_affinity, n);
  resize_on_huge_pages(m.profile_strength, n);
  resize_on_huge_pages(m.creator, n);
  resize_on_huge_pages(m.email, n);
  resize_on_huge_pages(m.sociability, n);
  for (const auto& c : p.industries) m.industry_names.push_back(c.name);
  for (const auto& c : p.regions) m.region_names.push_back(c.name);
  for (const auto& c : p.company_sizes) m.company_size_names.push_back(c.name);

  const auto ind = cumulative(p.industries), reg = cumulative(p.regions);
  const auto size = cumulative(p.company_sizes), sen = cumulative(p.seniority);
  const auto email = cumulative(p.traits.email);
  const auto& a = p.activity;
  const auto& t = p.traits;
  const double r = a.degree_correlation, r_rest = std::sqrt(1.0 - r * r);
  const double c = t.accept_report_correlation, c_rest = std::sqrt(1.0 - c * c);
  const double content_mid = logit(t.content_affinity_median);
  const double profile_mid = logit(t.profile_strength_median);
  m.open_networker_above = open_networker_threshold(t.accept_sd, t.open_networker_share);

  const std::size_t chunks = (n + kMemberChunk - 1) / kMemberChunk;
  parallel_chunks(chunks, threads, [&](std::size_t chunk) {
    auto rng = core::make_rng(seed, replication, core::Purpose::kMembers, chunk);
    const auto end = static_cast<std::uint32_t>(std::min<std::size_t>(n, (chunk + 1) * kMemberChunk));
    for (auto i = static_cast<std::uint32_t>(chunk * kMemberChunk); i < end; ++i) {
      m.industry[i] = static_cast<std::uint16_t>(pick(ind, core::uniform01(rng)));
      m.region[i] = static_cast<std::uint16_t>(pick(reg, core::uniform01(rng)));
      m.seniority[i] = static_cast<Seniority>(pick(sen, core::uniform01(rng)));
      m.company_size[i] = static_cast<std::uint8_t>(pick(size, core::uniform01(rng)));
      const double z = core::normal(rng);
      m.sociability[i] = static_cast<float>(z);
      // Dormancy is the low tail of a latent activity score correlated with sociability, so
      // dormant members tend to have few connections; active members get a log-logistic level.
      const double u = normal_cdf(r * z + r_rest * core::normal(rng));
      double act = a.dormant_probability;
      if (u >= a.dormant_share) {
        const double v = std::clamp((u - a.dormant_share) / (1.0 - a.dormant_share), 1e-12, 1.0 - 1e-12);
        act = std::min(1.0, a.active_median * std::exp(a.active_spread * logit(v)));
      }
      m.activity[i] = static_cast<float>(act);
      const double n1 = core::normal(rng), n2 = core::normal(rng);
      m.accept_propensity[i] = static_cast<float>(t.accept_sd * n1);
      m.report_propensity[i] = static_cast<float>(t.report_sd * (c * n1 + c_rest * n2));
      m.content_affinity[i] = static_cast<float>(sigmoid(content_mid + t.content_affinity_sd * core::normal(rng)));
      m.creator[i] = core::bernoulli(rng, t.creator_share) ? 1 : 0;
      m.profile_strength[i] = static_cast<float>(sigmoid(profile_mid + t.profile_strength_sd * core::normal(rng)));
      m.email[i] = static_cast<EmailClass>(pick(email, core::uniform01(rng)));
    }
  });
  order_by_community(m);
  return m;
}

}  // namespace linksim::graph
