// Strikes for hitting a limit again and again: "LinkedIn may send warnings about your connection
// request patterns, especially if you frequently approach or exceed limits", and "temporary
// restrictions ... for 24-48 hours after hitting the limit" with longer ones for "repeated
// violations" (practitioner guide to LinkedIn's connection limits). A cap rule that owns one
// counts the attempts it refuses; `strike_after` refusals within `window` are a strike on the
// ladder, and the count starts over. Off (strike_after = 0) in both platform presets: LinkedIn's
// help pages say a limit blocks, not that it strikes — it is a candidate rule for stress tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/platform/rule.hpp"

namespace linksim::platform {

class LimitHits final {
 public:
  struct Params {
    std::uint32_t strike_after = 0;      ///< refusals within the window that are a strike (0: never)
    core::Time window = 7 * core::kDay;  ///< the refusals counted are those of the last window
    /// Reads `strike_after_denials` and `denials_window_days` (other keys are the caller's).
    void read(ParamReader& r);
    /// Adds the schema of the two keys read() reads to `s`.
    static void schema(ParamSchema& s);
    void validate(const std::string& path, Issues& issues) const;
  };

  LimitHits(const Params& p, std::size_t senders) : p_(p), start_(p.strike_after > 0 ? senders : 0, 0), count_(start_.size(), 0) {}
  bool enabled() const { return p_.strike_after > 0; }
  /// A refusal by the owning rule; returns true (and starts over) when it makes a strike.
  bool refused(SenderId s, core::Time now) {
    if (!enabled()) return false;
    if (count_[s] == 0 || now - start_[s] >= p_.window) {
      start_[s] = now;
      count_[s] = 0;
    }
    if (++count_[s] < p_.strike_after) return false;
    count_[s] = 0;
    return true;
  }
  /// "N refused attempts within D days" for the strike's reason.
  std::string reason() const;

 private:
  Params p_;
  std::vector<core::Time> start_;  ///< first refusal of the current count
  std::vector<std::uint32_t> count_;
};

}  // namespace linksim::platform
