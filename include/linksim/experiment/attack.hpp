// `linksim attack`: the worst case of each policy. A seeded search over an abuser's strategy
// space (pace, timing, targeting, notes, warm-up, reactions, rotation) for the strategy that gets
// the most spam invitations delivered per account-week against each arm of a population
// scenario; the winner is re-measured on fresh replications beside every fixed abusive archetype.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/experiment/statistics.hpp"

namespace linksim::experiment::attack {

enum class DimensionType { kInteger, kNumber, kBoolean, kChoice };

/// One key of the attacker's strategy the search sets, mapped from a coordinate u in [0, 1].
struct Dimension {
  std::string key;  ///< a path inside the strategy with dots: "invites.per_day"
  DimensionType type = DimensionType::kNumber;
  double low = 0.0, high = 1.0;  ///< integer and number
  bool log_scale = false;        ///< integer and number: u is spread uniformly over log(value)
  std::vector<nlohmann::json> choices;  ///< choice
  std::string why;
  /// The value at u (clamped to [0, 1]): integers and choices split [0, 1] into equal cells;
  /// a boolean is true from u = 0.5.
  nlohmann::json value(double u) const;
  /// A coordinate whose value is `v` (the middle of its cell), or the nearest one the dimension
  /// has: the inverse of value() on the dimension's values. A choice of objects matches the
  /// choice that agrees with `v` on the most keys (the first on a tie).
  double coordinate(const nlohmann::json& v) const;
};

struct Space {
  std::vector<Dimension> dimensions;  ///< sorted by key
};

/// Parses {"dimensions": {key: {type, low, high, scale, choices, why}}}. Throws
/// config::InputError naming the path, the expected and the found value.
Space parse_space(const nlohmann::json& doc, const std::string& origin);
/// The built-in space (scenarios/presets/attack_space.json), parsed once.
const Space& default_space();
/// The strategy merge patch of point u (one coordinate per dimension); a choice of objects is
/// merged with the keys other dimensions set inside it.
nlohmann::json strategy_patch(const Space& space, std::span<const double> u);

struct Options {
  std::string attacker = "adaptive_spammer";  ///< the archetype whose strategy is searched
  std::size_t accounts = 0;     ///< attacker accounts; 0: the attacker's count in the scenario's population
  std::vector<std::string> arms;  ///< arms to attack; empty: every arm
  std::size_t candidates = 200;   ///< strategies tried per arm (half a shared design, half local search)
  std::uint32_t replications = 5;  ///< per candidate, the same for every candidate (common random numbers)
  std::uint32_t validation = 20;   ///< fresh replications for the finalists and the fixed archetypes
  std::size_t finalists = 3;       ///< best candidates per arm re-measured on the fresh replications
  unsigned threads = 0;            ///< 0: every hardware thread; changes no value
  std::function<void(std::size_t, std::size_t)> progress;  ///< (runs done, runs planned)
};

/// A strategy measured on the validation replications.
struct Measured {
  std::string name;          ///< "best response", or the archetype's name
  nlohmann::json strategy;   ///< the strategy patch (best response only)
  std::vector<double> spam;  ///< spam invitations delivered per account-week, per replication
  std::vector<double> detection;  ///< share of the accounts restricted at least once, per replication
  std::vector<double> days;       ///< median days to the first restriction (censored), per replication
  double spam_mean() const;
  double detection_mean() const;
};

struct Candidate {
  std::size_t arm = 0;  ///< index into Result::arms
  std::size_t index = 0;  ///< order in which the search tried it on this arm
  std::string phase;      ///< "start" (the attacker's own strategy), "design" or "local"
  std::vector<double> u;
  double spam = 0.0, detection = 0.0;  ///< means over the search replications
};

struct ArmResult {
  std::string arm;
  Measured best;                 ///< the finalist with the most spam on the validation replications
  double best_search_spam = 0.0;  ///< its mean in the search (biased upward: it was selected on it)
  std::vector<Measured> archetypes;  ///< every abusive archetype with its own strategy, same accounts
};

struct Result {
  std::string scenario, attacker;
  std::uint64_t seed = 0;
  std::size_t accounts = 0;
  int horizon_days = 0;
  Options options;
  Space space;
  std::vector<ArmResult> arms;
  std::vector<Candidate> candidates;
  std::size_t runs = 0;
  /// What the figures rest on that a reader should know (one sentence each).
  std::vector<std::string> notes;
};

/// The point of `space` nearest to an effective strategy (strategy::effective_strategy_json).
std::vector<double> point_of(const Space& space, const nlohmann::json& strategy);

/// Searches `space` for each arm of the scenario (text with its merge-patch overrides applied).
/// Only the attacker's accounts are simulated: senders share no state, so the others would not
/// change its outcome. Deterministic for the scenario's seed whatever the thread count. Throws
/// config::InputError on a scenario without a population, an unknown or legitimate attacker,
/// an unknown arm, or a point of the space the schema refuses.
Result run_attack(const std::string& text, const std::string& origin, const std::vector<nlohmann::json>& overrides,
                  const Space& space, const Options& options);

/// attack.json: settings, per arm the best response (strategy, spam and detection with 95%
/// intervals) beside every fixed archetype, and every candidate tried.
nlohmann::json result_json(const Result& result);
/// attack.csv: one row per candidate (arm, index, phase, spam, detection, then each dimension).
std::string candidates_csv(const Result& result);
/// The terminal summary: one block per arm.
std::string summary_text(const Result& result);

}  // namespace linksim::experiment::attack
