// A validator for the subset of JSON Schema 2020-12 that scenarios/schema.json uses, and the one
// place where the schema's defaults are applied.
#pragma once
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "linksim/config/errors.hpp"

namespace linksim::config {

/// Supported keywords: type, properties, additionalProperties, required, enum, const, minimum,
/// maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, minItems, maxItems,
/// minProperties, items, $ref (local "#/..."), anyOf, oneOf, default; annotations (description,
/// $comment, title) are ignored. Any other keyword in the schema is a construction error, so the
/// published schema cannot silently mean more to an outside validator than to linksim.
class JsonSchema final {
 public:
  explicit JsonSchema(nlohmann::json root);
  // The $ref table points into root_: a copy would point into the original.
  JsonSchema(const JsonSchema&) = delete;
  JsonSchema& operator=(const JsonSchema&) = delete;

  /// Appends one Issue per problem in `doc`; paths are prefixed with `base_path`.
  void validate(const nlohmann::json& doc, const std::string& base_path, std::vector<Issue>& out) const;
  /// Fills every missing property that has a `default`, recursively (defaults may be objects
  /// whose own properties then get their defaults).
  void apply_defaults(nlohmann::json& doc) const;
  /// The schema node at a document path (e.g. "/platform/rules"), following $ref; null if none.
  const nlohmann::json* node_for(const std::string& doc_path) const;
  const nlohmann::json& root() const { return root_; }

  /// The schema of linksim scenarios, embedded from scenarios/schema.json at build time.
  static const JsonSchema& scenario();

 private:
  const nlohmann::json& resolve(const nlohmann::json& node) const;
  void check_keywords(const nlohmann::json& node, const std::string& where) const;
  void validate_node(const nlohmann::json& schema, const nlohmann::json& doc, const std::string& path,
                     std::vector<Issue>& out) const;
  void defaults_node(const nlohmann::json& schema, nlohmann::json& doc) const;

  void index_refs(const nlohmann::json& node);
  void index_defaults(const nlohmann::json& node);

  /// What applying defaults reads of a schema object, looked up once.
  struct DefaultsInfo {
    const nlohmann::json* properties = nullptr;  ///< "properties", if any
    const nlohmann::json* additional = nullptr;  ///< "additionalProperties" if it is a schema
    const nlohmann::json* items = nullptr;       ///< "items", if any
    /// (key, default) of every property whose (resolved) schema has a default.
    std::vector<std::pair<const std::string*, const nlohmann::json*>> defaults;
  };

  nlohmann::json root_;
  /// Each schema node holding a local "$ref" → the node it names (chains followed), built once:
  /// applying defaults and validating resolve thousands of refs per scenario.
  std::unordered_map<const nlohmann::json*, const nlohmann::json*> refs_;
  /// Each schema object → what apply_defaults needs of it.
  std::unordered_map<const nlohmann::json*, DefaultsInfo> defaults_;
};

}  // namespace linksim::config
