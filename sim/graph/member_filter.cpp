#include "linksim/graph/member_filter.hpp"

#include <algorithm>

namespace linksim::graph {
namespace {

template <class T>
bool allowed(const std::vector<T>& list, T value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool MemberFilter::matches(const World& w, std::uint32_t v) const {
  return allowed(industries, w.industry(v)) && allowed(regions, w.region(v)) &&
         allowed(seniorities, w.seniority(v)) && allowed(company_sizes, w.company_size(v)) &&
         allowed(email, w.email(v)) && w.activity(v) >= min_activity && (!creators_only || w.creator(v));
}

std::vector<std::uint32_t> members_where(const World& w, const MemberFilter& f) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t v = 0; v < w.num_members(); ++v)
    if (f.matches(w, v)) out.push_back(v);
  return out;
}

std::vector<std::uint32_t> members_where(const World& w, const MemberFilter& f,
                                         std::span<const std::uint32_t> candidates) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t v : candidates)
    if (f.matches(w, v)) out.push_back(v);
  return out;
}

}  // namespace linksim::graph
