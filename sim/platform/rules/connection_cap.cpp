#include "linksim/platform/rules/connection_cap.hpp"

#include <fmt/format.h>

namespace linksim::platform {

ConnectionCap::Params ConnectionCap::Params::from_json(const nlohmann::json& j, const std::string& path,
                                                       Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("max_connections", p.max_connections);
  r.finish();
  return p;
}

ParamSchema ConnectionCap::Params::schema() {
  ParamSchema s = {
      {"max_connections", integer_param("First-degree connection cap.", Bounds().at_least(1))}};
  return s;
}

void ConnectionCap::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, max_connections >= 1, path, "max_connections", ">= 1", std::to_string(max_connections));
}

ConnectionCap::ConnectionCap(const Params& p, const SenderBook&) : p_(p) {
  Issues issues;
  p.validate("connection_cap", issues);
  throw_if_invalid("ConnectionCap", issues);
}

RuleCheck ConnectionCap::check(const Action&, SenderId s, core::Time, const SenderBook& book) const {
  if (book.connections[s] < p_.max_connections) return RuleCheck::pass();
  return RuleCheck::deny(Notice::kConnectionLimit, core::kNever);
}

std::string ConnectionCap::describe(const Action&, SenderId s, core::Time, const SenderBook& book) const {
  return fmt::format("{} connections reached the cap of {}; you can follow people instead", book.connections[s],
                     p_.max_connections);
}

}  // namespace linksim::platform
