// JSON Schema subset validator (see the header for the keyword list).
#include "linksim/config/json_schema.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

namespace linksim::embedded {
extern const std::string_view schema_json;
}

namespace linksim::config {

using nlohmann::json;

namespace {

const std::set<std::string>& known_keywords() {
  static const std::set<std::string> k{
      "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "default", "examples",
      "type", "properties", "additionalProperties", "required", "enum", "const", "minimum",
      "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems",
      "maxItems", "minProperties", "items", "anyOf", "oneOf"};
  return k;
}

bool has_type(const json& doc, const std::string& type) {
  if (type == "object") return doc.is_object();
  if (type == "array") return doc.is_array();
  if (type == "string") return doc.is_string();
  if (type == "boolean") return doc.is_boolean();
  if (type == "null") return doc.is_null();
  if (type == "number") return doc.is_number();
  if (type == "integer") {
    // JSON Schema: 3.0 is an integer too — up to 2^53, where a double still tells integers apart;
    // beyond it (1e20) converting to a C++ integer type is undefined behaviour.
    if (doc.is_number_integer()) return true;
    if (doc.is_number_float()) {
      const double v = doc.get<double>();
      return std::isfinite(v) && v == std::floor(v) && std::fabs(v) <= 9007199254740992.0;
    }
  }
  return false;
}

std::string type_name(const json& doc) {
  if (doc.is_number_integer()) return "integer";
  if (doc.is_number()) return "number";
  return doc.type_name();
}

std::string list_names(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) s += ", ";
    s += names[i];
  }
  return s;
}

std::string number_text(const json& v) { return v.dump(); }

}  // namespace

JsonSchema::JsonSchema(json root) : root_(std::move(root)) {
  if (!root_.is_object()) throw std::invalid_argument("schema: root must be an object");
  check_keywords(root_, "#");
  index_refs(root_);
  index_defaults(root_);
}

void JsonSchema::index_defaults(const json& node) {
  if (node.is_object()) {
    DefaultsInfo info;
    if (const auto p = node.find("properties"); p != node.end() && p->is_object()) {
      info.properties = &*p;
      for (const auto& [key, sub_in] : p->items()) {
        const json& sub = resolve(sub_in);
        if (!sub.is_object()) continue;
        if (const auto d = sub.find("default"); d != sub.end()) info.defaults.emplace_back(&key, &*d);
      }
    }
    if (const auto a = node.find("additionalProperties"); a != node.end() && a->is_object()) info.additional = &*a;
    if (const auto i = node.find("items"); i != node.end()) info.items = &*i;
    defaults_.emplace(&node, std::move(info));
    for (const auto& [key, value] : node.items()) index_defaults(value);
  } else if (node.is_array()) {
    for (const auto& value : node) index_defaults(value);
  }
}

void JsonSchema::index_refs(const json& node) {
  if (node.is_object()) {
    if (node.contains("$ref")) {
      const json* n = &node;
      for (int depth = 0; depth < 32 && n->is_object() && n->contains("$ref"); ++depth)
        n = &root_.at(json::json_pointer(n->at("$ref").get<std::string>().substr(1)));
      refs_.emplace(&node, n);
    }
    for (const auto& [key, value] : node.items()) index_refs(value);
  } else if (node.is_array()) {
    for (const auto& value : node) index_refs(value);
  }
}

const JsonSchema& JsonSchema::scenario() {
  static const JsonSchema schema(json::parse(embedded::schema_json));
  return schema;
}

void JsonSchema::check_keywords(const json& node, const std::string& where) const {
  if (!node.is_object()) throw std::invalid_argument("schema: " + where + " is not an object");
  for (const auto& [key, value] : node.items()) {
    if (!known_keywords().count(key))
      throw std::invalid_argument("schema: unsupported keyword '" + key + "' at " + where);
    if (key == "properties" || key == "$defs") {
      for (const auto& [name, sub] : value.items()) check_keywords(sub, where + "/" + key + "/" + name);
    } else if ((key == "additionalProperties" && value.is_object()) || key == "items") {
      check_keywords(value, where + "/" + key);
    } else if (key == "anyOf" || key == "oneOf") {
      for (std::size_t i = 0; i < value.size(); ++i) check_keywords(value[i], where + "/" + key + "/" + std::to_string(i));
    } else if (key == "$ref") {
      const std::string ref = value.get<std::string>();
      if (ref.rfind("#/", 0) != 0) throw std::invalid_argument("schema: only local $ref is supported: " + ref);
      if (!root_.contains(json::json_pointer(ref.substr(1))))
        throw std::invalid_argument("schema: dangling $ref " + ref + " at " + where);
    }
  }
}

const json& JsonSchema::resolve(const json& node) const {
  const auto it = refs_.find(&node);
  return it == refs_.end() ? node : *it->second;
}

void JsonSchema::validate(const json& doc, const std::string& base_path, std::vector<Issue>& out) const {
  validate_node(root_, doc, base_path, out);
}

void JsonSchema::validate_node(const json& schema_in, const json& doc, const std::string& path,
                               std::vector<Issue>& out) const {
  const json& schema = resolve(schema_in);
  if (!schema.is_object()) return;

  if (auto t = schema.find("type"); t != schema.end()) {
    std::vector<std::string> types;
    if (t->is_string()) types.push_back(t->get<std::string>());
    else for (const auto& x : *t) types.push_back(x.get<std::string>());
    const bool ok = std::any_of(types.begin(), types.end(), [&](const std::string& ty) { return has_type(doc, ty); });
    if (!ok) {
      out.push_back({path, list_names(types), describe(doc) + (doc.is_object() || doc.is_array() ? "" : " (" + type_name(doc) + ")"), {}});
      return;  // further keywords would only repeat the type error
    }
  }
  if (auto e = schema.find("enum"); e != schema.end()) {
    if (std::find(e->begin(), e->end(), doc) == e->end()) {
      std::vector<std::string> names;
      for (const auto& x : *e) names.push_back(x.is_string() ? x.get<std::string>() : x.dump());
      std::string hint;
      if (doc.is_string()) {
        const std::string near = nearest(doc.get<std::string>(), names);
        if (!near.empty()) hint = "did you mean \"" + near + "\"?";
      }
      out.push_back({path, "one of " + list_names(names), describe(doc), hint});
    }
  }
  if (auto c = schema.find("const"); c != schema.end() && *c != doc)
    out.push_back({path, c->dump(), describe(doc), {}});

  if (doc.is_number()) {
    const double v = doc.get<double>();
    auto bound = [&](const char* key, const char* op, auto fails) {
      if (auto b = schema.find(key); b != schema.end() && fails(v, b->get<double>()))
        out.push_back({path, fmt::format("{} {} {}", schema.contains("type") && schema["type"] == "integer" ? "integer" : "number", op, number_text(*b)), describe(doc), {}});
    };
    // Modules read integers without a maximum as `int`: beyond it the value would wrap.
    if (schema.contains("type") && schema["type"] == "integer" && !schema.contains("maximum") &&
        !schema.contains("exclusiveMaximum") && v > 2147483647.0)
      out.push_back({path, "integer <= 2147483647", describe(doc), {}});
    bound("minimum", ">=", [](double x, double b) { return x < b; });
    bound("maximum", "<=", [](double x, double b) { return x > b; });
    bound("exclusiveMinimum", ">", [](double x, double b) { return x <= b; });
    bound("exclusiveMaximum", "<", [](double x, double b) { return x >= b; });
  }
  if (doc.is_string()) {
    const auto len = doc.get_ref<const std::string&>().size();
    if (auto m = schema.find("minLength"); m != schema.end() && len < m->get<std::size_t>())
      out.push_back({path, fmt::format("a string of at least {} characters", m->get<std::size_t>()), describe(doc), {}});
    if (auto m = schema.find("maxLength"); m != schema.end() && len > m->get<std::size_t>())
      out.push_back({path, fmt::format("a string of at most {} characters", m->get<std::size_t>()), fmt::format("{} characters", len), {}});
  }
  if (doc.is_array()) {
    if (auto m = schema.find("minItems"); m != schema.end() && doc.size() < m->get<std::size_t>())
      out.push_back({path, fmt::format("at least {} items", m->get<std::size_t>()), describe(doc), {}});
    if (auto m = schema.find("maxItems"); m != schema.end() && doc.size() > m->get<std::size_t>())
      out.push_back({path, fmt::format("at most {} items", m->get<std::size_t>()), describe(doc), {}});
    if (auto items = schema.find("items"); items != schema.end())
      for (std::size_t i = 0; i < doc.size(); ++i) validate_node(*items, doc[i], join_path(path, i), out);
  }
  if (doc.is_object()) {
    if (auto m = schema.find("minProperties"); m != schema.end() && doc.size() < m->get<std::size_t>())
      out.push_back({path, fmt::format("an object with at least {} entries", m->get<std::size_t>()), "an empty object", {}});
    if (auto req = schema.find("required"); req != schema.end())
      for (const auto& key : *req)
        if (!doc.contains(key.get<std::string>()))
          out.push_back({join_path(path, key.get<std::string>()), "required key \"" + key.get<std::string>() + "\"", "nothing", {}});
    const json* props = schema.contains("properties") ? &schema["properties"] : nullptr;
    const auto additional = schema.find("additionalProperties");
    for (const auto& [key, value] : doc.items()) {
      if (const auto sub = props ? props->find(key) : json::const_iterator{}; props && sub != props->end()) {
        validate_node(*sub, value, join_path(path, key), out);
      } else if (additional != schema.end()) {
        if (additional->is_boolean() && !additional->get<bool>()) {
          std::vector<std::string> known;
          if (props) for (const auto& [k, _] : props->items()) known.push_back(k);
          const std::string near = nearest(key, known);
          out.push_back({join_path(path, key), known.size() <= 40 ? "one of the keys " + list_names(known) : "a known key",
                         "unknown key \"" + key + "\"", near.empty() ? "" : "did you mean \"" + near + "\"?"});
        } else if (additional->is_object()) {
          validate_node(*additional, value, join_path(path, key), out);
        }
      }
    }
  }
  for (const char* combinator : {"anyOf", "oneOf"}) {
    auto branches = schema.find(combinator);
    if (branches == schema.end()) continue;
    std::vector<Issue> best;
    std::size_t passing = 0;
    bool first = true;
    for (const auto& branch : *branches) {
      std::vector<Issue> trial;
      validate_node(branch, doc, path, trial);
      if (trial.empty()) ++passing;
      if (first || trial.size() < best.size()) best = std::move(trial);
      first = false;
    }
    if (passing == 0) out.insert(out.end(), best.begin(), best.end());
    else if (std::string(combinator) == "oneOf" && passing > 1)
      out.push_back({path, "a value matching exactly one alternative", fmt::format("a value matching {}", passing), {}});
  }
}

void JsonSchema::apply_defaults(json& doc) const { defaults_node(root_, doc); }

void JsonSchema::defaults_node(const json& schema_in, json& doc) const {
  const auto found = defaults_.find(&resolve(schema_in));
  if (found == defaults_.end()) return;  // not a schema object
  const DefaultsInfo& info = found->second;
  if (doc.is_object()) {
    for (const auto& [key, value] : info.defaults)
      if (doc.find(*key) == doc.end()) doc[*key] = *value;
    for (auto& [key, value] : doc.items()) {
      if (const auto sub = info.properties ? info.properties->find(key) : json::const_iterator{};
          info.properties && sub != info.properties->end())
        defaults_node(*sub, value);
      else if (info.additional)
        defaults_node(*info.additional, value);
    }
  } else if (doc.is_array()) {
    if (info.items)
      for (auto& v : doc) defaults_node(*info.items, v);
  }
}

const json* JsonSchema::node_for(const std::string& doc_path) const {
  const json* node = &resolve(root_);
  std::size_t pos = 1;
  while (pos <= doc_path.size() && !doc_path.empty()) {
    const std::size_t next = doc_path.find('/', pos);
    const std::string key = doc_path.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    if (node->contains("properties") && (*node)["properties"].contains(key)) node = &resolve((*node)["properties"][key]);
    else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object()) node = &resolve((*node)["additionalProperties"]);
    else if (node->contains("items")) node = &resolve((*node)["items"]);
    else return nullptr;
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return node;
}

}  // namespace linksim::config
