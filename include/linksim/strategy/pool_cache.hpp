// Second-degree prospect pools (and the sizes of ICP profiles) shared by the arms of a replication. Policy arms run the same
// senders on the same world (common random numbers), and a pool depends only on the sender's
// member, the targeting (every filter of it is in the key) and the limit, so an arm finds the pool an earlier arm built instead of
// counting ~50,000 paths again (the largest cost of a 10^6-member population). Thread-safe; two
// arms that ask at the same moment may both build it, and keep the same result.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace linksim::strategy {

/// Members two steps away, most mutual connections first (ties by id), with their counts.
struct SecondDegreePool {
  std::vector<std::uint32_t> members, mutual;
};

struct PoolKey {
  std::uint32_t member = 0;
  std::uint32_t min_mutual = 0;
  std::uint32_t seniority_mask = 0;  ///< bit l set: seniority level l wanted (0: all levels)
  std::uint64_t limit = 0;
  bool open_networkers = false;  ///< only members who advertise open networking
  bool operator==(const PoolKey&) const = default;
};

/// A targeting profile, for counting its members: an id range (industry, region), a region
/// outside the range (UINT32_MAX: none), the seniority levels wanted (0: all) and whether only
/// open networkers count.
struct ProfileKey {
  std::uint32_t lo = 0, hi = 0, region = UINT32_MAX, seniority_mask = 0;
  bool open_networkers = false;
  bool operator==(const ProfileKey&) const = default;
};

class PoolCache final {
 public:
  /// The number of members of a profile: counted by `count()` the first time it is asked for.
  template <class Count>
  std::uint64_t profile_count(const ProfileKey& key, Count&& count) {
    {
      std::lock_guard lock(profiles_mutex_);
      const auto it = profiles_.find(key);
      if (it != profiles_.end()) return it->second;
    }
    const std::uint64_t n = count();  // outside the lock: two arms may both count, and agree
    std::lock_guard lock(profiles_mutex_);
    return profiles_.try_emplace(key, n).first->second;
  }
  /// The pool stored under `key`, or null.
  std::shared_ptr<const SecondDegreePool> find(const PoolKey& key) const {
    const Shard& s = shard(key);
    std::lock_guard lock(s.mutex);
    const auto it = s.pools.find(key);
    return it == s.pools.end() ? nullptr : it->second;
  }
  /// Stores `pool` under `key` unless a pool is there already; returns the stored one.
  std::shared_ptr<const SecondDegreePool> insert(const PoolKey& key, std::shared_ptr<const SecondDegreePool> pool) {
    Shard& s = shard(key);
    std::lock_guard lock(s.mutex);
    return s.pools.try_emplace(key, std::move(pool)).first->second;
  }
  std::size_t size() const {
    std::size_t n = 0;
    for (const Shard& s : shards_) {
      std::lock_guard lock(s.mutex);
      n += s.pools.size();
    }
    return n;
  }

 private:
  struct Hash {
    std::size_t operator()(const PoolKey& k) const {
      std::uint64_t h = k.member * 0x9E3779B97F4A7C15ull;
      h ^= (std::uint64_t{k.min_mutual} << 40) ^ (std::uint64_t{k.seniority_mask} << 20) ^ k.limit ^
           (std::uint64_t{k.open_networkers} << 63);
      return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ull >> 16);
    }
  };
  struct ProfileHash {
    std::size_t operator()(const ProfileKey& k) const {
      std::uint64_t h = (std::uint64_t{k.lo} << 32 | k.hi) * 0x9E3779B97F4A7C15ull;
      h ^= (std::uint64_t{k.region} << 32 | k.seniority_mask | std::uint64_t{k.open_networkers} << 31) * 0xBF58476D1CE4E5B9ull;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<PoolKey, std::shared_ptr<const SecondDegreePool>, Hash> pools;
  };
  static constexpr std::size_t kShards = 64;  // senders of two arms rarely wait on one lock
  const Shard& shard(const PoolKey& k) const { return shards_[k.member % kShards]; }
  Shard& shard(const PoolKey& k) { return shards_[k.member % kShards]; }
  std::array<Shard, kShards> shards_;
  mutable std::mutex profiles_mutex_;
  std::unordered_map<ProfileKey, std::uint64_t, ProfileHash> profiles_;
};

}  // namespace linksim::strategy
