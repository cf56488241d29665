// The machinery of the liveness test (liveness_test.cpp): the numeric and boolean leaves of the
// schema under `world`, `platform` and the strategy, their values in a scenario, perturbations
// within the schema's bounds, and the merge patches that apply them.
#pragma once
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace linksim::testing::liveness {

using nlohmann::json;

/// One leaf of an effective configuration: `area` is "world", "platform" or "strategy" and
/// `pointer` the JSON Pointer inside it ("/response/invite/attention").
struct Leaf {
  std::string area, pointer;
  json value;
  json schema;  ///< the leaf's schema node ($ref resolved)
  std::string name() const { return area + pointer; }
  /// The pointer with array indices as "*" (a schema-level name: "/ladder/steps/*/hours").
  std::string pattern() const {
    std::string out = area, seg;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
      if (i == pointer.size() || pointer[i] == '/') {
        const bool index = !seg.empty() && std::all_of(seg.begin(), seg.end(), [](char c) { return c >= '0' && c <= '9'; });
        out += '/';
        out += index ? std::string_view("*") : std::string_view(seg);
        seg.clear();
      } else {
        seg += pointer[i];
      }
    }
    return out;
  }
};

inline const json& resolve(const json& root, const json& node) {
  const json* n = &node;
  for (int guard = 0; n->is_object() && n->contains("$ref") && guard < 16; ++guard) {
    const std::string ref = (*n)["$ref"].get<std::string>();  // "#/$defs/x"
    n = &root.at(json::json_pointer(ref.substr(1)));
  }
  return *n;
}

inline bool leaf_type(const json& node) {
  const std::string t = node.is_object() ? node.value("type", std::string()) : std::string();
  return t == "number" || t == "integer" || t == "boolean";
}

/// Every leaf of `value` that the schema `node` types as number, integer or boolean.
inline void collect(const json& root, const json& node_in, const json& value, const std::string& area,
                    const std::string& pointer, std::vector<Leaf>& out) {
  const json& node = resolve(root, node_in);
  if (leaf_type(node)) {
    if (value.is_number() || value.is_boolean()) out.push_back({area, pointer, value, node});
    return;
  }
  if (node.contains("properties") && value.is_object()) {
    for (const auto& [k, sub] : node["properties"].items())
      if (value.contains(k)) collect(root, sub, value[k], area, pointer + "/" + k, out);
  } else if (node.contains("items") && value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) collect(root, node["items"], value[i], area, pointer + "/" + std::to_string(i), out);
  }
}

/// The schema-level names of every leaf under `node` (arrays as "*"), whatever a scenario holds.
inline void patterns(const json& root, const json& node_in, const std::string& prefix, std::set<std::string>& out, int depth = 0) {
  if (depth > 12) return;
  const json& node = resolve(root, node_in);
  if (leaf_type(node)) {
    out.insert(prefix);
    return;
  }
  if (node.contains("properties"))
    for (const auto& [k, sub] : node["properties"].items()) patterns(root, sub, prefix + "/" + k, out, depth + 1);
  if (node.contains("items")) patterns(root, node["items"], prefix + "/*", out, depth + 1);
}

/// Perturbed values of `leaf`, in the order they are tried: a flip; +1 (or −1 at the maximum)
/// for integers, ×1.5 (or +0.5 from 0) for numbers; then ×0.5 or −1, the schema's maximum and
/// its minimum, ×10 and ×0.1 where there is no bound. Each is within the schema's bounds and
/// differs from the value.
inline std::vector<json> perturbations(const Leaf& leaf) {
  const json& s = leaf.schema;
  if (leaf.value.is_boolean()) return {!leaf.value.get<bool>()};
  const bool integer = s.value("type", std::string()) == "integer";
  const double v = leaf.value.get<double>();
  const double lo = s.contains("minimum") ? s["minimum"].get<double>() : -1e300;
  const double hi = s.contains("maximum") ? s["maximum"].get<double>() : 1e300;
  const double xlo = s.contains("exclusiveMinimum") ? s["exclusiveMinimum"].get<double>() : -1e300;
  const double xhi = s.contains("exclusiveMaximum") ? s["exclusiveMaximum"].get<double>() : 1e300;
  // 1e300 stands for "no bound"; a value that large is no candidate.
  auto ok = [&](double x) { return std::abs(x) < 1e15 && x >= lo && x <= hi && x > xlo && x < xhi && x != v; };
  std::vector<double> raw;
  if (integer) {
    raw = {v + 1, v - 1, std::floor(v * 2), std::floor(v / 2), hi, lo, v * 10, std::floor(v / 10)};
  } else {
    raw = {v == 0 ? 0.5 : v * 1.5, v == 0 ? -0.5 : v * 0.5, v == 0 ? 1.0 : v / 1.5, hi, lo, v * 10, v / 10};
    if (xlo > -1e300) raw.push_back(xlo + (std::min(v, hi < 1e300 ? hi : v) - xlo) * 0.01);
  }
  std::vector<json> out;
  std::vector<double> seen;
  for (double x : raw) {
    if (!ok(x) || std::find(seen.begin(), seen.end(), x) != seen.end()) continue;
    seen.push_back(x);
    if (integer) out.push_back(static_cast<long long>(x));
    else out.push_back(x);
  }
  return out;
}

/// A merge patch over `effective` that sets the value at `pointer` to `value`. Merge patches
/// replace arrays whole, so an array on the way is copied from `effective` and changed inside.
inline json patch_for(const json& effective, const std::string& pointer, const json& value) {
  json patch = json::object();
  json* p = &patch;
  const json* e = &effective;
  std::string rest = pointer;
  while (!rest.empty()) {
    const std::size_t next = rest.find('/', 1);
    const std::string key = rest.substr(1, next == std::string::npos ? std::string::npos : next - 1);
    rest = next == std::string::npos ? std::string() : rest.substr(next);
    if (rest.empty()) {
      (*p)[key] = value;
      break;
    }
    e = &(*e)[key];
    if (e->is_array()) {
      json copy = *e;
      copy[json::json_pointer(rest)] = value;
      (*p)[key] = copy;
      break;
    }
    p = &(*p)[key];
  }
  return patch;
}

}  // namespace linksim::testing::liveness
