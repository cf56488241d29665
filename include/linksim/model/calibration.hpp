// Calibration of the response model against practitioners' published member figures (docs/model.md, "Calibration"): a population of
// prospects (synthetic here; the real world once the graph lands), the figures the model gives
// on it by Monte Carlo with the real draw functions, and the published ranges they must hit.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/model/email_finder.hpp"
#include "linksim/model/invite_response.hpp"
#include "linksim/model/response_params.hpp"

namespace linksim::model {

/// A prospect as a sender would find them, with the attributes the response model reads.
struct Target {
  std::uint8_t seniority = 0;  ///< 0 IC … 4 C-suite
  bool same_industry = false;
  bool same_region = false;
  std::uint32_t mutual_connections = 0;
  float accept_propensity = 0.0f;  ///< standard normal
  float report_propensity = 0.0f;  ///< standard normal
  float activity = 0.5f;           ///< daily activity probability
  EmailDomain email = EmailDomain::kStandard;
};

/// Which prospects: anyone a cold search returns, or second-degree members with ≥ 3 mutuals.
enum class Segment : std::uint8_t { kCold = 0, kMutual = 1 };

class TargetSampler {
 public:
  virtual ~TargetSampler() = default;
  virtual Target draw(core::Rng& rng, Segment segment) = 0;
};

/// Assumed attribute distributions, consistent with the graph module's defaults as briefed
/// (docs/model.md "Calibration population" lists every assumption and its reason).
struct SyntheticPopulation {
  std::array<double, kSeniorityLevels> seniority_shares{0.55, 0.25, 0.10, 0.06, 0.04};
  double same_industry = 0.20, same_region = 0.25;                // cold prospects
  double mutual_same_industry = 0.40, mutual_same_region = 0.50;  // prospects with shared connections
  double cold_no_mutual = 0.50;       ///< share of cold prospects with no shared connection
  double cold_mutual_mean = 2.0;      ///< mean mutual count of the others (1 + geometric)
  std::uint32_t mutual_min = 3, mutual_max = 50;  ///< mutual segment, log-uniform
  /// Daily activity: a heavy-tailed mixture (dormant, occasional, daily users).
  std::array<double, 3> activity_shares{0.35, 0.40, 0.25};
  std::array<std::array<double, 2>, 3> activity_ranges{{{0.005, 0.03}, {0.05, 0.30}, {0.40, 0.95}}};
  double email_catch_all = 0.30, email_undiscoverable = 0.10;
};

class SyntheticTargets final : public TargetSampler {
 public:
  /// Throws std::invalid_argument naming the field when shares or ranges are inconsistent.
  explicit SyntheticTargets(SyntheticPopulation p = {});
  Target draw(core::Rng& rng, Segment segment) override;

 private:
  SyntheticPopulation p_;
};

/// The calibration segments, as invite features.
struct Sender {
  std::uint8_t seniority = 0;            ///< the calibration sender is an IC (sales rep, founder…)
  float profile_strength = 0.5f;         ///< an ordinary complete profile
};
InviteFeatures cold_invite(const Target& t, const Sender& s);
InviteFeatures personalized_invite(const Target& t, const Sender& s, std::uint16_t length);
InviteFeatures warmup_invite(const Target& t, const Sender& s);  ///< 3 touches over 7 days, no note

/// One published member figure (docs/model.md, "Calibration") and what the model gives.
struct CalibrationFigure {
  std::string name;
  double measured = 0.0;
  double lo = 0.0, hi = 1.0;  ///< the accepted range (inclusive)
  double point = 0.0;         ///< the fit's point target (or the published point figure)
  bool checked = true;        ///< false: reported only (no published range)
  std::string source;
  bool ok() const { return !checked || (measured >= lo && measured <= hi); }
};

struct CalibrationOptions {
  std::uint64_t seed = 20250601;
  std::size_t samples = 20000;  ///< invitations (or prospects) per segment
  unsigned reply_touches = 3;   ///< message after connecting + 2 follow-ups
  unsigned email_touches = 4;   ///< first email + 3 follow-ups
  unsigned chained_providers = 3;
  unsigned emails_per_day = 50;
};

/// Monte Carlo with the model's draw functions (the numbers a simulation would produce).
std::vector<CalibrationFigure> measure_calibration(const ResponseParams& p, TargetSampler& sampler,
                                                   const CalibrationOptions& o = {});

/// Finds a figure by name (throws std::out_of_range when absent).
const CalibrationFigure& figure(const std::vector<CalibrationFigure>& figures, const std::string& name);

}  // namespace linksim::model
