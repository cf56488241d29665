// Shards of a run and their merge (see the header).
#include "linksim/experiment/partial.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "linksim/config/config_hash.hpp"
#include "linksim/core/version.hpp"

namespace linksim::experiment {

using nlohmann::json;

namespace {

constexpr int kFormat = 1;  ///< "linksim_partial": bumped when the layout changes

// JSON has no NaN or infinity: they are written as strings, every other double as a number whose
// text reads back as the same double.
json number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}

/// Reading: every failure is an InputError at `where` (the file and the JSON path).
class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& expected, const json& found) const {
    throw config::InputError(origin_ + ":" + (pointer.empty() ? "/" : pointer), expected, config::describe(found));
  }
  const json& at(const json& j, const std::string& key, const std::string& pointer) const {
    if (!j.is_object() || !j.contains(key)) fail(config::join_path(pointer, key), "a key \"" + key + "\"", nlohmann::json());
    return j.at(key);
  }
  double real(const json& j, const std::string& pointer) const {
    if (j.is_number()) return j.get<double>();
    if (j == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (j == "inf") return std::numeric_limits<double>::infinity();
    if (j == "-inf") return -std::numeric_limits<double>::infinity();
    fail(pointer, "a number (or \"nan\", \"inf\", \"-inf\")", j);
  }
  std::uint64_t natural(const json& j, const std::string& pointer) const {
    if (!j.is_number_unsigned()) fail(pointer, "a non-negative integer", j);
    return j.get<std::uint64_t>();
  }
  std::string text(const json& j, const std::string& pointer) const {
    if (!j.is_string()) fail(pointer, "a string", j);
    return j.get<std::string>();
  }
  const json& object(const json& j, const std::string& pointer) const {
    if (!j.is_object()) fail(pointer, "an object", j);
    return j;
  }
  const json& array(const json& j, const std::string& pointer) const {
    if (!j.is_array()) fail(pointer, "an array", j);
    return j;
  }
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
};

json values_json(const std::map<std::string, double>& values) {
  json out = json::object();
  for (const auto& [k, v] : values) out[k] = number(v);
  return out;
}

std::map<std::string, double> values_from(const Reader& r, const json& j, const std::string& p) {
  std::map<std::string, double> out;
  for (const auto& [k, v] : r.object(j, p).items()) out[k] = r.real(v, config::join_path(p, k));
  return out;
}

json groups_json(const std::vector<metrics::GroupResult>& groups) {
  json out = json::array();
  for (const auto& g : groups)
    out.push_back({{"name", g.name}, {"label", g.label}, {"focal", g.focal}, {"values", values_json(g.values)}});
  return out;
}

std::vector<metrics::GroupResult> groups_from(const Reader& r, const json& j, const std::string& p) {
  std::vector<metrics::GroupResult> out;
  for (std::size_t i = 0; i < r.array(j, p).size(); ++i) {
    const std::string q = config::join_path(p, i);
    const json& g = j[i];
    metrics::GroupResult x;
    x.name = r.text(r.at(g, "name", q), q + "/name");
    x.label = r.text(r.at(g, "label", q), q + "/label");
    const json& focal = r.at(g, "focal", q);
    if (!focal.is_boolean()) r.fail(q + "/focal", "true or false", focal);
    x.focal = focal.get<bool>();
    x.values = values_from(r, r.at(g, "values", q), q + "/values");
    out.push_back(std::move(x));
  }
  return out;
}

json run_json(const metrics::RunResult& run) {
  json daily = json::object();
  for (const auto& [name, series] : run.daily) {
    json s = json::array();
    for (const double v : series) s.push_back(number(v));
    daily[name] = std::move(s);
  }
  return {{"scalars", values_json(run.scalars)},
          {"daily", std::move(daily)},
          {"breakdown", {{"cohorts", groups_json(run.breakdown.cohorts)}, {"rules", groups_json(run.breakdown.rules)}}},
          {"events", number(run.events)}};
}

metrics::RunResult run_from(const Reader& r, const json& j, const std::string& p) {
  metrics::RunResult run;
  run.scalars = values_from(r, r.at(j, "scalars", p), p + "/scalars");
  const json& daily = r.object(r.at(j, "daily", p), p + "/daily");
  for (const auto& [name, series] : daily.items()) {
    const std::string q = config::join_path(p + "/daily", name);
    auto& out = run.daily[name];
    for (std::size_t d = 0; d < r.array(series, q).size(); ++d) out.push_back(r.real(series[d], config::join_path(q, d)));
  }
  const json& breakdown = r.at(j, "breakdown", p);
  run.breakdown.cohorts = groups_from(r, r.at(breakdown, "cohorts", p + "/breakdown"), p + "/breakdown/cohorts");
  run.breakdown.rules = groups_from(r, r.at(breakdown, "rules", p + "/breakdown"), p + "/breakdown/rules");
  run.events = r.real(r.at(j, "events", p), p + "/events");
  return run;
}

json scenario_json(const config::Scenario& s) {
  json arms = json::array();
  for (const auto& a : s.arms)
    arms.push_back({{"name", a.name}, {"description", a.description}, {"patch", a.patch}, {"config", a.config}});
  return {{"origin", s.origin},         {"name", s.name},
          {"description", s.description}, {"horizon_days", s.horizon_days},
          {"replications", s.replications}, {"seed", s.seed},
          {"outputs", s.outputs},       {"statistics", s.statistics},
          {"overrides", s.overrides},   {"arms", std::move(arms)}};
}

config::Scenario scenario_from(const Reader& r, const json& j, const std::string& p) {
  config::Scenario s;
  s.origin = r.text(r.at(j, "origin", p), p + "/origin");
  s.name = r.text(r.at(j, "name", p), p + "/name");
  s.description = r.text(r.at(j, "description", p), p + "/description");
  s.horizon_days = static_cast<int>(r.natural(r.at(j, "horizon_days", p), p + "/horizon_days"));
  s.replications = static_cast<int>(r.natural(r.at(j, "replications", p), p + "/replications"));
  s.seed = r.natural(r.at(j, "seed", p), p + "/seed");
  s.outputs = r.object(r.at(j, "outputs", p), p + "/outputs");
  s.statistics = r.object(r.at(j, "statistics", p), p + "/statistics");
  s.overrides = r.array(r.at(j, "overrides", p), p + "/overrides");
  const json& arms = r.array(r.at(j, "arms", p), p + "/arms");
  if (arms.empty()) r.fail(p + "/arms", "at least one arm", arms);
  for (std::size_t i = 0; i < arms.size(); ++i) {
    const std::string q = config::join_path(p + "/arms", i);
    config::Arm a;
    a.name = r.text(r.at(arms[i], "name", q), q + "/name");
    a.description = r.text(r.at(arms[i], "description", q), q + "/description");
    a.patch = r.object(r.at(arms[i], "patch", q), q + "/patch");
    a.config = r.object(r.at(arms[i], "config", q), q + "/config");
    s.arms.push_back(std::move(a));
  }
  return s;
}

}  // namespace

Shard parse_shard(const std::string& text, const std::string& option) {
  const auto slash = text.find('/');
  auto parse = [&](std::string_view part, std::uint32_t& out) {
    const auto* end = part.data() + part.size();
    const auto [ptr, ec] = std::from_chars(part.data(), end, out);
    return ec == std::errc() && ptr == end && !part.empty();
  };
  Shard s;
  if (slash == std::string::npos || !parse(std::string_view(text).substr(0, slash), s.index) ||
      !parse(std::string_view(text).substr(slash + 1), s.count) || s.count == 0 || s.index >= s.count)
    throw config::InputError(option, "I/N with 0 <= I < N (shard I of N: replications r with r mod N = I)",
                             "\"" + text + "\"", "for example " + option + " 0/4 … " + option + " 3/4, then linksim merge");
  return s;
}

json partial_json(const config::Scenario& scenario, const RunOutcome& outcome, Shard shard) {
  json reps = json::array();
  for (std::size_t k = 0; k < outcome.replications.size(); ++k) {
    json arms = json::array();
    for (const auto& arm : outcome.arms) arms.push_back(run_json(arm.runs[k]));
    reps.push_back({{"replication", outcome.replications[k]}, {"arms", std::move(arms)}});
  }
  return {{"linksim_partial", kFormat},
          {"linksim_version", std::string(core::version())},
          {"config_hash", config::config_hash(scenario)},
          {"shard", {{"index", shard.index}, {"count", shard.count}}},
          {"complete", outcome.complete},
          {"scenario", scenario_json(scenario)},
          {"replications", std::move(reps)}};
}

Partial partial_from_json(const json& j, const std::string& origin) {
  const Reader r(origin);
  Partial out;
  out.origin = origin;
  if (!j.is_object() || !j.contains("linksim_partial"))
    r.fail("", "a partial result of `linksim run --shard I/N` (a key \"linksim_partial\")", j.is_object() ? json("an object without it") : j);
  if (j.at("linksim_partial") != kFormat) r.fail("/linksim_partial", std::to_string(kFormat), j.at("linksim_partial"));
  out.scenario = scenario_from(r, r.at(j, "scenario", ""), "/scenario");
  out.config_hash = r.text(r.at(j, "config_hash", ""), "/config_hash");
  // The hash covers the linksim version: a partial of another version (or an edited one) is refused.
  if (const std::string mine = config::config_hash(out.scenario); mine != out.config_hash)
    r.fail("/config_hash", fmt::format("{} (the hash of the scenario it holds, by linksim {})", mine, core::version()),
           j.at("config_hash"));
  const json& shard = r.at(j, "shard", "");
  out.shard.count = static_cast<std::uint32_t>(r.natural(r.at(shard, "count", "/shard"), "/shard/count"));
  out.shard.index = static_cast<std::uint32_t>(r.natural(r.at(shard, "index", "/shard"), "/shard/index"));
  if (out.shard.count == 0 || out.shard.index >= out.shard.count)
    r.fail("/shard", "index < count, count >= 1", shard);
  const json& complete = r.at(j, "complete", "");
  if (!complete.is_boolean()) r.fail("/complete", "true or false", complete);
  out.outcome.complete = complete.get<bool>();
  for (const auto& arm : out.scenario.arms) out.outcome.arms.push_back(ArmRuns{arm.name, arm.description, {}});
  const json& reps = r.array(r.at(j, "replications", ""), "/replications");
  for (std::size_t k = 0; k < reps.size(); ++k) {
    const std::string p = config::join_path("/replications", k);
    const auto rep = r.natural(r.at(reps[k], "replication", p), p + "/replication");
    if (rep >= static_cast<std::uint64_t>(out.scenario.replications) || !out.shard.owns(static_cast<std::uint32_t>(rep)) ||
        (!out.outcome.replications.empty() && rep <= out.outcome.replications.back()))
      r.fail(p + "/replication", fmt::format("a replication of shard {}/{} below {}, increasing", out.shard.index, out.shard.count,
                                             out.scenario.replications), reps[k].at("replication"));
    const json& arms = r.array(r.at(reps[k], "arms", p), p + "/arms");
    if (arms.size() != out.outcome.arms.size())
      r.fail(p + "/arms", fmt::format("{} results (one per arm)", out.outcome.arms.size()), json(arms.size()));
    for (std::size_t a = 0; a < arms.size(); ++a) out.outcome.arms[a].runs.push_back(run_from(r, arms[a], config::join_path(p + "/arms", a)));
    out.outcome.replications.push_back(static_cast<std::uint32_t>(rep));
  }
  out.outcome.replications_completed = out.outcome.replications.size();
  return out;
}

RunOutcome merge_partials(const std::vector<Partial>& partials) {
  if (partials.empty()) throw config::InputError("merge", "one partial result per shard", "none");
  const Partial& first = partials.front();
  std::vector<const Partial*> by_index(first.shard.count, nullptr);
  for (const Partial& p : partials) {
    if (p.config_hash != first.config_hash)
      throw config::InputError(p.origin + ":/config_hash",
                               fmt::format("{} (the configuration of {}: scenario \"{}\", seed {}, {} replications)", first.config_hash,
                                           first.origin, first.scenario.name, first.scenario.seed, first.scenario.replications),
                               fmt::format("{} (scenario \"{}\", seed {}, {} replications)", p.config_hash, p.scenario.name,
                                           p.scenario.seed, p.scenario.replications),
                               "merge the shards of one run: the same scenario, --set values, seed, replications and linksim version");
    if (p.shard.count != first.shard.count)
      throw config::InputError(p.origin + ":/shard/count", fmt::format("{} (as in {})", first.shard.count, first.origin),
                               std::to_string(p.shard.count));
    if (by_index[p.shard.index] != nullptr)
      throw config::InputError(p.origin + ":/shard/index", fmt::format("each shard once; {}/{} is also {}", p.shard.index, p.shard.count,
                                                                      by_index[p.shard.index]->origin),
                               std::to_string(p.shard.index));
    if (!p.outcome.complete || p.outcome.replications.size() != p.shard.size(static_cast<std::uint32_t>(p.scenario.replications)))
      throw config::InputError(p.origin + ":/complete",
                               fmt::format("a finished shard ({} replications)", p.shard.size(static_cast<std::uint32_t>(p.scenario.replications))),
                               fmt::format("{} replications (interrupted)", p.outcome.replications.size()), "run that shard again");
    by_index[p.shard.index] = &p;
  }
  std::vector<std::string> missing;
  for (std::uint32_t i = 0; i < first.shard.count; ++i)
    if (by_index[i] == nullptr) missing.push_back(fmt::format("{}/{}", i, first.shard.count));
  if (!missing.empty())
    throw config::InputError("merge", fmt::format("every shard of {}", first.shard.count),
                             fmt::format("no partial for shard {}", fmt::join(missing, ", ")));
  RunOutcome out;
  for (const auto& arm : first.outcome.arms) out.arms.push_back(ArmRuns{arm.name, arm.description, {}});
  const auto reps = static_cast<std::uint32_t>(first.scenario.replications);
  for (std::uint32_t r = 0; r < reps; ++r) {
    const Partial& p = *by_index[r % first.shard.count];
    const std::size_t k = r / first.shard.count;  // shard I holds I, I + N, I + 2N, … in order
    for (std::size_t a = 0; a < out.arms.size(); ++a) out.arms[a].runs.push_back(p.outcome.arms[a].runs[k]);
    out.replications.push_back(r);
  }
  out.replications_completed = reps;
  out.complete = true;
  return out;
}

}  // namespace linksim::experiment
