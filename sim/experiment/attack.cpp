// The best-response search of `linksim attack`: a randomly shifted Sobol' design shared by every
// arm, then per arm a (1+λ) local search around the best strategy so far; the finalists and every
// fixed abusive archetype are re-measured on fresh replications, so the reported figure is not
// the maximum of noisy estimates it was selected on.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "linksim/config/errors.hpp"
#include "linksim/config/population.hpp"
#include "linksim/core/rng.hpp"
#include "linksim/experiment/arm_plan.hpp"
#include "linksim/experiment/attack.hpp"
#include "linksim/experiment/run_jobs.hpp"
#include "linksim/experiment/sensitivity.hpp"
#include "linksim/metrics/registry.hpp"
#include "linksim/strategy/strategy_params.hpp"

namespace linksim::experiment::attack {

using nlohmann::json;

namespace {

/// The policy metrics read from each run, in this order.
const std::vector<std::string>& run_metrics() {
  static const std::vector<std::string> names{std::string(metrics::policy_metric("spam_invites_delivered")),
                                              std::string(metrics::policy_metric("spammer_recall")),
                                              std::string(metrics::policy_metric("median_days_to_restrict_spammers"))};
  return names;
}

/// Candidates of one local-search round per arm: fixed, so the thread count changes nothing.
constexpr std::size_t kRound = 10;
/// Step of the local search in the unit cube: starts wide, halves after a round without
/// improvement, never below the floor.
constexpr double kStepStart = 0.2, kStepFloor = 0.025;

/// What one strategy is run as: the attacker archetype (or a fixed one) with a strategy patch.
struct Item {
  std::size_t arm = 0;  ///< index into the attacked arms
  std::string archetype;
  json strategy;  ///< null: the archetype's own strategy
};

struct PerRun {
  std::vector<double> spam, detection, days;
};

double reflect(double x) {
  while (x < 0.0 || x > 1.0) x = x < 0.0 ? -x : 2.0 - x;
  return x;
}

class Attack {
 public:
  Attack(const std::string& text, const std::string& origin, const std::vector<json>& overrides, const Space& space,
         const Options& options)
      : text_(text), origin_(origin), overrides_(overrides), space_(space), options_(options) {
    if (options_.candidates == 0) throw config::InputError("--candidates", "at least 1", "0");
    if (options_.replications == 0) throw config::InputError("--reps", "at least 1", "0");
    if (options_.validation < 2) throw config::InputError("--validation", "at least 2 (for an interval)", fmt::format("{}", options_.validation));
    if (options_.finalists == 0) throw config::InputError("--finalists", "at least 1", "0");
    config::Overrides o{overrides_};
    base_ = config::load_scenario_text(text_, origin_, o);
    doc_ = config::parse_json(text_, origin_);
    for (const json& p : overrides_) doc_.merge_patch(p);
    if (!doc_.contains("population"))
      throw config::InputError("/population", "a population of senders (the attack replaces it with the attacker's accounts)", "none");
    const auto names = config::archetype_names();
    if (std::find(names.begin(), names.end(), options_.attacker) == names.end())
      throw config::InputError("--attacker", "an archetype of scenarios/presets/archetypes.json",
                               fmt::format("\"{}\"", options_.attacker), config::nearest(options_.attacker, names));
    select_arms();
    accounts_ = options_.accounts;
    if (accounts_ == 0) {
      for (const CohortPlan& c : build_arm_plan(base_, 0).cohorts)
        if (c.name == options_.attacker) accounts_ = c.count;
      if (accounts_ == 0)
        throw config::InputError("--accounts", fmt::format("a number of accounts ({} has no senders in the scenario's population)", options_.attacker), "0");
    }
    for (const std::string& name : names)
      if (abusive(name)) archetypes_.push_back(name);
    if (!abusive(options_.attacker))
      throw config::InputError("--attacker", "an abusive archetype (label \"abusive\"): only their invitations count as spam",
                               fmt::format("\"{}\"", options_.attacker));
    {
      const config::Scenario own = variant(Item{0, options_.attacker, nullptr});
      start_ = point_of(space_, strategy::effective_strategy_json(own.arms[0].config["senders"][options_.attacker]["strategy"]));
    }
    // Both ends of every range and every choice, the others at their lower end: the schema sees
    // each extreme value once (values inside a range the schema accepts at both ends are valid).
    const std::size_t dims = space_.dimensions.size();
    for (std::size_t i = 0; i < dims; ++i) {
      const Dimension& d = space_.dimensions[i];
      const bool choice = d.type == DimensionType::kChoice;
      const std::size_t cells = choice ? d.choices.size() : 2;
      for (std::size_t c = 0; c < cells; ++c) {
        std::vector<double> u(dims, 0.0);
        u[i] = choice ? (static_cast<double>(c) + 0.5) / static_cast<double>(cells) : static_cast<double>(c);
        try {
          (void)variant(Item{0, options_.attacker, strategy_patch(space_, u)});
        } catch (const config::InputError& e) {
          throw config::InputError("--space: " + d.key, "values the scenario schema accepts",
                                   fmt::format("{} refused: {}", config::describe(d.value(u[i])), e.what()));
        }
      }
    }
  }

  Result run() {
    Result r;
    r.scenario = base_.name;
    r.attacker = options_.attacker;
    r.seed = base_.seed;
    r.accounts = accounts_;
    r.horizon_days = base_.horizon_days;
    r.options = options_;
    r.options.progress = nullptr;
    r.space = space_;
    for (std::size_t a = 0; a < arms_.size(); ++a)
      if (build_arm_plan(base_, arm_index_[a]).platform.needs_member_view())
        r.notes.push_back(fmt::format(
            "arm {}: a per-member invitation budget counts every sender's invitations; the attacker is simulated alone, "
            "so the budget binds less than among the whole population and its figure is an upper bound",
            arm_names_[a]));
    const std::size_t n_arms = arms_.size(), dims = space_.dimensions.size();
    const std::size_t shared = std::max<std::size_t>(1, options_.candidates / 2);  // with the start
    planned_ = n_arms * options_.candidates * options_.replications +
               n_arms * (std::min(options_.finalists, options_.candidates) + archetypes_.size()) * options_.validation;

    // 1. A Sobol' design shifted at random (Cranley-Patterson rotation), tried against every arm.
    core::Rng shift_rng = core::make_rng(base_.seed, 0, core::Purpose::kAttack, 0);
    std::vector<double> shift(dims);
    for (double& s : shift) s = core::uniform01(shift_rng);
    // The attacker's own strategy first: the search starts from what the archetype does.
    std::vector<std::vector<double>> points{start_};
    const sensitivity::Matrix design = sensitivity::sobol_sequence(std::max<std::size_t>(1, shared - 1), dims);
    for (std::size_t p = 0; p + 1 < shared; ++p) {
      std::vector<double> u(dims);
      for (std::size_t d = 0; d < dims; ++d) u[d] = std::fmod(design(p, d) + shift[d], 1.0);
      points.push_back(std::move(u));
    }
    std::vector<std::vector<Candidate>> tried(n_arms);
    {
      std::vector<Item> items;
      std::vector<std::pair<std::size_t, std::size_t>> which;  // (arm, point)
      for (std::size_t p = 0; p < shared; ++p)
        for (std::size_t a = 0; a < n_arms; ++a) {
          items.push_back(Item{a, options_.attacker, strategy_patch(space_, points[p])});
          which.emplace_back(a, p);
        }
      const std::vector<PerRun> runs = evaluate(items, 0, options_.replications);
      for (std::size_t i = 0; i < items.size(); ++i)
        record(tried[which[i].first], which[i].first, points[which[i].second], runs[i], which[i].second == 0 ? "start" : "design");
    }

    // 2. Per arm, rounds of mutants of the best strategy so far.
    std::vector<double> step(n_arms, kStepStart);
    for (std::size_t round = 0, left = options_.candidates - shared; left > 0; ++round) {
      const std::size_t k = std::min(kRound, left);
      left -= k;
      std::vector<Item> items;
      std::vector<std::pair<std::size_t, std::vector<double>>> which;
      for (std::size_t a = 0; a < n_arms; ++a) {
        core::Rng rng = core::make_rng(base_.seed, 0, core::Purpose::kAttack, 1 + (a << 20) + round);
        const std::vector<double>& from = best_of(tried[a]).u;
        for (std::size_t j = 0; j < k; ++j) {
          std::vector<double> u = mutate(from, step[a], rng);
          items.push_back(Item{a, options_.attacker, strategy_patch(space_, u)});
          which.emplace_back(a, std::move(u));
        }
      }
      std::vector<double> before(n_arms);
      for (std::size_t a = 0; a < n_arms; ++a) before[a] = best_of(tried[a]).spam;
      const std::vector<PerRun> runs = evaluate(items, 0, options_.replications);
      for (std::size_t i = 0; i < items.size(); ++i) record(tried[which[i].first], which[i].first, which[i].second, runs[i], "local");
      for (std::size_t a = 0; a < n_arms; ++a)
        if (!(best_of(tried[a]).spam > before[a])) step[a] = std::max(kStepFloor, step[a] / 2);
    }

    // 3. The finalists and every fixed archetype on fresh replications (common to all of them).
    std::vector<Item> items;
    std::vector<std::vector<std::size_t>> finalists(n_arms);
    for (std::size_t a = 0; a < n_arms; ++a) {
      std::vector<std::size_t> order(tried[a].size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return tried[a][x].spam > tried[a][y].spam; });
      std::vector<std::string> seen;
      for (const std::size_t c : order) {
        if (finalists[a].size() == options_.finalists) break;
        const std::string key = strategy_patch(space_, tried[a][c].u).dump();
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        finalists[a].push_back(c);
        items.push_back(Item{a, options_.attacker, strategy_patch(space_, tried[a][c].u)});
      }
      for (const std::string& name : archetypes_) items.push_back(Item{a, name, nullptr});
    }
    const std::vector<PerRun> runs = evaluate(items, options_.replications, options_.validation);
    std::size_t i = 0;
    for (std::size_t a = 0; a < n_arms; ++a) {
      ArmResult arm;
      arm.arm = arm_names_[a];
      bool first = true;
      for (const std::size_t c : finalists[a]) {
        Measured m = measured("best response", runs[i++]);
        m.strategy = strategy_patch(space_, tried[a][c].u);
        if (first || m.spam_mean() > arm.best.spam_mean()) {
          arm.best = std::move(m);
          arm.best_search_spam = tried[a][c].spam;
        }
        first = false;
      }
      for (const std::string& name : archetypes_) arm.archetypes.push_back(measured(name, runs[i++]));
      r.arms.push_back(std::move(arm));
      for (Candidate& c : tried[a]) r.candidates.push_back(std::move(c));
    }
    r.runs = done_;
    return r;
  }

 private:
  void select_arms() {
    std::vector<std::string> all;
    for (const auto& arm : base_.arms) all.push_back(arm.name);
    const std::vector<std::string>& wanted = options_.arms.empty() ? all : options_.arms;
    const bool listed = doc_.contains("arms") && doc_["arms"].is_array();
    for (const std::string& name : wanted) {
      const auto it = std::find(all.begin(), all.end(), name);
      if (it == all.end()) throw config::InputError("--arms", "arms of the scenario", fmt::format("\"{}\"", name), config::nearest(name, all));
      if (std::find(arm_names_.begin(), arm_names_.end(), name) != arm_names_.end())
        throw config::InputError("--arms", "each arm once", fmt::format("\"{}\" twice", name));
      const auto index = static_cast<std::size_t>(it - all.begin());
      arm_names_.push_back(name);
      arm_index_.push_back(index);
      arms_.push_back(listed ? doc_["arms"][index] : json());
    }
  }

  bool abusive(const std::string& archetype) const {
    const ArmPlan plan = build_arm_plan(variant(Item{0, archetype, nullptr}), 0);
    return std::any_of(plan.cohorts.begin(), plan.cohorts.end(), [](const CohortPlan& c) { return c.label == Label::kAbusive; });
  }

  /// The scenario of one item: its arm alone, the population replaced by `accounts_` senders of
  /// the item's archetype with its strategy patch, no focal senders.
  config::Scenario variant(const Item& item) const {
    json population = {{"senders", accounts_}, {"mix", json::object()}};
    if (doc_["population"].contains("mix"))
      for (const auto& [name, share] : doc_["population"]["mix"].items()) population["mix"][name] = nullptr;
    population["mix"][item.archetype] = 1.0;
    if (!item.strategy.is_null()) population["archetypes"][item.archetype]["strategy"] = item.strategy;
    json patch = {{"population", population}};
    if (!arms_[item.arm].is_null()) patch["arms"] = json::array({arms_[item.arm]});
    if (doc_.contains("senders") && doc_["senders"].is_object())
      for (const auto& [name, cohort] : doc_["senders"].items()) patch["senders"][name] = nullptr;
    config::Overrides o{overrides_};
    o.patches.push_back(std::move(patch));
    return config::load_scenario_text(text_, origin_, o);
  }

  /// Runs every item on replications first .. first + count - 1, in chunks of kChunk items (a
  /// progress line each; the scenarios of one chunk are held at a time). Values do not depend on
  /// the chunks or the threads.
  std::vector<PerRun> evaluate(const std::vector<Item>& items, std::uint32_t first, std::uint32_t count) {
    constexpr std::size_t kChunk = 24;
    const std::vector<std::string>& names = run_metrics();
    const double account_weeks = static_cast<double>(accounts_) * base_.horizon_days / 7.0;
    std::vector<PerRun> out(items.size());
    for (std::size_t begin = 0; begin < items.size(); begin += kChunk) {
      const std::size_t end = std::min(items.size(), begin + kChunk);
      std::vector<config::Scenario> scenarios;
      std::vector<std::vector<ArmPlan>> plans;
      std::vector<RunJob> jobs;
      for (std::size_t i = begin; i < end; ++i) {
        scenarios.push_back(variant(items[i]));
        plans.push_back(build_arm_plans(scenarios.back()));
        for (std::uint32_t rep = 0; rep < count; ++rep) jobs.push_back({i - begin, 0, first + rep});
      }
      const std::vector<double> values = run_jobs(scenarios, plans, jobs, names, store_, options_.threads);
      store_.trim();
      for (std::size_t j = 0; j < jobs.size(); ++j) {
        PerRun& p = out[begin + jobs[j].variant];
        p.spam.push_back(values[j * names.size()] / account_weeks);
        p.detection.push_back(values[j * names.size() + 1]);
        p.days.push_back(values[j * names.size() + 2]);
      }
      done_ += jobs.size();
      if (options_.progress) options_.progress(done_, planned_);
    }
    return out;
  }

  static void record(std::vector<Candidate>& list, std::size_t arm, const std::vector<double>& u, const PerRun& run,
                     const char* phase) {
    Candidate c;
    c.arm = arm;
    c.index = list.size();
    c.phase = phase;
    c.u = u;
    c.spam = mean(run.spam);
    c.detection = mean(run.detection);
    list.push_back(std::move(c));
  }

  /// The first of the candidates with the most spam.
  static const Candidate& best_of(const std::vector<Candidate>& list) {
    return *std::max_element(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) { return a.spam < b.spam; });
  }

  std::vector<double> mutate(const std::vector<double>& from, double step, core::Rng& rng) const {
    std::vector<double> u = from;
    const std::size_t dims = u.size();
    const double p = std::max(0.2, 1.0 / static_cast<double>(dims));
    bool any = false;
    for (std::size_t d = 0; d < dims; ++d)
      if (core::bernoulli(rng, p)) {
        move(d, u, step, rng);
        any = true;
      }
    if (!any) move(core::uniform_below(rng, static_cast<std::uint32_t>(dims)), u, step, rng);
    return u;
  }

  /// Moves coordinate d: a Gaussian step for numbers and integers; another cell for a choice or
  /// a boolean (a step of the size used for numbers would rarely leave the cell).
  void move(std::size_t d, std::vector<double>& u, double step, core::Rng& rng) const {
    const Dimension& dim = space_.dimensions[d];
    if (dim.type == DimensionType::kNumber || dim.type == DimensionType::kInteger) {
      u[d] = reflect(u[d] + step * core::normal(rng));
      return;
    }
    const std::size_t cells = dim.type == DimensionType::kChoice ? dim.choices.size() : 2;
    const std::size_t now = std::min(cells - 1, static_cast<std::size_t>(u[d] * static_cast<double>(cells)));
    const std::size_t to = (now + 1 + core::uniform_below(rng, static_cast<std::uint32_t>(cells - 1))) % cells;
    u[d] = (static_cast<double>(to) + 0.5) / static_cast<double>(cells);
  }

  static Measured measured(std::string name, const PerRun& run) {
    Measured m;
    m.name = std::move(name);
    m.spam = run.spam;
    m.detection = run.detection;
    m.days = run.days;
    return m;
  }

  std::string text_, origin_;
  std::vector<json> overrides_;
  Space space_;
  Options options_;
  config::Scenario base_;
  json doc_;
  std::vector<std::string> arm_names_;
  std::vector<std::size_t> arm_index_;  ///< each attacked arm's index in the scenario
  std::vector<json> arms_;  ///< each attacked arm as written (null: the scenario has no "arms")
  std::vector<std::string> archetypes_;  ///< the abusive archetypes, in the file's order
  std::size_t accounts_ = 0;
  std::vector<double> start_;  ///< the attacker archetype's own strategy as a point of the space
  WorldStore store_;
  std::size_t done_ = 0, planned_ = 0;
};

}  // namespace

double Measured::spam_mean() const { return mean(spam); }
double Measured::detection_mean() const { return mean(detection); }

Result run_attack(const std::string& text, const std::string& origin, const std::vector<json>& overrides, const Space& space,
                  const Options& options) {
  Attack attack(text, origin, overrides, space, options);
  return attack.run();
}

}  // namespace linksim::experiment::attack
