// Aggregation of per-sender counters into the sender metrics of the registry.
#include "linksim/metrics/sender_stats.hpp"

#include "linksim/metrics/registry.hpp"

namespace linksim::metrics {

void add_sender_metrics(const std::vector<SenderStats>& stats, const std::vector<std::uint32_t>& members, RunResult& out) {
  const double n = members.empty() ? 1.0 : static_cast<double>(members.size());
  for (const MetricDef* m : metrics_of(Scope::kSender)) {
    // Summed in member order, the order the sums always had, so the means do not move by an ulp
    // (pending, a uint32 once summed as one, is a whole number: exact as a double too).
    double num = 0, den = 0;
    for (std::uint32_t i : members) {
      num += m->numerator(stats[i]);
      if (m->denominator) den += m->denominator(stats[i]);
    }
    out.scalars[std::string(m->name)] = m->denominator ? (den > 0 ? num / den : 0.0) : num / n;
  }
}

}  // namespace linksim::metrics
