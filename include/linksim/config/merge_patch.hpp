// `--set PATH=VALUE` overrides and arm patches are JSON Merge Patches (RFC 7386), applied with
// nlohmann::json::merge_patch; this header builds them from assignments and maps an error found
// in the patched document back to the patch that caused it.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace linksim::config {

/// `a.b.c=VALUE` → {"a":{"b":{"c":VALUE}}}. VALUE is parsed as JSON when it is valid JSON, and
/// taken as a string otherwise (so `--set platform.preset=linkedin_2025` needs no quotes).
/// Throws InputError (path "--set") for a missing '=' or an empty key.
nlohmann::json patch_from_assignment(const std::string& assignment);

/// True when the patch sets `path` or one of its ancestors (so an error at `path` in the patched
/// document was caused by the patch).
bool patch_touches(const nlohmann::json& patch, const std::string& path);

}  // namespace linksim::config
