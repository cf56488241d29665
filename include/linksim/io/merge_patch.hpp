// JSON Merge Patch (RFC 7386) and `--set PATH=VALUE` overrides, which become merge patches.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace linksim::io {

/// Applies `patch` to `target` per RFC 7386: objects merge recursively, null deletes a key, any
/// other value (arrays included) replaces.
void apply_merge_patch(nlohmann::json& target, const nlohmann::json& patch);

/// `a.b.c=VALUE` → {"a":{"b":{"c":VALUE}}}. VALUE is parsed as JSON when it is valid JSON, and
/// taken as a string otherwise (so `--set platform.preset=linkedin_2025` needs no quotes).
/// Throws InputError (path "--set") for a missing '=' or an empty key.
nlohmann::json patch_from_assignment(const std::string& assignment);

/// True when the patch sets `path` or one of its ancestors (so an error at `path` in the patched
/// document was caused by the patch).
bool patch_touches(const nlohmann::json& patch, const std::string& path);

}  // namespace linksim::io
