// Selecting members by attributes (targeting: "directors in finance in western_europe").
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "linksim/graph/world.hpp"

namespace linksim::graph {

/// Every non-empty list must contain the member's value; empty lists match everyone.
struct MemberFilter {
  std::vector<std::uint16_t> industries;
  std::vector<std::uint16_t> regions;
  std::vector<Seniority> seniorities;
  std::vector<std::uint8_t> company_sizes;
  std::vector<EmailClass> email;
  double min_activity = 0.0;  ///< daily activity probability at least this
  bool creators_only = false;

  bool matches(const World& w, std::uint32_t v) const;
};

/// Ids of all members that match, ascending.
std::vector<std::uint32_t> members_where(const World& w, const MemberFilter& f);
/// The members of `candidates` that match, in the given order.
std::vector<std::uint32_t> members_where(const World& w, const MemberFilter& f,
                                         std::span<const std::uint32_t> candidates);

}  // namespace linksim::graph
