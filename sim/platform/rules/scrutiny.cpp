#include "linksim/platform/rules/scrutiny.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace linksim::platform {

Scrutiny::Params Scrutiny::Params::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  Params p;
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.get("last_k", p.last_k);
  r.get("region_weight", p.region_weight);
  r.get("industry_weight", p.industry_weight);
  r.get("threshold", p.threshold);
  r.finish();
  return p;
}

ParamSchema Scrutiny::Params::schema() {
  ParamSchema s = {
      {"last_k", integer_param("Invitations considered.", Bounds().at_least(1).at_most(100000))},
      {"region_weight", number_param("Weight of an out-of-region invitation.", Bounds().at_least(0).at_most(1))},
      {"industry_weight", number_param("Weight of an out-of-industry invitation.", Bounds().at_least(0).at_most(1))},
      {"threshold", number_param("Weighted share that makes a strike.", Bounds().above(0).at_most(1))}};
  return s;
}

void Scrutiny::Params::validate(const std::string& path, Issues& issues) const {
  expect(issues, last_k >= 1 && last_k <= 100000, path, "last_k", "an integer in [1, 100000]", std::to_string(last_k));
  expect(issues, region_weight >= 0.0 && region_weight <= 1.0, path, "region_weight", "a weight in [0, 1]",
         num(region_weight));
  expect(issues, industry_weight >= 0.0 && industry_weight <= 1.0, path, "industry_weight", "a weight in [0, 1]",
         num(industry_weight));
  expect(issues, threshold > 0.0 && threshold <= 1.0, path, "threshold", "a share in (0, 1]", num(threshold));
}

namespace {
std::uint32_t hundredths(double x) { return static_cast<std::uint32_t>(std::lround(x * 100.0)); }
}  // namespace

Scrutiny::Scrutiny(const Params& p, const SenderBook& book) : p_(p) {
  Issues issues;
  p.validate("scrutiny", issues);
  throw_if_invalid("Scrutiny", issues);
  w_region_ = hundredths(p.region_weight);
  w_industry_ = hundredths(p.industry_weight);
  limit_ = hundredths(p.threshold * p.last_k);
  weights_.assign(book.size() * p.last_k, 0);
  head_.assign(book.size(), 0);
  size_.assign(book.size(), 0);
  sum_.assign(book.size(), 0);
}

void Scrutiny::commit(const Action& a, SenderId s, core::Time now, Context& ctx) {
  const std::uint32_t w = std::min<std::uint32_t>(100, (a.out_of_region ? w_region_ : 0) + (a.out_of_industry ? w_industry_ : 0));
  std::uint8_t& slot = weights_[std::size_t{s} * p_.last_k + head_[s]];
  if (size_[s] == p_.last_k) sum_[s] -= slot;
  else ++size_[s];
  slot = static_cast<std::uint8_t>(w);
  sum_[s] += w;
  head_[s] = head_[s] + 1 == p_.last_k ? 0 : head_[s] + 1;
  if (size_[s] < p_.last_k || sum_[s] < limit_) return;
  const std::string reason = "scrutiny: " + describe(a, s, now, ctx.senders);
  std::fill_n(weights_.begin() + static_cast<std::ptrdiff_t>(std::size_t{s} * p_.last_k), p_.last_k, 0);
  size_[s] = sum_[s] = head_[s] = 0;
  ctx.ladder.strike(s, now, StrikeKind::kGeneral, reason);
}

std::string Scrutiny::describe(const Action&, SenderId s, core::Time, const SenderBook&) const {
  return fmt::format("out-of-region or out-of-industry weight {:.2f} over the last {} invitations (limit {:.2f})",
                     sum_[s] / 100.0, size_[s], limit_ / 100.0);
}

}  // namespace linksim::platform
