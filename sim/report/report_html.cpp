// The run report: header from the scenario, summary and comparison tables, charts.
#include "linksim/report/report_html.hpp"
#include "linksim/report/results.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linksim/report/html_escape.hpp"
#include "linksim/report/outreach_notes.hpp"
#include "linksim/metrics/registry.hpp"
#include "linksim/report/report_charts.hpp"
#include "linksim/report/report_page.hpp"

namespace linksim::report {
namespace {

using report::format_interval;
using report::format_number;

// The horizon: the scenario's, or the range of the arms' own when their patches change it.
std::string horizon_html(const RunDocument& results, const std::string& base) {
  std::optional<std::int64_t> lo, hi;
  for (const ArmResults& arm : results.arms)
    if (const auto h = arm.horizon_days) {
      lo = lo ? std::min(*lo, *h) : *h;
      hi = hi ? std::max(*hi, *h) : *h;
    }
  if (!lo || *lo == *hi) return base;
  return fmt::format("{}–{} (per arm)", *lo, *hi);
}

// Metric order: metric_names when given, then any other metric an arm or a comparison has, in
// order of appearance (each in name order).
std::vector<std::string> metric_order(const RunDocument& results) {
  std::vector<std::string> order;
  std::set<std::string, std::less<>> seen;
  const auto add = [&](const std::string& name) {
    if (seen.insert(name).second) order.push_back(name);
  };
  for (const std::string& m : results.metric_names) add(m);
  for (const ArmResults& arm : results.arms)
    for (const auto& [name, value] : arm.metrics) add(name);
  for (const ArmComparison& c : results.comparisons)
    for (const auto& [name, value] : c.metrics) add(name);
  return order;
}

// A banner listing `items` (escaped here): the first five in full; a long list (a few
// replications of a many-arm scenario warn about hundreds of wide intervals) folds the rest
// away so that it does not push the results down the page.
std::string banner_list(const std::string& id, std::string_view heading, std::string_view noun,
                        const std::vector<std::string>& items) {
  if (items.empty()) return "";
  constexpr std::size_t kShown = 5;
  std::string out = fmt::format("<div class=\"banner warnings\" id=\"{}\"><strong>{}</strong><ul>\n", id, heading);
  for (std::size_t i = 0; i < items.size() && i < kShown; ++i) out += "<li>" + html_escape(items[i]) + "</li>\n";
  out += "</ul>\n";
  if (items.size() > kShown) {
    out += fmt::format("<details id=\"more-{}\"><summary>{} more {}</summary><ul>\n", id, items.size() - kShown, noun);
    for (std::size_t i = kShown; i < items.size(); ++i) out += "<li>" + html_escape(items[i]) + "</li>\n";
    out += "</ul></details>\n";
  }
  return out + "</div>\n";
}

std::string header_html(const RunDocument& results) {
  const ScenarioFacts& scenario = results.scenario;
  const std::string name = scenario.name.value_or("Unnamed scenario");
  std::string out = "<header class=\"report\">\n<p class=\"kicker\">linksim experiment report</p>\n";
  out += "<h1 id=\"scenario-name\">" + html_escape(name) + "</h1>\n";
  if (const std::string& q = scenario.question; !q.empty()) {
    out += "<p class=\"description question\"><strong>" + html_escape(q) + "</strong></p>\n";
  }
  if (const std::string& d = scenario.description; !d.empty()) {
    out += "<p class=\"description\" id=\"scenario-description\">" + html_escape(d) + "</p>\n";
  }
  out += "<dl class=\"meta\">\n";
  const auto item = [&out](std::string_view label, const std::string& value) {
    if (!value.empty()) out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", label, html_escape(value));
  };
  const auto integer = [](const auto& v) { return v ? fmt::format("{}", *v) : std::string(); };
  item("arms", std::to_string(results.arms.size()));
  item("replications", integer(results.replications_completed ? results.replications_completed : scenario.replications));
  item("horizon (days)", horizon_html(results, integer(scenario.horizon_days)));
  item("seed", integer(scenario.seed));
  item("members", integer(scenario.members));
  item("scenario file", scenario.source);
  if (!scenario.overrides.empty()) {
    std::string text;
    for (const auto& patch : scenario.overrides) text += (text.empty() ? "" : "; ") + patch.dump();
    item("overrides (--set)", text);
  }
  item("configuration hash", results.config_hash);
  item("linksim", results.linksim_version);
  out += "</dl>\n</header>\n";

  if (!results.complete) {
    const auto done = results.replications_completed;
    const auto planned = scenario.replications;
    out += "<div class=\"banner incomplete\" id=\"incomplete\"><strong>Incomplete run.</strong> The run was stopped";
    if (done && planned) out += fmt::format(" after {} of {} replications", *done, *planned);
    out += "; the figures below use only the finished replications.</div>\n";
  }
  out += banner_list("warnings", "Warnings", "warnings", results.warnings);
  // Computed from the metrics, so a results file written before the notes existed gets them too.
  std::vector<std::string> notes;
  for (const OutreachNote& n : outreach_notes(results)) notes.push_back(n.text);
  out += banner_list("outreach-shortfall", "Outreach short of plan", "notes", notes);
  return out;
}

// The direction the report marks: the registry's, but none for a sender metric when senders
// labelled abusive count in it (a pure population, a focal abusive cohort; results.json's
// `breakdown`): an abusive sender's success is not good.
metrics::Better direction(const RunDocument& results, const std::string& metric) {
  const metrics::MetricDef* def = metrics::find_metric(metric);
  if (def == nullptr || def->scope != metrics::Scope::kSender) return metrics::better_of(metric);
  for (const ArmResults& arm : results.arms)
    if (arm.breakdown)
      for (const BreakdownGroup& cohort : arm.breakdown->cohorts)
        if (cohort.label == "abusive" && cohort.focal) return metrics::Better::kNeutral;
  return metrics::better_of(metric);
}

// Arms whose mean is the best for a metric; empty when the metric has no direction, fewer than
// two arms report it, or all arms tie (marking every arm would say nothing).
std::set<std::size_t> best_arms(const std::vector<ArmResults>& arms, const std::string& metric, metrics::Better goal) {
  if (goal == metrics::Better::kNeutral) return {};
  std::vector<std::pair<std::size_t, double>> means;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    if (const MetricEstimate* m = arms[a].estimate(metric)) means.emplace_back(a, *m->mean);
  }
  if (means.size() < 2) return {};
  double best = means[0].second;
  double worst = means[0].second;
  for (const auto& [a, m] : means) {
    best = goal == metrics::Better::kHigher ? std::max(best, m) : std::min(best, m);
    worst = goal == metrics::Better::kHigher ? std::min(worst, m) : std::max(worst, m);
  }
  if (best == worst) return {};
  std::set<std::size_t> out;
  for (const auto& [a, m] : means) {
    if (m == best) out.insert(a);
  }
  return out;
}

std::string cell_html(const MetricEstimate* stat, const char* css_class) {
  if (stat == nullptr || !stat->mean) return "<td class=\"unclear\">\u2013</td>";
  const double mean = *stat->mean;
  const bool best = css_class && std::string_view(css_class) == "best";
  std::string out = std::string("<td") + (css_class ? std::string(" class=\"") + css_class + "\"" : "") + ">";
  out += format_number(mean);
  if (best) out += "<span class=\"star\" title=\"best arm\">\u2605</span>";
  if (stat->ci95 && stat->ci95->numeric()) out += "<span class=\"ci\">" + format_interval(*stat->ci95->lo, *stat->ci95->hi) + "</span>";
  return out + "</td>";
}

// True when `mean` is exactly zero with a zero-width (or no) interval `ci`: a metric that did not
// occur, listed once in a note instead of a row of zeros.
bool is_zero(const DocNumber& mean, const std::optional<DocInterval>& ci) {
  if (!mean || *mean != 0.0) return false;
  return !ci || (ci->numeric() && *ci->lo == 0.0 && *ci->hi == 0.0);
}

std::string zero_note(const std::vector<std::string>& metrics, std::string_view what) {
  if (metrics.empty()) return "";
  std::string labels;
  for (const auto& m : metrics) labels += (labels.empty() ? "" : ", ") + html_escape(metrics::label_of(m));
  return fmt::format("<p class=\"note\">{}: {}.</p>\n", what, labels);
}

std::string metric_row_head(const std::string& metric) {
  return "<td title=\"" + html_escape(metrics::tooltip_of(metric)) + "\">" + html_escape(metrics::label_of(metric)) + "</td>";
}

std::string summary_html(const RunDocument& results) {
  const std::vector<ArmResults>& arms = results.arms;
  const auto metrics = metric_order(results);
  if (arms.empty() || metrics.empty()) return "<section id=\"summary\"><h2>Summary</h2><p class=\"note\">No metrics in the results.</p></section>\n";
  std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n";
  out += "<p class=\"legend\">Per sender, mean over replications, with the 95% confidence interval beside it. "
         "\u2605 marks the arm with the best mean where more (or less) of a metric is better; volumes such "
         "as invitations sent get no mark. Overlapping intervals mean the ranking is uncertain: the "
         "paired comparisons below are the sharper test.</p>\n<div class=\"table-wrap\"><table id=\"summary-table\">\n<thead><tr><th>metric</th>";
  for (std::size_t a = 0; a < arms.size(); ++a) {
    out += "<th>" + html_escape(arms[a].name.value_or("arm " + std::to_string(a + 1))) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  std::vector<std::string> zeros;
  for (const std::string& m : metrics) {
    bool all_zero = true;
    for (const ArmResults& arm : arms) {
      const auto it = arm.metrics.find(m);
      all_zero = all_zero && it != arm.metrics.end() && is_zero(it->second.mean, it->second.ci95);
    }
    if (all_zero) {
      zeros.push_back(m);
      continue;
    }
    const auto best = best_arms(arms, m, direction(results, m));
    out += "<tr>" + metric_row_head(m);
    for (std::size_t a = 0; a < arms.size(); ++a) {
      out += cell_html(arms[a].estimate(m), best.count(a) ? "best" : nullptr);
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  out += zero_note(zeros, "Zero in every arm");
  return out + "</section>\n";
}

const PairedEstimate* paired_of(const ArmComparison& c, const std::string& metric) {
  const auto it = c.metrics.find(metric);
  return it == c.metrics.end() ? nullptr : &it->second;
}

std::string signed_number(double v) { return fmt::format("{}{}", v > 0 ? "+" : "", format_number(v)); }

std::string comparisons_html(const RunDocument& results) {
  const std::vector<ArmComparison>& comparisons = results.comparisons;
  if (comparisons.empty()) return "";
  const auto metrics = metric_order(results);
  std::string out = "<section id=\"comparisons\">\n<h2>Compared with the baseline</h2>\n";
  out += "<p class=\"legend\">Paired differences (arm minus baseline) over the same replications: each "
         "replication runs every arm on the same world and the same members (common random numbers), "
         "so these intervals are narrower than the arms' own. <span class=\"better\">Green</span>: "
         "clearly better; <span class=\"worse\">red</span>: clearly worse; grey: the 95% CI includes zero.</p>\n"
         "<div class=\"table-wrap\"><table id=\"comparisons-table\">\n<thead><tr><th>metric</th>";
  for (const ArmComparison& c : comparisons) {
    out += "<th>" + html_escape(c.arm.value_or("?")) + " \u2212 " + html_escape(c.baseline.value_or("baseline")) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  std::vector<std::string> zeros;
  for (const std::string& m : metrics) {
    bool any = false;
    bool all_zero = true;
    for (const ArmComparison& c : comparisons) {
      const PairedEstimate* stat = paired_of(c, m);
      any = any || (stat && stat->mean_diff);
      all_zero = all_zero && stat && is_zero(stat->mean_diff, stat->ci95);
    }
    if (!any) continue;
    if (all_zero) {
      zeros.push_back(m);
      continue;
    }
    out += "<tr>" + metric_row_head(m);
    const metrics::Better goal = direction(results, m);
    for (const ArmComparison& c : comparisons) {
      const PairedEstimate* stat = paired_of(c, m);
      if (stat == nullptr || !stat->mean_diff) {
        out += "<td class=\"unclear\">\u2013</td>";
        continue;
      }
      const double diff = *stat->mean_diff;
      const bool has_ci = stat->ci95 && stat->ci95->numeric();
      std::string css = "unclear";
      if (has_ci && (*stat->ci95->lo > 0.0 || *stat->ci95->hi < 0.0)) {
        const bool up = diff > 0.0;
        if (goal == metrics::Better::kNeutral) {
          css = "clear";
        } else {
          css = (up == (goal == metrics::Better::kHigher)) ? "better" : "worse";
        }
      }
      out += "<td class=\"" + css + "\">" + signed_number(diff);
      if (has_ci) out += "<span class=\"ci\">" + format_interval(*stat->ci95->lo, *stat->ci95->hi) + "</span>";
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  out += zero_note(zeros, "No difference in any replication");
  return out + "</section>\n";
}

// The chart groups in page order; the policy trade-off, a policy scenario's headline, comes
// before the tables and every other chart.
struct ChartGroup {
  const char* anchor;
  const char* heading;
  std::set<std::string> ids;
};
const ChartGroup kPolicyGroup = {"policy", "Policy", {"chart-policy-tradeoff"}};
const std::vector<ChartGroup> kOtherGroups = {
    {"over-time", "Over time", {"chart-connections", "chart-weekly-invites", "chart-pending", "chart-restrictions"}},
    {"outcomes", "Outcomes", {"chart-funnel", "chart-cost-per-lead"}},
};

std::string charts_html(const std::vector<report::Chart>& charts, const std::vector<ChartGroup>& groups, bool leads_reported) {
  const auto has = [&charts](std::string_view id) {
    return std::any_of(charts.begin(), charts.end(), [id](const report::Chart& c) { return c.id == id; });
  };
  std::string out;
  for (const ChartGroup& g : groups) {
    std::string figures;
    for (const auto& c : charts) {
      if (g.ids.count(c.id)) figures += report::figure_html(c);
    }
    if (std::string_view(g.anchor) == "outcomes" && !has("chart-cost-per-lead") && leads_reported) {
      figures += "<p class=\"note\" id=\"no-cost-per-lead\">No arm produced a lead, so there is no cost per lead to chart.</p>\n";
    }
    if (!figures.empty()) {
      out += fmt::format("<section class=\"charts\" id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", g.anchor, g.heading, figures);
    }
  }
  return out;
}

}  // namespace

std::string report_html(const nlohmann::json& results) { return report_html(run_document_from_json(results)); }

std::string report_html(const RunDocument& results) {
  const auto charts = report::run_charts(results);
  bool leads_reported = false;
  for (const ArmResults& arm : results.arms) leads_reported = leads_reported || arm.estimate(metrics::metric_name("leads"));
  std::string body = header_html(results);
  body += charts_html(charts, {kPolicyGroup}, leads_reported);
  body += summary_html(results);
  body += comparisons_html(results);
  body += charts_html(charts, kOtherGroups, leads_reported);
  if (charts.empty()) body += "<p class=\"note\">No daily series or funnel metrics in the results: no charts.</p>\n";
  const std::string name = results.scenario.name.value_or("Unnamed scenario");
  return report::page_html("linksim report \u2013 " + name, body, charts);
}

void write_report_html(const RunDocument& results, const std::string& path) { write_file_atomic(path, report_html(results)); }

void write_report_html(const nlohmann::json& results, const std::string& path) {
  write_file_atomic(path, report_html(results));
}

}  // namespace linksim::report
