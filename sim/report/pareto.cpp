#include "linksim/report/pareto.hpp"

#include <cmath>
#include <stdexcept>

namespace linksim::report {

std::vector<std::size_t> pareto_front(std::span<const std::vector<double>> points, std::span<const metrics::Better> goals) {
  for (const metrics::Better g : goals)
    if (g == metrics::Better::kNeutral) throw std::invalid_argument("pareto_front: an objective without a direction");
  std::vector<bool> valid(points.size(), true);
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].size() != goals.size()) throw std::invalid_argument("pareto_front: a point's values do not match the objectives");
    for (const double v : points[i]) valid[i] = valid[i] && std::isfinite(v);
  }
  // a dominates b: no worse anywhere, better somewhere.
  const auto dominates = [&](const std::vector<double>& a, const std::vector<double>& b) {
    bool better = false;
    for (std::size_t k = 0; k < goals.size(); ++k) {
      const bool lower = goals[k] == metrics::Better::kLower;
      const double ak = lower ? a[k] : -a[k];
      const double bk = lower ? b[k] : -b[k];
      if (ak > bk) return false;
      better = better || ak < bk;
    }
    return better;
  };
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!valid[i]) continue;
    bool dominated = false;
    for (std::size_t j = 0; j < points.size() && !dominated; ++j) dominated = j != i && valid[j] && dominates(points[j], points[i]);
    if (!dominated) front.push_back(i);
  }
  return front;
}

}  // namespace linksim::report
