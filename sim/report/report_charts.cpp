// Vega-Lite specs for the run report. Data go inline (the page is offline); arms keep one colour
// across every chart through a shared colour domain.
#include "linksim/report/report_charts.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "linksim/metrics/registry.hpp"
#include "linksim/report/tradeoff_chart.hpp"

namespace linksim::report {
namespace {

using nlohmann::json;

constexpr int kWidth = 760;
constexpr int kHeight = 260;

std::vector<std::string> arm_names(const std::vector<ArmResults>& arms) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < arms.size(); ++i) names.push_back(arms[i].name.value_or("arm " + std::to_string(i + 1)));
  return names;
}

json color_by_arm(const std::vector<std::string>& arms, bool legend = true) {
  json c = {{"field", "arm"}, {"type", "nominal"}, {"title", "arm"}, {"scale", {{"domain", arms}}}};
  if (!legend) c["legend"] = nullptr;
  return c;
}

// Days run from 1 to the horizon; no padding to a "nice" 90 or down to 0.
json day_axis() {
  return {{"field", "day"}, {"type", "quantitative"}, {"title", "day"},
          {"scale", {{"nice", false}, {"zero", false}}}, {"axis", {{"tickMinStep", 1}}}};
}

// Day i of a series, when it is a number.
std::optional<double> day_value(const std::vector<DocNumber>& values, std::size_t i) {
  return i < values.size() ? values[i] : std::nullopt;
}
std::optional<double> day_value(const std::optional<std::vector<DocNumber>>& values, std::size_t i) {
  return values ? day_value(*values, i) : std::nullopt;
}

// ci95 as [lo, hi] when both are numbers.
std::optional<std::pair<double, double>> interval_of(const MetricEstimate& m) {
  if (!m.ci95 || !m.ci95->numeric()) return std::nullopt;
  return std::pair{*m.ci95->lo, *m.ci95->hi};
}

// A mean line per arm over days, with the 95% CI as a translucent band where the arm has one.
std::optional<Chart> band_chart(const std::vector<ArmResults>& arms, const std::vector<std::string>& names, std::string_view series,
                                Chart chart, const std::string& y_title) {
  json rows = json::array();
  bool any_band = false;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const DailyBand* s = arms[a].series(series);
    if (!s) continue;
    for (std::size_t i = 0; i < s->mean.size(); ++i) {
      const auto mean = day_value(s->mean, i);
      if (!mean) continue;
      json row = {{"arm", names[a]}, {"day", i + 1}, {"mean", *mean}};
      const auto lo = day_value(s->lo, i);
      const auto hi = day_value(s->hi, i);
      if (lo && hi) {
        row["lo"] = *lo;
        row["hi"] = *hi;
        any_band = true;
      }
      rows.push_back(std::move(row));
    }
  }
  if (rows.empty()) return std::nullopt;
  json layers = json::array();
  if (any_band) {
    layers.push_back({{"mark", {{"type", "area"}, {"opacity", 0.18}}},
                      {"encoding",
                       {{"x", day_axis()},
                        {"y", {{"field", "lo"}, {"type", "quantitative"}, {"title", y_title}}},
                        {"y2", {{"field", "hi"}}},
                        {"color", color_by_arm(names, false)}}}});
  }
  layers.push_back({{"mark", {{"type", "line"}, {"strokeWidth", 2}}},
                    {"encoding",
                     {{"x", day_axis()},
                      {"y", {{"field", "mean"}, {"type", "quantitative"}, {"title", y_title}}},
                      {"color", color_by_arm(names)},
                      {"tooltip", json::array({{{"field", "arm"}}, {{"field", "day"}}, {{"field", "mean"}, {"format", ".3~f"}}})}}}});
  chart.spec = {{"width", kWidth}, {"height", kHeight}, {"data", {{"values", rows}}}, {"layer", layers}};
  // The band's colour scale is its own (same domain, so same colours) so that the legend shows
  // only the lines; a shared scale would merge the legends and drop it.
  if (any_band) chart.spec["resolve"] = {{"scale", {{"color", "independent"}}}, {"legend", {{"color", "independent"}}}};
  return chart;
}

// Sent against the cap on one chart, told apart by the registry's labels.
constexpr std::array<std::size_t, 2> kWeeklySeries = {metrics::daily_index("invites_weekly"), metrics::daily_index("weekly_cap")};

std::optional<Chart> weekly_invites_chart(const std::vector<ArmResults>& arms, const std::vector<std::string>& names) {
  json rows = json::array();
  for (std::size_t a = 0; a < arms.size(); ++a) {
    for (const std::size_t k : kWeeklySeries) {
      const std::string label(metrics::kDailySeries[k].label);
      const DailyBand* s = arms[a].series(metrics::kDailySeries[k].name);
      if (!s) continue;
      for (std::size_t i = 0; i < s->mean.size(); ++i) {
        if (const auto v = day_value(s->mean, i)) {
          rows.push_back({{"arm", names[a]}, {"day", i + 1}, {"series", label}, {"value", *v}});
        }
      }
    }
  }
  if (rows.empty()) return std::nullopt;
  Chart chart{"chart-weekly-invites", "Weekly invitations against the cap",
              "Solid: invitations sent in the last 7 days (per sender, mean over replications). Dashed: "
              "the effective weekly cap that day. Where the solid line meets the dashed one the sender is "
              "held back by the cap.",
              {}};
  chart.spec = {
      {"width", kWidth},
      {"height", kHeight},
      {"data", {{"values", rows}}},
      {"mark", {{"type", "line"}, {"strokeWidth", 2}}},
      {"encoding",
       {{"x", day_axis()},
        {"y", {{"field", "value"}, {"type", "quantitative"}, {"title", "invitations per 7 days"}}},
        {"color", color_by_arm(names)},
        {"strokeDash",
         {{"field", "series"}, {"type", "nominal"}, {"title", nullptr},
          {"scale", {{"domain", {metrics::kDailySeries[kWeeklySeries[0]].label, metrics::kDailySeries[kWeeklySeries[1]].label}}, {"range", {{1, 0}, {6, 4}}}}}}},
        {"detail", {{"field", "series"}}},
        {"tooltip", json::array({{{"field", "arm"}}, {{"field", "series"}}, {{"field", "day"}}, {{"field", "value"}, {"format", ".3~f"}}})}}}};
  return chart;
}

std::optional<Chart> restriction_chart(const std::vector<ArmResults>& arms, const std::vector<std::string>& names) {
  json rows = json::array();
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const DailyBand* s = arms[a].series(metrics::daily_name("restricted"));
    if (!s) continue;
    for (std::size_t i = 0; i < s->mean.size(); ++i) {
      if (const auto v = day_value(s->mean, i)) {
        rows.push_back({{"arm", names[a]}, {"day", i + 1}, {"day_end", i + 2}, {"share", *v}});
      }
    }
  }
  if (rows.empty()) return std::nullopt;
  Chart chart{"chart-restrictions", "Restriction timeline",
              "Share of senders restricted on each day, per arm (darker is more). A restriction is any "
              "step of the platform's escalation ladder that blocks invitations.",
              {}};
  chart.spec = {{"width", kWidth},
                {"height", {{"step", 34}}},
                {"data", {{"values", rows}}},
                {"mark", {{"type", "rect"}}},
                {"encoding",
                 {{"x", day_axis()},
                  {"x2", {{"field", "day_end"}}},
                  {"y", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}, {"sort", names}}},
                  {"color",
                   {{"field", "share"}, {"type", "quantitative"}, {"title", "restricted share"},
                    {"scale", {{"domain", {0, 1}}, {"range", {"#ffffff", "#b71c1c"}}, {"interpolate", "rgb"}}}, {"legend", {{"format", ".0%"}}}}},
                  {"tooltip", json::array({{{"field", "arm"}}, {{"field", "day"}}, {{"field", "share"}, {"format", ".1%"}}})}}}};
  return chart;
}

struct Stage {
  std::string_view metric;
  std::string_view label;
};
// Each channel's funnel, then all channels together; a stage every arm has at zero (a channel no
// arm used) is named in the caption, not drawn.
constexpr auto kFunnel = std::to_array<Stage>({
    {metrics::metric_name("invites_sent"), "invitations: sent"},
    {metrics::metric_name("invites_accepted"), "invitations: accepted"},
    {metrics::metric_name("messages_sent"), "messages: sent"},
    {metrics::metric_name("message_replies"), "messages: replies"},
    {metrics::metric_name("message_meetings"), "messages: meetings"},
    {metrics::metric_name("inmails_sent"), "InMail: sent"},
    {metrics::metric_name("inmail_replies"), "InMail: replies"},
    {metrics::metric_name("inmail_interested"), "InMail: interested"},
    {metrics::metric_name("inmail_meetings"), "InMail: meetings"},
    {metrics::metric_name("email_prospects"), "email: prospects"},
    {metrics::metric_name("emails_sent"), "email: sent"},
    {metrics::metric_name("email_replies"), "email: replies"},
    {metrics::metric_name("email_meetings"), "email: meetings"},
    {metrics::metric_name("inbound_requests"), "inbound: invitations"},
    {metrics::metric_name("inbound_replies"), "inbound: replies"},
    {metrics::metric_name("inbound_meetings"), "inbound: meetings"},
    {metrics::metric_name("network_replies"), "existing network: replies"},
    {metrics::metric_name("network_meetings"), "existing network: meetings"},
    {metrics::metric_name("replies"), "all channels: replies"},
    {metrics::metric_name("leads"), "all channels: leads"},
    {metrics::metric_name("meetings"), "all channels: meetings"},
});

std::optional<Chart> funnel_chart(const std::vector<ArmResults>& arms, const std::vector<std::string>& names) {
  json rows = json::array();
  json stages = json::array();
  std::string zero_stages;  // stages at exactly zero in every arm: named in the caption, not drawn
  for (const Stage& stage : kFunnel) {
    json stage_rows = json::array();
    bool all_zero = true;
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const MetricEstimate* m = arms[a].estimate(stage.metric);
      if (!m) continue;
      const double mean = *m->mean;
      const auto ci = interval_of(*m);
      json row = {{"arm", names[a]}, {"stage", stage.label}, {"mean", mean}, {"label", format_number(mean)}};
      row["lo"] = ci ? ci->first : mean;
      row["hi"] = ci ? ci->second : mean;
      all_zero = all_zero && mean == 0.0 && row["lo"] == 0.0 && row["hi"] == 0.0;
      stage_rows.push_back(std::move(row));
    }
    if (stage_rows.empty()) continue;
    if (all_zero) {
      zero_stages += (zero_stages.empty() ? "" : ", ") + std::string(stage.label);
      continue;
    }
    stages.push_back(stage.label);
    for (json& r : stage_rows) rows.push_back(std::move(r));
  }
  if (rows.empty()) return std::nullopt;
  const json y = {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}, {"sort", names}};
  Chart chart{"chart-funnel", "Funnel per channel and arm",
              "Per sender, mean over replications, with the 95% CI as a black line: each channel from what was "
              "sent to the meetings it booked, then all channels together. Each stage has its own scale, so "
              "compare arms within a stage.",
              {}};
  if (!zero_stages.empty()) chart.caption += " Zero in every arm, not drawn: " + zero_stages + ".";
  chart.spec = {
      {"data", {{"values", rows}}},
      {"facet",
       {{"row",
         {{"field", "stage"}, {"type", "nominal"}, {"title", nullptr}, {"sort", stages},
          {"header", {{"labelAngle", 0}, {"labelOrient", "top"}, {"labelAnchor", "start"}, {"labelFontWeight", "bold"}, {"labelFontSize", 12}}}}}}},
      {"spec",
       {{"width", kWidth - 160},
        {"height", {{"step", 20}}},
        {"layer",
         {{{"mark", {{"type", "bar"}}},
           {"encoding",
            {{"y", y},
             {"x", {{"field", "mean"}, {"type", "quantitative"}, {"title", "per sender"}}},
             {"color", color_by_arm(names)},
             {"tooltip", json::array({{{"field", "arm"}}, {{"field", "stage"}}, {{"field", "mean"}, {"format", ".3~f"}}})}}}},
          {{"mark", {{"type", "rule"}, {"color", "black"}}},
           {"encoding", {{"y", y}, {"x", {{"field", "lo"}, {"type", "quantitative"}}}, {"x2", {{"field", "hi"}}}}}},
          {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}}},
           {"encoding", {{"y", y}, {"x", {{"field", "hi"}, {"type", "quantitative"}}}, {"text", {{"field", "label"}}}}}}}}}},
      {"resolve", {{"scale", {{"x", "independent"}}}}}};
  return chart;
}

std::optional<Chart> cost_per_lead_chart(const std::vector<ArmResults>& arms, const std::vector<std::string>& names) {
  json rows = json::array();
  bool any_leads = false;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    // Money and time (total_cost_usd); results written before it existed have only cost_usd.
    const MetricEstimate* cost = arms[a].estimate(metrics::metric_name("total_cost_usd"));
    if (!cost) cost = arms[a].estimate(metrics::metric_name("cost_usd"));
    const MetricEstimate* leads = arms[a].estimate(metrics::metric_name("leads"));
    if (!cost || !leads) continue;
    const double c = *cost->mean;
    const double l = *leads->mean;
    // Zero leads: no ratio; the bar is left out and the label says why.
    any_leads = any_leads || l > 0.0;
    if (l > 0.0) {
      rows.push_back({{"arm", names[a]}, {"cpl", c / l}, {"label_y", c / l}, {"label", fmt::format("${}", format_number(c / l))}});
    } else {
      rows.push_back({{"arm", names[a]}, {"cpl", nullptr}, {"label_y", 0}, {"label", "no leads"}});
    }
  }
  // Without a single lead there is no scale to draw on (the report says so in a note).
  if (rows.empty() || !any_leads) return std::nullopt;
  const json x = {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}, {"sort", names}, {"axis", {{"labelAngle", 0}}}};
  Chart chart{"chart-cost-per-lead", "Cost per lead",
              "Mean total cost (USD: subscriptions, tools and the sender's hours at the hourly rate) divided by "
              "mean leads, per sender. Arms without leads have no bar.",
              {}};
  chart.spec = {{"width", {{"step", 110}}},
                {"height", kHeight},
                {"data", {{"values", rows}}},
                {"layer",
                 {{{"mark", {{"type", "bar"}, {"width", {{"band", 0.7}}}}},
                   {"encoding",
                    {{"x", x},
                     {"y", {{"field", "cpl"}, {"type", "quantitative"}, {"title", "USD per lead"}}},
                     {"color", color_by_arm(names, false)}}}},
                  {{"mark", {{"type", "text"}, {"dy", -8}}},
                   {"encoding", {{"x", x}, {"y", {{"field", "label_y"}, {"type", "quantitative"}}}, {"text", {{"field", "label"}}}}}}}}};
  return chart;
}

std::optional<Chart> policy_chart(const std::vector<ArmResults>& arms, const std::vector<std::string>& names) {
  std::vector<TradeoffPoint> points;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const MetricEstimate* fpr = arms[a].estimate(metrics::metric_name("legit_false_positive_rate"));
    const MetricEstimate* spam = arms[a].estimate(metrics::metric_name("spam_invites_delivered"));
    if (!fpr || !spam) continue;
    const double f = *fpr->mean;
    const double s = *spam->mean;
    const auto fci = interval_of(*fpr);
    const auto sci = interval_of(*spam);
    points.push_back({names[a], f, fci ? fci->first : f, fci ? fci->second : f, s, sci ? sci->first : s, sci ? sci->second : s});
  }
  if (points.empty()) return std::nullopt;
  return tradeoff_chart(points, "chart-policy-tradeoff", "Policy trade-off",
                        "Each numbered point is an arm (a rule set; the table below names it): towards the bottom "
                        "left is better, fewer spam invitations reach members and fewer legitimate senders are "
                        "restricted. Filled points are non-dominated, hollow ones are beaten on both axes by some "
                        "other arm. Lines are 95% CIs; both axes start at zero.");
}

}  // namespace

std::vector<Chart> run_charts(const nlohmann::json& results) { return run_charts(run_document_from_json(results)); }

std::vector<Chart> run_charts(const RunDocument& results) {
  const std::vector<ArmResults>& arms = results.arms;
  const auto names = arm_names(arms);
  std::vector<Chart> charts;
  const auto add = [&charts](std::optional<Chart> c) {
    if (c) charts.push_back(std::move(*c));
  };
  // A policy scenario's headline comes first.
  add(policy_chart(arms, names));
  add(band_chart(arms, names, metrics::daily_name("connections"),
                 {"chart-connections", "Connections over time",
                  "Cumulative connections gained per sender: line is the mean over replications, band the 95% CI.", {}},
                 "connections (cumulative)"));
  add(weekly_invites_chart(arms, names));
  add(band_chart(arms, names, metrics::daily_name("pending"),
                 {"chart-pending", "Pending invitations",
                  "Invitations sent and not yet accepted, declined or withdrawn, at the end of each day (per sender; "
                  "band: 95% CI). Platforms block senders above a pending cap.",
                  {}},
                 "pending invitations"));
  add(restriction_chart(arms, names));
  add(funnel_chart(arms, names));
  add(cost_per_lead_chart(arms, names));
  return charts;
}

}  // namespace linksim::report
