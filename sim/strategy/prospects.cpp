// Prospect pools: anyone, the ideal customer profile (with the plan's filter precision), or the
// second-degree network ordered by mutual connections.
#include "linksim/strategy/prospects.hpp"

#include <algorithm>

namespace linksim::strategy {

std::uint32_t mutual_count(const graph::World& w, std::uint32_t u, std::uint32_t v) {
  auto a = w.neighbours(u), b = w.neighbours(v);
  if (a.size() > b.size()) std::swap(a, b);
  std::uint32_t n = 0;
  if (a.size() * 16 < b.size()) {
    // Very different degrees (a hub): gallop through the long row, O(small × log(large)).
    auto from = b.begin();
    for (const std::uint32_t x : a) {
      from = std::lower_bound(from, b.end(), x);
      if (from == b.end()) break;
      if (*from == x) ++n;
    }
    return n;
  }
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

NeighbourSet::NeighbourSet(const graph::World& world, std::uint32_t member) : row_(world.neighbours(member)) {
  unsigned log2_bits = 6;
  while ((std::size_t{1} << log2_bits) < 16 * row_.size()) ++log2_bits;
  bits_.assign((std::size_t{1} << log2_bits) / 64, 0);
  shift_ = 64 - log2_bits;
  for (const std::uint32_t u : row_) {
    const std::uint32_t h = static_cast<std::uint32_t>((std::uint64_t{u} * 0x9E3779B97F4A7C15ull) >> shift_);
    bits_[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
}

std::uint32_t NeighbourSet::mutual_count(const graph::World& world, std::uint32_t v) const {
  const auto b = world.neighbours(v);
  // A hub's long row: galloping from the short row is cheaper than a bit test per entry.
  if (row_.size() * 16 < b.size()) {
    std::uint32_t n = 0;
    auto from = b.begin();
    for (const std::uint32_t x : row_) {
      from = std::lower_bound(from, b.end(), x);
      if (from == b.end()) break;
      if (*from == x) ++n;
    }
    return n;
  }
  std::uint32_t n = 0;
  auto from = row_.begin();
  for (const std::uint32_t u : b) {
    if (!maybe(u)) continue;
    from = std::lower_bound(from, row_.end(), u);  // both rows ascend: search only forward
    if (from == row_.end()) break;
    if (*from == u) {
      ++n;
      ++from;
    }
  }
  return n;
}

Prospects::Prospects(const graph::World& world, std::uint32_t sender, const Targeting& t, double precision, std::uint64_t key,
                     std::size_t pool_limit)
    : world_(world), sender_(sender), t_(t), precision_(precision), mine_(world, sender), pool_limit_(pool_limit) {
  const auto& m = world.members();
  std::uint32_t lo = 0, hi = world.num_members();
  // Members are numbered community by community (industry-major, then region), so a profile on
  // industry and region is a contiguous id range.
  if (t.pool == Pool::kIcp && t.same_industry) {
    const auto range = std::equal_range(m.industry.begin(), m.industry.end(), m.industry[sender]);
    lo = static_cast<std::uint32_t>(range.first - m.industry.begin());
    hi = static_cast<std::uint32_t>(range.second - m.industry.begin());
    if (t.same_region) {
      const auto r = std::equal_range(m.region.begin() + lo, m.region.begin() + hi, m.region[sender]);
      lo = static_cast<std::uint32_t>(r.first - m.region.begin());
      hi = static_cast<std::uint32_t>(r.second - m.region.begin());
    }
  }
  range_lo_ = lo;
  in_range_ = Permutation(hi - lo, core::mix64(key ^ 0x1CEB00DAull));
  anywhere_ = Permutation(world.num_members(), core::mix64(key ^ 0xFEEDFACEull));
}

// On-profile picks must match the profile; off-profile picks must not (so the two walks never
// return the same member twice).
bool Prospects::eligible(std::uint32_t v, bool on_profile) const {
  if (v == sender_ || mine_.contains(v)) return false;
  return matches(v) == on_profile;
}

bool Prospects::matches(std::uint32_t v) const {
  const auto& m = world_.members();
  if (t_.pool == Pool::kIcp) {
    if (t_.same_industry && m.industry[v] != m.industry[sender_]) return false;
    if (t_.same_region && m.region[v] != m.region[sender_]) return false;
  }
  if (!t_.seniority.empty() &&
      std::find(t_.seniority.begin(), t_.seniority.end(), static_cast<int>(m.seniority[v])) == t_.seniority.end())
    return false;
  return true;
}

std::optional<std::uint32_t> Prospects::walk(const Permutation& perm, std::uint64_t& pos, std::uint32_t offset, bool on_profile) {
  while (pos < perm.size()) {
    const auto v = static_cast<std::uint32_t>(offset + perm(pos++));
    ++examined_;
    if (eligible(v, on_profile)) return v;
  }
  return std::nullopt;
}

void Prospects::build_second_degree() {
  second_built_ = true;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counted;  // (member, mutual count)
  // Count paths sender → u → w in a dense per-thread counter (O(sum of neighbour degrees), no
  // sort of the deg² walk), remembering which entries were touched so they can be reset.
  thread_local std::vector<std::uint32_t> count;
  thread_local std::vector<std::uint32_t> touched;
  if (count.size() < world_.num_members()) count.assign(world_.num_members(), 0);
  touched.clear();
  // The sender and their connections are not prospects: marked up front (no per-candidate
  // search of the sender's row).
  constexpr std::uint32_t kMarked = 1u << 31;
  count[sender_] = kMarked;
  touched.push_back(sender_);
  for (std::uint32_t u : world_.neighbours(sender_)) {
    count[u] = kMarked;
    touched.push_back(u);
  }
  for (std::uint32_t u : world_.neighbours(sender_))
    for (std::uint32_t w : world_.neighbours(u))
      if (count[w]++ == 0) touched.push_back(w);
  const std::uint32_t min_mutual = std::max(1, t_.min_mutual);
  for (std::uint32_t w : touched) {
    if (count[w] < kMarked && count[w] >= min_mutual && matches(w)) counted.emplace_back(w, count[w]);
    count[w] = 0;
  }
  // Most mutual connections first, ties by member id: a total order, so the pool is the same
  // whatever order the counter was filled in; only the best pool_limit_ are kept.
  const auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  if (counted.size() > pool_limit_) {
    std::nth_element(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(pool_limit_), counted.end(), better);
    counted.resize(pool_limit_);
    counted.shrink_to_fit();
  }
  std::sort(counted.begin(), counted.end(), better);
  second_.reserve(counted.size());
  second_mutual_.reserve(counted.size());
  for (const auto& c : counted) {
    second_.push_back(c.first);
    second_mutual_.push_back(c.second);
  }
}

std::uint32_t Prospects::mutual_count(std::uint32_t v) const {
  // The pool's count of paths sender → u → v is the number of mutual connections. A pick is
  // usually asked about right after next() returned it (or when a refused one is retried).
  for (std::size_t i = second_pos_, back = 0; i > 0 && back < 8; --i, ++back)
    if (second_[i - 1] == v) return second_mutual_[i - 1];
  return mine_.mutual_count(world_, v);
}

std::optional<std::uint32_t> Prospects::next(double rng_u) {
  if (t_.pool == Pool::kSecondDegree) {
    if (!second_built_) build_second_degree();
    while (second_pos_ < second_.size()) {
      const std::uint32_t v = second_[second_pos_++];
      ++examined_;
      if (!mine_.contains(v)) return v;
    }
    return std::nullopt;
  }
  if (t_.pool == Pool::kIcp && rng_u >= precision_) {
    // An off-profile search result: anyone who is not already a connection.
    if (auto v = walk(anywhere_, any_pos_, 0, false)) return v;
  }
  return walk(in_range_, in_pos_, range_lo_, true);
}

}  // namespace linksim::strategy
