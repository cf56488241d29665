// A classic limiter algorithm (fixed window, sliding-window log, sliding-window counter, token
// bucket, GCRA, nginx leaky bucket) used as a rule on any actions, per sender, on the simulator's
// seconds clock. Scenarios list them under platform.limiters.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

/// The algorithms, in the order of kLimiterAlgorithms (their spellings in scenarios).
enum class LimiterAlgorithm : std::uint8_t {
  kFixedWindow, kSlidingLog, kSlidingCounter, kTokenBucket, kGcra, kLeakyBucket };
inline constexpr std::array<std::string_view, 6> kLimiterAlgorithms = {
    "fixed_window", "sliding_log", "sliding_counter", "token_bucket", "gcra", "leaky_bucket"};

struct LimiterParams {
  Choice<LimiterAlgorithm, kLimiterAlgorithms> algorithm;  ///< no default: unknown "" until read
  std::uint32_t actions = action_bit(ActionKind::kInvite);
  // window algorithms: `limit` per `window`
  std::uint32_t limit = 0;
  core::Time window = 0;
  // bucket algorithms: `rate` units per `per`, bursts of `burst`
  double rate = 0.0;
  core::Time per = 0;
  std::uint32_t burst = 0;

  bool windowed() const;
  static LimiterParams from_json(const nlohmann::json& j, const std::string& path, Issues& issues);
  void validate(const std::string& path, Issues& issues) const;
};

/// Throws std::invalid_argument naming the parameter (or listing the algorithms) when invalid.
std::unique_ptr<Rule> make_limiter_rule(const LimiterParams& p, const SenderBook& book);

}  // namespace linksim::platform
