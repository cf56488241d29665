// Expands `population` into cohorts (see population.hpp).
#include "linksim/config/population.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>


namespace linksim::embedded {
extern const std::string_view archetypes_json;
}

namespace linksim::config {

using nlohmann::json;

const json& archetypes_document() {
  static const json doc = json::parse(embedded::archetypes_json);
  return doc;
}

std::vector<std::string> archetype_names() {
  // nlohmann::json sorts object keys; the file's order (casual to abusive, the order cohorts are
  // shared out in) is read with ordered_json, so the file is the one list of archetypes.
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    const auto doc = nlohmann::ordered_json::parse(embedded::archetypes_json);
    for (const auto& [name, _] : doc.at("archetypes").items()) out.push_back(name);
    return out;
  }();
  return names;
}

std::vector<std::string> expand_population(json& doc, std::vector<Issue>& issues) {
  std::vector<std::string> generated;
  if (!doc.is_object() || !doc.contains("population") || !doc["population"].is_object()) return generated;
  const json& pop = doc["population"];
  const json& presets = archetypes_document();
  const json mix = pop.contains("mix") && pop["mix"].is_object() ? pop["mix"] : presets.at("default_mix");
  const auto names = archetype_names();

  double total_share = 0.0;
  for (const auto& [name, v] : mix.items()) {
    if (!v.is_number()) return generated;  // the schema reports it
    total_share += v.get<double>();
  }
  if (std::abs(total_share - 1.0) > 1e-6) {
    issues.push_back({"/population/mix", "shares that sum to 1", "a sum of " + human_number(total_share), ""});
    return generated;
  }
  const json senders_v = pop.value("senders", json(0));
  if (!senders_v.is_number_integer() || senders_v.get<long long>() < 0) return generated;  // the schema reports it
  const auto senders = senders_v.get<long long>();

  // Largest remainder: floor(senders × share) each, then one more to the largest fractions
  // (ties by archetype order), so counts sum to `senders` exactly.
  std::vector<long long> count(names.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainder;
  long long assigned = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const double share = mix.contains(names[i]) ? mix[names[i]].get<double>() : 0.0;
    const double exact = static_cast<double>(senders) * share;
    count[i] = static_cast<long long>(std::floor(exact));
    assigned += count[i];
    remainder.emplace_back(exact - std::floor(exact), i);
  }
  std::stable_sort(remainder.begin(), remainder.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; assigned < senders && k < remainder.size(); ++k, ++assigned) ++count[remainder[k].second];

  if (!doc.contains("senders") || !doc["senders"].is_object()) doc["senders"] = json::object();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (count[i] == 0) continue;
    const std::string& name = names[i];
    if (doc["senders"].contains(name)) {
      issues.push_back({"/senders/" + name, "a cohort name other than the population's archetypes",
                        fmt::format("\"{}\" (population.mix also creates it)", name), ""});
      continue;
    }
    json cohort = presets.at("archetypes").at(name).at("cohort");
    if (pop.contains("archetypes") && pop["archetypes"].is_object() && pop["archetypes"].contains(name))
      cohort.merge_patch(pop["archetypes"][name]);
    cohort["count"] = count[i];
    cohort["focal"] = false;
    cohort["archetype"] = name;
    doc["senders"][name] = std::move(cohort);
    generated.push_back(name);
  }
  return generated;
}

std::string population_issue_path(const std::string& path, const std::vector<std::string>& generated) {
  for (const auto& name : generated) {
    const std::string prefix = "/senders/" + name;
    if (path == prefix) return "/population/archetypes/" + name;
    if (path.rfind(prefix + "/", 0) == 0) return "/population/archetypes/" + name + path.substr(prefix.size());
  }
  return path;
}

}  // namespace linksim::config
