// Prospect pools: anyone, the ideal customer profile (with the plan's filter precision), or the
// second-degree network ordered by mutual connections.
#include "strategy/prospects.hpp"

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

NeighbourSet::NeighbourSet(const graph::World& world, std::uint32_t member)
    : row_(world.neighbours(member)), bits_(16 * std::uint64_t{row_.size()}) {
  for (const std::uint32_t u : row_) bits_.add(u);
}

namespace {

/// While friend i's row is read: friend i+4's row (its bounds came in earlier) and friend i+8's
/// bounds are asked for. The rows are scattered over memory; at 10^6 members the first read of
/// each was a miss (a pool: 288 -> 246 µs in BM_SecondDegreePool with these distances). Always
/// inlined: GCC 12 drops calls to an out-of-line function that only prefetches (see World).
[[gnu::always_inline]] inline void prefetch_friends_ahead(const graph::World& world, std::span<const std::uint32_t> friends, std::size_t i) {
  if (i + 4 < friends.size()) world.prefetch_row(friends[i + 4]);
  if (i + 8 < friends.size()) world.prefetch_row_bounds(friends[i + 8]);
}

}  // namespace

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
    if (!bits_.maybe(u)) continue;
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
                     std::size_t pool_limit, PoolCache* cache)
    : world_(world), sender_(sender), t_(t), precision_(precision), mine_(world, sender), pool_limit_(pool_limit), cache_(cache) {
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
  range_hi_ = hi;
  in_range_ = Permutation(hi - lo, core::mix64(key ^ 0x1CEB00DAull));
  anywhere_ = Permutation(world.num_members(), core::mix64(key ^ 0xFEEDFACEull));
}

// On-profile picks must match the profile; off-profile picks must not (so the two walks never
// return the same member twice).
bool Prospects::eligible(std::uint32_t v, bool on_profile) const {
  if (v == sender_ || mine_.contains(v)) return false;
  // The sender reads every result's profile: one who wants open networkers skips an off-profile
  // result that does not advertise it too (the plan's search precision is about the filters).
  if (!on_profile && t_.open_networkers && !world_.open_networker(v)) return false;
  return matches(v) == on_profile;
}

bool Prospects::matches(std::uint32_t v) const {
  const auto& m = world_.members();
  if (profile_is_range()) {
    // The profile's industry (and region) is exactly the id range: no attribute to read (a
    // random member's was a cache miss at 10^6 members).
    if (v < range_lo_ || v >= range_hi_) return false;
  } else if (t_.pool == Pool::kIcp) {
    if (t_.same_industry && m.industry[v] != m.industry[sender_]) return false;
    if (t_.same_region && m.region[v] != m.region[sender_]) return false;
  }
  if (!t_.seniority.empty() &&
      std::find(t_.seniority.begin(), t_.seniority.end(), static_cast<int>(m.seniority[v])) == t_.seniority.end())
    return false;
  // A cut on one float per member (World::open_networker): the profile's headline says it.
  if (t_.open_networkers && !world_.open_networker(v)) return false;
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
  // Another arm on this world may have built this sender's pool already (the key holds every
  // filter). Seniority levels outside 0..31 (rejected by the scenario checks) are not cached.
  PoolKey key{sender_, static_cast<std::uint32_t>(std::max(1, t_.min_mutual)), 0, pool_limit_, t_.open_networkers};
  bool cacheable = cache_ != nullptr;
  for (const int level : t_.seniority) {
    if (level < 0 || level > 31) cacheable = false;
    else key.seniority_mask |= 1u << level;
  }
  if (cacheable)
    if (auto pool = cache_->find(key)) {
      second_ = std::move(pool);
      return;
    }
  // Count paths sender → u → w. A dense counter over every member misses the cache on almost
  // every path at 10^6 members, so the paths' ends are partitioned by their high bits (copied
  // in runs out of the sorted rows) and each partition is counted in a counter of 2^kBits
  // entries that stays in cache.
  constexpr unsigned kBits = 17;
  constexpr std::uint32_t kMask = (1u << kBits) - 1;
  constexpr std::uint32_t kMarked = 1u << 31;
  thread_local std::vector<std::uint32_t> parted, count, touched;
  thread_local std::vector<std::size_t> offsets, cursor;
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> counted;  // (member, mutual count)
  thread_local std::vector<std::uint32_t> ties, histogram;
  const auto mine = world_.neighbours(sender_);  // ascending
  const std::size_t parts = (std::size_t{world_.num_members()} >> kBits) + 1;
  // Raw pointers into the thread-local buffers: through the vectors, every store made the
  // compiler reload their data pointers.
  offsets.assign(parts + 1, 0);
  std::size_t* const off = offsets.data();
  if (parts == 1) {
    for (const std::uint32_t u : mine) off[1] += world_.degree(u);
  } else {
    // Rows are sorted, so a row splits into one contiguous run per partition it spans (usually
    // one: a member's connections are mostly in their own community): the runs are counted and
    // copied whole. (A count per entry made every increment wait for the previous one.)
    auto runs = [&](std::uint32_t u, auto&& f) {
      const auto row = world_.neighbours(u);
      auto from = row.begin();
      while (from != row.end()) {
        const std::uint32_t b = *from >> kBits;
        const auto to = (row.back() >> kBits) == b ? row.end() : std::lower_bound(from, row.end(), (b + 1) << kBits);
        f(b, from, to);
        from = to;
      }
    };
    for (std::size_t i = 0; i < mine.size(); ++i) {
      prefetch_friends_ahead(world_, mine, i);
      runs(mine[i], [&](std::uint32_t b, auto from, auto to) { off[b + 1] += static_cast<std::size_t>(to - from); });
    }
    for (std::size_t b = 0; b < parts; ++b) off[b + 1] += off[b];
    parted.resize(off[parts]);
    cursor.assign(offsets.begin(), offsets.end() - 1);
    std::uint32_t* const out = parted.data();
    std::size_t* const at = cursor.data();
    for (const std::uint32_t u : mine)
      runs(u, [&](std::uint32_t b, auto from, auto to) {
        std::copy(from, to, out + at[b]);
        at[b] += static_cast<std::size_t>(to - from);
      });
  }
  std::size_t widest = 0;
  for (std::size_t b = 0; b < parts; ++b) widest = std::max(widest, off[b + 1] - off[b]);
  if (touched.size() < widest) touched.resize(widest);
  if (count.size() < kMask + 1) count.assign(kMask + 1, 0);
  std::uint32_t* const c = count.data();
  std::uint32_t* const first = touched.data();
  const std::uint32_t* const ends = parted.data();
  // One partition (a world of up to 2^kBits members): the rows are counted where they are.
  auto each_end = [&](std::size_t b, auto&& f) {
    if (parts == 1) {
      for (const std::uint32_t u : mine)
        for (const std::uint32_t w : world_.neighbours(u)) f(w);
    } else {
      for (std::size_t i = off[b], e = off[b + 1]; i < e; ++i) f(ends[i]);
    }
  };
  const std::uint32_t min_mutual = std::max(1, t_.min_mutual);
  const bool filtered = t_.pool == Pool::kIcp || !t_.seniority.empty() || t_.open_networkers;  // else matches() is always true
  std::uint32_t most = 0;
  counted.clear();
  auto mine_at = mine.begin();
  for (std::size_t b = 0; b < parts; ++b) {
    if (off[b] == off[b + 1]) continue;
    const auto base = static_cast<std::uint32_t>(b << kBits);
    // The sender and their connections are not prospects: marked before the partition is
    // counted (no per-candidate search of the sender's row), cleared after.
    mine_at = std::lower_bound(mine_at, mine.end(), base);
    const auto mine_end = std::lower_bound(mine_at, mine.end(), base + kMask + 1);
    for (auto it = mine_at; it != mine_end; ++it) c[*it & kMask] = kMarked;
    const bool sender_here = (sender_ >> kBits) == b;
    if (sender_here) c[sender_ & kMask] = kMarked;
    std::size_t n = 0;
    each_end(b, [&](std::uint32_t w) {
      first[n] = w;  // kept only if this is the first path to w
      n += c[w & kMask]++ == 0 ? 1 : 0;
    });
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t w = first[i], k = c[w & kMask];
      c[w & kMask] = 0;
      if (k >= min_mutual && (!filtered || matches(w))) {
        counted.emplace_back(w, k);
        most = std::max(most, k);
      }
    }
    for (auto it = mine_at; it != mine_end; ++it) c[*it & kMask] = 0;
    if (sender_here) c[sender_ & kMask] = 0;
    mine_at = mine_end;
  }
  // Most mutual connections first, ties by member id: a total order, so the pool is the same
  // whatever order the counter was filled in; only the best pool_limit_ are kept. The cut is
  // found on a histogram of the counts: everything above the cut count, and the lowest ids at it.
  const auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  if (counted.size() > pool_limit_) {
    // Four interleaved histograms: most counts are 1, and one histogram made every increment
    // wait for the previous one to the same slot.
    const std::size_t slots = std::size_t{most} + 1;
    histogram.assign(4 * slots, 0);
    std::uint32_t* const h = histogram.data();
    for (std::size_t i = 0; i < counted.size(); ++i) ++h[(i & 3) * slots + counted[i].second];
    for (std::size_t k = 0; k < slots; ++k) h[k] += h[slots + k] + h[2 * slots + k] + h[3 * slots + k];
    std::size_t above = 0;
    std::uint32_t cut = most;
    while (above + histogram[cut] < pool_limit_) above += histogram[cut--];
    ties.clear();
    std::size_t kept = 0;
    for (const auto& x : counted) {
      if (x.second > cut) counted[kept++] = x;
      else if (x.second == cut) ties.push_back(x.first);
    }
    const std::size_t from_ties = pool_limit_ - above;
    if (ties.size() > from_ties) std::nth_element(ties.begin(), ties.begin() + static_cast<std::ptrdiff_t>(from_ties), ties.end());
    for (std::size_t i = 0; i < from_ties; ++i) counted[kept++] = {ties[i], cut};
    counted.resize(kept);
  }
  std::sort(counted.begin(), counted.end(), better);
  auto pool = std::make_shared<SecondDegreePool>();
  pool->members.reserve(counted.size());
  pool->mutual.reserve(counted.size());
  for (const auto& x : counted) {
    pool->members.push_back(x.first);
    pool->mutual.push_back(x.second);
  }
  second_ = cacheable ? cache_->insert(key, std::move(pool)) : std::move(pool);
}

std::uint32_t Prospects::mutual_count(std::uint32_t v) {
  // The pool's count of paths sender -> u -> v is the number of mutual connections.
  if (const std::size_t i = recent_pick(v)) return second_->mutual[i - 1];
  return mine_.mutual_count(world_, v);
}

std::uint64_t Prospects::count_profile() const {
  // Industry (and region) alone: the id range is the profile.
  if (profile_is_range() && t_.seniority.empty() && !t_.open_networkers) return std::uint64_t{range_hi_} - range_lo_;
  std::uint64_t n = 0;
  for (std::uint32_t v = range_lo_; v < range_hi_; ++v) n += matches(v) ? 1 : 0;
  return n;
}

std::uint64_t Prospects::pool_size() {
  if (pool_size_) return *pool_size_;
  if (t_.pool == Pool::kSecondDegree) {
    if (!second_) build_second_degree();
    pool_size_ = second_->members.size();  // the sender and their connections are not in it
    return *pool_size_;
  }
  // The profile's members, counted once per world and profile when a cache is shared: the id
  // range, the region (when it is not part of the range), the seniority levels and open networking.
  ProfileKey key{range_lo_, range_hi_, UINT32_MAX, 0, t_.open_networkers};
  bool cacheable = cache_ != nullptr;
  if (t_.pool == Pool::kIcp && t_.same_region && !profile_is_range()) key.region = world_.members().region[sender_];
  for (const int level : t_.seniority) {
    if (level < 0 || level > 31) cacheable = false;
    else key.seniority_mask |= 1u << level;
  }
  std::uint64_t n = cacheable ? cache_->profile_count(key, [this] { return count_profile(); }) : count_profile();
  // Less the sender and their connections who match it.
  if (matches(sender_) && n > 0) --n;
  for (const std::uint32_t u : world_.neighbours(sender_))
    if (matches(u) && n > 0) --n;
  pool_size_ = n;
  return n;
}

std::optional<std::uint32_t> Prospects::next(double rng_u) {
  if (t_.pool == Pool::kSecondDegree) {
    if (!second_) build_second_degree();
    while (second_pos_ < second_->members.size()) {
      const std::uint32_t v = second_->members[second_pos_++];
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
