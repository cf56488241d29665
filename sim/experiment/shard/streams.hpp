// The random streams of a replication, by name. Each key below decides which draws two arms
// share (common random numbers), so changing one changes every result: they keep the values
// the model has always used.
#pragma once
#include <cstdint>

#include "linksim/core/rng.hpp"

namespace linksim::experiment::streams {

/// Purpose::kSender entity keys, plus the sender's global index.
inline constexpr std::uint64_t kSenderTiming = 0;                ///< start-of-day jitter, gaps, posts per day
inline constexpr std::uint64_t kSenderMember = 0x5E1EC7000000ull;  ///< which member the sender is
inline constexpr std::uint64_t kProspectPicks = 0x9C1C5000000ull;  ///< which search results are on-profile
inline constexpr std::uint64_t kFollowers = 0xF0110000000ull;     ///< who the sender's starting followers are
/// Multiplier of the replication in the prospect pool's seed (seed ^ mix64(rep * this + global)).
inline constexpr std::uint64_t kPoolSeedReplication = 0x10001ull;

/// Purpose::kResponses: one stream per (sender member, target, channel); the same pair gets the
/// same draws in every arm, whatever order events happen in.
enum class Pair : std::uint64_t {
  kInvite = 1,          ///< the invitation's outcome and when the member sees it
  kInMail = 2,          ///< the InMail's answer
  kEmailFind = 3,       ///< finder lookups and verification
  kTeamlink = 4,        ///< whether a teammate is connected to the target (TeamLink)
  kMessageTouch = 0x100,  ///< + touch: replies to the first message and follow-ups
  kFunnel = 0x200,        ///< + reply channel: lead, meeting, pipeline value
  kEmailTouch = 0x300,    ///< + touch: delivery and reply of each email
};

inline core::Rng sender(std::uint64_t seed, std::uint32_t rep, std::uint64_t key, std::uint64_t global) {
  return core::make_rng(seed, rep, core::Purpose::kSender, key + global);
}

inline core::Rng pair(std::uint64_t seed, std::uint32_t rep, std::uint32_t sender_member, std::uint32_t target, Pair channel,
                      std::uint64_t offset = 0) {
  const std::uint64_t key = (static_cast<std::uint64_t>(sender_member) << 32) | target;
  return core::make_rng(seed, rep, core::Purpose::kResponses, core::mix64(key) ^ (static_cast<std::uint64_t>(channel) + offset));
}

/// A post's cascade: keyed by the author and the second it is published.
inline core::Rng post(std::uint64_t seed, std::uint32_t rep, std::uint32_t author, std::int64_t at) {
  return core::make_rng(seed, rep, core::Purpose::kContent, core::mix64(author) ^ static_cast<std::uint64_t>(at));
}

/// A day's inbound from groups, events, newsletters and the company page: keyed by the sender's
/// member and the day, apart from every post's stream.
inline core::Rng inbound_sources(std::uint64_t seed, std::uint32_t rep, std::uint32_t member, std::int64_t day) {
  return core::make_rng(seed, rep, core::Purpose::kContent, core::mix64(core::mix64(member) ^ 0x1B0C5ull) ^ static_cast<std::uint64_t>(day));
}
/// The seed of a sender's prospect pool (its own permutation of the world).
inline std::uint64_t pool_seed(std::uint64_t seed, std::uint32_t rep, std::uint64_t global) {
  return core::mix64(seed ^ core::mix64(rep * kPoolSeedReplication + global));
}

}  // namespace linksim::experiment::streams
