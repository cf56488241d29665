// report.html: escaping, chart specs, self-containment, atomic writes; the sweep variant.
#include "linksim/report/report_html.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "linksim/report/html_escape.hpp"
#include "linksim/report/report_charts.hpp"
#include "linksim/report/report_page.hpp"
#include "report_fixture.hpp"

namespace report = linksim::report;
namespace fs = std::filesystem;
using nlohmann::json;

using linksim::testing::count;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The HTML outside the inlined chart libraries (they are third-party code, not our markup).
std::string own_markup(const std::string& html) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    const auto open = html.find("<script>", pos);
    if (open == std::string::npos) break;
    const auto close = html.find("</script>", open);
    out += html.substr(pos, open - pos);
    const std::string body = html.substr(open, close - open);
    // Keep our own short scripts; drop the three large library bodies.
    if (body.size() < 20000) out += body;
    pos = close;
  }
  return out + html.substr(pos);
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("linksim-report-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// In page order: a policy scenario's trade-off first.
const char* const kRunChartIds[] = {"chart-policy-tradeoff", "chart-connections", "chart-weekly-invites",
                                    "chart-pending",         "chart-restrictions", "chart-funnel",
                                    "chart-cost-per-lead"};

}  // namespace

TEST_CASE("html_escape and json_for_script neutralise markup", "[report]") {
  CHECK(report::html_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  const json value = {{"name", "</script><!-- <script>alert(1)</script> & \u2028"}, {"n", 1}};
  const std::string safe = report::json_for_script(value);
  CHECK(safe.find('<') == std::string::npos);
  CHECK(safe.find('>') == std::string::npos);
  CHECK(safe.find('&') == std::string::npos);
  CHECK(json::parse(safe) == value);  // same data after the browser's JSON.parse
  // Invalid UTF-8 is replaced, not thrown.
  CHECK_NOTHROW(report::json_for_script(json("bad \xff byte")));
}

TEST_CASE("a scenario named <script> appears only escaped", "[report]") {
  const std::string html = report::report_html(linksim::testing::fixture_results());
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("alert(1)</script>") == std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("<b>note</b>") == std::string::npos);
  CHECK(html.find("<h1 id=\"scenario-name\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>") != std::string::npos);
  CHECK(html.find("<title>linksim report \u2013 &lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
  CHECK(html.find("personalized &lt;b&gt;note&lt;/b&gt;") != std::string::npos);  // table header
  CHECK(html.find("personalized \\u003cb\\u003enote\\u003c/b\\u003e") != std::string::npos);  // chart data
  // The description's "</script><!--" cannot close or comment out anything.
  CHECK(html.find("&lt;/script&gt;&lt;!--") != std::string::npos);
  // Exactly our six script elements open and close: error capture, three libraries, specs, render.
  CHECK(count(html, "<script") == 6);
  CHECK(count(html, "</script") == 6);
}

TEST_CASE("the run report holds every chart spec and both tables", "[report]") {
  const json results = linksim::testing::fixture_results();
  const std::string html = report::report_html(results);
  for (const char* id : kRunChartIds) {
    INFO(id);
    CHECK(count(html, std::string("id=\"") + id + "\"") == 1);            // the figure's element
    CHECK(count(html, std::string("\"id\":\"") + id + "\"") == 1);        // its spec
  }
  const auto charts = report::run_charts(results);
  REQUIRE(charts.size() == 7);
  for (std::size_t i = 0; i < charts.size(); ++i) CHECK(charts[i].id == kRunChartIds[i]);
  // Connections carry CI bands; the weekly chart has the cap series.
  CHECK(charts[1].spec["layer"].size() == 2);
  CHECK(charts[1].spec["layer"][0]["mark"]["type"] == "area");
  CHECK(charts[2].spec.dump().find("weekly cap") != std::string::npos);
  CHECK(html.find("id=\"summary-table\"") != std::string::npos);
  CHECK(html.find("id=\"comparisons-table\"") != std::string::npos);
  CHECK(html.find("Which note gets more connections") != std::string::npos);
  CHECK(html.find("id=\"warnings\"") != std::string::npos);
  CHECK(html.find("id=\"incomplete\"") == std::string::npos);
  CHECK(html.find("id=\"more-warnings\"") == std::string::npos);  // one warning: nothing folded
  // Licences travel with the inlined libraries.
  CHECK(count(html, "BSD-3-Clause") >= 3);
  CHECK(html.find("University of Washington Interactive Data Lab") != std::string::npos);
}

TEST_CASE("a policy scenario's report opens with the trade-off chart", "[report]") {
  const std::string html = report::report_html(linksim::testing::fixture_results());
  // The first figure on the page is the trade-off, before the tables and every other chart.
  const auto first_chart = html.find("<div class=\"chart\" id=\"");
  REQUIRE(first_chart != std::string::npos);
  CHECK(html.compare(first_chart, 52, "<div class=\"chart\" id=\"chart-policy-tradeoff\"></div>") == 0);
  const auto tradeoff = html.find("id=\"chart-policy-tradeoff\"");
  CHECK(tradeoff < html.find("id=\"summary-table\""));
  CHECK(tradeoff < html.find("id=\"comparisons-table\""));
  CHECK(tradeoff < html.find("id=\"chart-connections\""));
  CHECK(html.find("<section class=\"charts\" id=\"policy\">\n<h2>Policy</h2>") < html.find("id=\"summary\""));
  // Its legend table and the non-dominated arms come with it, inside its figure.
  const auto legend = html.find("<table class=\"tradeoff-legend\">");
  const auto non_dominated = html.find("<p class=\"non-dominated\"><strong>Non-dominated:</strong>");
  CHECK(tradeoff < legend);
  CHECK(legend < non_dominated);
  CHECK(non_dominated < html.find("</figure>", tradeoff));
  CHECK(html.find("</figure>", tradeoff) < html.find("id=\"summary-table\""));
  CHECK(count(html, "<span class=\"marker") == 3);  // one row per arm
  SECTION("without the policy metrics the report starts with its tables, then the charts over time") {
    json results = linksim::testing::fixture_results();
    for (json& arm : results["arms"]) arm["metrics"].erase("spam_invites_delivered");
    const std::string plain = report::report_html(results);
    CHECK(plain.find("id=\"policy\"") == std::string::npos);
    CHECK(plain.find("<table class=\"tradeoff-legend\">") == std::string::npos);
    const auto first = plain.find("<div class=\"chart\" id=\"");
    CHECK(plain.compare(first, 48, "<div class=\"chart\" id=\"chart-connections\"></div>") == 0);
    CHECK(plain.find("id=\"summary-table\"") < first);
  }
}

TEST_CASE("a long list of warnings shows five and folds the rest away", "[report]") {
  json results = linksim::testing::fixture_results();
  results["warnings"] = json::array();
  for (int i = 1; i <= 8; ++i) results["warnings"].push_back("warning <" + std::to_string(i) + ">");
  const std::string html = report::report_html(results);
  const auto folded = html.find("<details id=\"more-warnings\"><summary>3 more warnings</summary><ul>\n<li>warning &lt;6&gt;</li>");
  REQUIRE(folded != std::string::npos);
  CHECK(html.find("<li>warning &lt;5&gt;</li>\n</ul>\n<details") != std::string::npos);
  CHECK(html.find("<li>warning &lt;8&gt;</li>\n</ul></details>\n</div>") != std::string::npos);
  CHECK(count(html, "<li>warning") == 8);
}

TEST_CASE("the report is self-contained", "[report]") {
  const std::string html = report::report_html(linksim::testing::fixture_results());
  const std::string ours = own_markup(html);
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("src='http") == std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(ours.find("http://") == std::string::npos);
  CHECK(ours.find("https://") == std::string::npos);
  CHECK(ours.find("@import") == std::string::npos);
  CHECK(html.find("sourceMappingURL") == std::string::npos);
  // The libraries really are inlined (vega.min.js alone is ~0.5 MB).
  CHECK(html.size() > 800 * 1024);
  CHECK(html.find("vegaEmbed") != std::string::npos);
}

TEST_CASE("best arm per metric is marked only where a direction exists", "[report]") {
  json results = {{"scenario", {{"name", "s"}}},
                  {"metric_names", {"connections_gained", "invites_sent", "restrictions", "replies"}},
                  {"arms",
                   {{{"name", "a"},
                     {"metrics",
                      {{"connections_gained", {{"mean", 10}, {"ci95", {9, 11}}}},
                       {"invites_sent", {{"mean", 100}}},
                       {"restrictions", {{"mean", 2}}},
                       {"replies", {{"mean", 3}}}}}},
                    {{"name", "b"},
                     {"metrics",
                      {{"connections_gained", {{"mean", 20}, {"ci95", {18, 22}}}},
                       {"invites_sent", {{"mean", 300}}},
                       {"restrictions", {{"mean", 1}}},
                       {"replies", {{"mean", 3}}}}}}}}};
  const std::string html = report::report_html(results);
  // b is best on connections (higher) and restrictions (lower); invites_sent is a volume and
  // replies tie, so neither gets a mark.
  CHECK(count(html, "class=\"best\"") == 2);
  const std::string star = "<span class=\"star\" title=\"best arm\">\u2605</span>";
  CHECK(html.find("<td class=\"best\">20" + star + "<span class=\"ci\">[18, 22]</span></td>") != std::string::npos);
  CHECK(html.find("<td class=\"best\">1" + star + "</td>") != std::string::npos);
  // Rows carry the registry's label, and its name, description and unit as a tooltip.
  CHECK(html.find("<td title=\"restrictions (count): restrictions imposed: ladder steps beyond a warning (the email "
                  "requirement included) and InMail bans\">restrictions</td>") != std::string::npos);

  SECTION("no sender metric is marked when abusive senders count in it, the platform's still are") {
    json abusive = results;
    for (auto& arm : abusive["arms"]) {
      arm["breakdown"] = {{"cohorts", {{"spammer", {{"label", "abusive"}, {"focal", true}}}}}, {"rules", json::object()}};
      arm["metrics"]["spam_invites_delivered"] = {{"mean", arm["name"] == "a" ? 50 : 90}};
    }
    abusive["metric_names"].push_back("spam_invites_delivered");
    const std::string a = report::report_html(abusive);
    CHECK(count(a, "class=\"best\"") == 1);  // spam delivered: a (lower is better for the platform)
    CHECK(a.find("<td class=\"best\">50" + star + "</td>") != std::string::npos);
    // A legitimate focal cohort among abusive senders keeps its marks.
    for (auto& arm : abusive["arms"]) arm["breakdown"]["cohorts"]["spammer"]["focal"] = false;
    CHECK(count(report::report_html(abusive), "class=\"best\"") == 3);
  }
}

TEST_CASE("comparisons are coloured by direction and CI", "[report]") {
  json results = {{"scenario", {{"name", "s"}}},
                  {"arms", {{{"name", "base"}, {"metrics", {{"leads", {{"mean", 1}}}}}}, {{"name", "x"}, {"metrics", {{"leads", {{"mean", 2}}}}}}}},
                  {"comparisons",
                   {{{"arm", "x"},
                     {"baseline", "base"},
                     {"metrics",
                      {{"leads", {{"mean_diff", 1.0}, {"ci95", {0.5, 1.5}}}},
                       {"restrictions", {{"mean_diff", 0.5}, {"ci95", {0.1, 0.9}}}},
                       {"replies", {{"mean_diff", 0.2}, {"ci95", {-0.1, 0.5}}}}}}}}}};
  const std::string html = report::report_html(results);
  CHECK(html.find("<td class=\"better\">+1<span class=\"ci\">[0.5, 1.5]</span></td>") != std::string::npos);
  CHECK(html.find("<td class=\"worse\">+0.5") != std::string::npos);
  CHECK(html.find("<td class=\"unclear\">+0.2") != std::string::npos);
  CHECK(html.find("x \u2212 base") != std::string::npos);
  SECTION("abusive senders counted in the sender metrics: a clear difference is bold, never green or red") {
    json abusive = results;
    for (auto& arm : abusive["arms"])
      arm["breakdown"] = {{"cohorts", {{"spammer", {{"label", "abusive"}, {"focal", true}}}}}, {"rules", json::object()}};
    abusive["comparisons"][0]["metrics"]["spam_invites_delivered"] = {{"mean_diff", -40.0}, {"ci95", {-50.0, -30.0}}};
    const std::string a = report::report_html(abusive);
    CHECK(a.find("<td class=\"clear\">+1<span class=\"ci\">[0.5, 1.5]</span></td>") != std::string::npos);  // leads
    CHECK(a.find("<td class=\"clear\">+0.5") != std::string::npos);  // restrictions
    CHECK(a.find("<td class=\"better\">-40") != std::string::npos);  // the platform's metric keeps its colour
    CHECK(count(a, "<td class=\"better\">") == 1);
    CHECK(count(a, "<td class=\"worse\">") == 0);
  }
  SECTION("metrics that are zero everywhere become a note, not rows of zeros") {
    json zero = results;
    zero["arms"][0]["metrics"]["suspended"] = {{"mean", 0.0}, {"ci95", {0.0, 0.0}}};
    zero["arms"][1]["metrics"]["suspended"] = {{"mean", 0.0}, {"ci95", {0.0, 0.0}}};
    zero["comparisons"][0]["metrics"]["suspended"] = {{"mean_diff", 0.0}, {"ci95", {0.0, 0.0}}};
    const std::string z = report::report_html(zero);
    CHECK(z.find("<td title=\"suspended") == std::string::npos);
    CHECK(z.find("<td title=\"leads") != std::string::npos);
    CHECK(z.find("Zero in every arm: suspended.") != std::string::npos);
    CHECK(z.find("No difference in any replication: suspended.") != std::string::npos);
  }
}

TEST_CASE("partial documents give a page, never an error", "[report]") {
  SECTION("empty document") {
    const std::string html = report::report_html(json::object());
    CHECK(html.find("Unnamed scenario") != std::string::npos);
    CHECK(report::run_charts(json::object()).empty());
    CHECK(html.find("no charts") != std::string::npos);
  }
  SECTION("wrong types are ignored") {
    const json odd = {{"scenario", 3}, {"arms", {{{"name", 5}, {"metrics", {{"leads", {{"mean", "x"}}}}}, {"daily", {{"connections", {{"mean", {1, nullptr, "a"}}}}}}}}}};
    CHECK_NOTHROW(report::report_html(odd));
    const auto charts = report::run_charts(odd);
    REQUIRE(charts.size() == 1);  // connections, from the one numeric day
    CHECK(charts[0].spec["data"]["values"].size() == 1);
    CHECK(charts[0].spec["layer"].size() == 1);  // no CI arrays: no band
  }
  SECTION("no policy metrics: no trade-off chart") {
    json results = linksim::testing::fixture_results();
    for (json& arm : results["arms"]) arm["metrics"].erase("legit_false_positive_rate");
    const std::string html = report::report_html(results);
    CHECK(html.find("chart-policy-tradeoff") == std::string::npos);
    CHECK(html.find("chart-funnel") != std::string::npos);
  }
  SECTION("an arm without leads gets no cost-per-lead bar") {
    json results = linksim::testing::fixture_results();
    results["arms"][1]["metrics"]["leads"]["mean"] = 0.0;
    const auto charts = report::run_charts(results);
    const auto it = std::find_if(charts.begin(), charts.end(), [](const auto& c) { return c.id == "chart-cost-per-lead"; });
    REQUIRE(it != charts.end());
    CHECK(it->spec["data"]["values"][1]["cpl"].is_null());
    CHECK(it->spec["data"]["values"][1]["label"] == "no leads");
  }
  SECTION("no leads anywhere: no cost-per-lead chart, a note instead; zero funnel stages are named, not drawn") {
    json results = linksim::testing::fixture_results();
    for (json& arm : results["arms"]) {
      for (const char* m : {"leads", "meetings"}) arm["metrics"][m] = {{"mean", 0.0}, {"ci95", {0.0, 0.0}}};
    }
    const auto charts = report::run_charts(results);
    CHECK(std::none_of(charts.begin(), charts.end(), [](const auto& c) { return c.id == "chart-cost-per-lead"; }));
    const auto funnel = std::find_if(charts.begin(), charts.end(), [](const auto& c) { return c.id == "chart-funnel"; });
    REQUIRE(funnel != charts.end());
    CHECK(funnel->spec["facet"]["row"]["sort"] == json({"invitations: sent", "invitations: accepted", "inbound: invitations", "all channels: replies"}));
    INFO(funnel->caption);
    CHECK(funnel->caption.find("Zero in every arm, not drawn: InMail: sent, email: sent, all channels: leads, all channels: meetings.") != std::string::npos);
    CHECK(report::report_html(results).find("id=\"no-cost-per-lead\"") != std::string::npos);
  }
  SECTION("an incomplete run is flagged") {
    json results = linksim::testing::fixture_results();
    results["complete"] = false;
    results["replications_completed"] = 7;
    const std::string html = report::report_html(results);
    CHECK(html.find("Incomplete run.") != std::string::npos);
    CHECK(html.find("after 7 of 20 replications") != std::string::npos);
  }
}

TEST_CASE("reports are written atomically", "[report]") {
  const fs::path dir = fresh_dir("atomic");
  const fs::path path = dir / "sub" / "report.html";
  report::write_report_html(linksim::testing::fixture_results(), path.string());
  REQUIRE(fs::exists(path));
  CHECK(read_file(path) == report::report_html(linksim::testing::fixture_results()));
  // Overwriting works and leaves no temporary file behind.
  report::write_report_html(json::object(), path.string());
  CHECK(read_file(path).find("Unnamed scenario") != std::string::npos);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(path.parent_path())) ++files;
  CHECK(files == 1);
  // A path that cannot be created is an error naming it.
  CHECK_THROWS_WITH(report::write_report_html(json::object(), "/dev/null/x/report.html"), Catch::Contains("/dev/null/x"));
  fs::remove_all(dir);
}

TEST_CASE("format_number keeps tables short", "[report]") {
  namespace r = report;
  CHECK(r::format_number(0) == "0");
  CHECK(r::format_number(0.27123) == "0.271");
  CHECK(r::format_number(12.345) == "12.3");
  CHECK(r::format_number(1234.4) == "1,234");
  CHECK(r::format_number(-1500) == "-1,500");
  CHECK(r::format_number(1234567) == "1,234,567");
  CHECK(r::format_number(std::nan("")) == "\u2013");
  CHECK(r::format_interval(1, 2.5) == "[1, 2.5]");
}

TEST_CASE("the sweep report charts each metric against the parameters", "[report]") {
  const json sweep = linksim::testing::fixture_sweep();
  const auto charts = report::sweep_charts(sweep);
  // connections_gained and restrictions vary; suspended is zero everywhere and is left out.
  REQUIRE(charts.size() == 2);
  // Two parameters: a heat map per metric, weekly invitations across, plan up and down, one
  // panel per arm.
  CHECK(charts[0].title == "connections gained by /platform/weekly_invites and /sender/plan");
  CHECK(charts[0].spec["facet"]["field"] == "panel");
  CHECK(charts[0].spec["facet"]["sort"] == json({"cold", "personalized"}));
  const json& cells = charts[0].spec["spec"]["layer"];
  CHECK(cells[0]["mark"]["type"] == "rect");
  CHECK(cells[0]["encoding"]["x"]["field"] == "x");
  CHECK(cells[0]["encoding"]["x"]["sort"] == json({100.0, 150.0, 200.0}));
  CHECK(cells[0]["encoding"]["y"]["sort"] == json({"free", "premium <b>", "sales_nav"}));
  CHECK(cells[0]["encoding"]["color"]["field"] == "mean");
  CHECK(cells[1]["mark"]["type"] == "text");  // the value in each cell
  CHECK(charts[0].spec["data"]["values"].size() == 18);  // 9 points × 2 arms
  const double conn = 1.0 * 100.0 * 0.3 * 1.0;  // the fixture's first point, as it computes it
  CHECK(charts[0].spec["data"]["values"][0] ==
        json({{"arm", "cold"}, {"panel", "cold"}, {"x", 100.0}, {"y", "free"}, {"mean", conn}, {"lo", conn * 0.93}, {"hi", conn * 1.07}}));
  const std::string html = report::sweep_report_html(sweep);
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("Sweep &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("premium &lt;b&gt;") != std::string::npos);
  CHECK(html.find("premium <b>") == std::string::npos);
  CHECK(count(html, "<script") == 6);
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("id=\"points-table\"") != std::string::npos);
  SECTION("one parameter with text values: ordinal axis in the given order, no facet") {
    json one = {{"scenario", {{"name", "plans"}}},
                {"parameters", {"/sender/plan"}},
                {"points",
                 {{{"values", {{"/sender/plan", "sales_nav"}}}, {"arms", {{{"name", "a"}, {"metrics", {{"leads", {{"mean", 3}}}}}}}}},
                  {{"values", {{"/sender/plan", "free"}}}, {"arms", {{{"name", "a"}, {"metrics", {{"leads", {{"mean", 1}}}}}}}}}}}};
    const auto c = report::sweep_charts(one);
    REQUIRE(c.size() == 1);
    CHECK_FALSE(c[0].spec.contains("facet"));
    CHECK(c[0].spec["layer"][0]["encoding"]["x"]["type"] == "ordinal");
    CHECK(c[0].spec["layer"][0]["encoding"]["x"]["sort"] == json({"sales_nav", "free"}));
  }
  const fs::path dir = fresh_dir("sweep");
  report::write_sweep_report_html(sweep, (dir / "report.html").string());
  CHECK(fs::file_size(dir / "report.html") == html.size());
  fs::remove_all(dir);
}

TEST_CASE("a one-parameter sweep: numeric order, whole-number ticks, axes from zero", "[report][sweep]") {
  // Values given out of order; a CI that reaches below zero.
  json sweep = {{"parameters", {"horizon_days"}}, {"points", json::array()}};
  for (const int days : {84, 7, 28})
    sweep["points"].push_back(
        {{"values", {{"horizon_days", days}}},
         {"arms", {{{"name", "a"},
                    {"metrics", {{"restrictions", {{"mean", days / 28.0}, {"ci95", {days / 28.0 - 1, days / 28.0 + 1}}}},
                                 {"acceptance_rate", {{"mean", 0.3}, {"ci95", {0.28, 0.32}}}}}}}}}});
  const auto charts = report::sweep_charts(sweep);
  REQUIRE(charts.size() == 2);
  // Metrics in the order the document has them (nlohmann's objects: alphabetical).
  REQUIRE(charts[0].title == "acceptance rate against horizon_days");
  REQUIRE(charts[1].title == "restrictions against horizon_days");
  const json& restrictions = charts[1].spec;
  CHECK_FALSE(restrictions.contains("facet"));
  const json& line = restrictions["layer"][1]["encoding"];
  CHECK(line["x"]["type"] == "quantitative");
  CHECK(line["x"]["axis"] == json({{"tickMinStep", 1}, {"format", "d"}}));
  CHECK(line["y"]["scale"]["zero"] == true);
  json xs = json::array();
  for (const json& row : restrictions["data"]["values"]) xs.push_back(row["x"]);
  CHECK(xs == json({7, 28, 84}));
  // 7 days: 0.25 [-0.75, 1.25]; the count's interval stops at zero.
  CHECK(restrictions["data"]["values"][0]["lo"] == 0.0);
  CHECK(restrictions["data"]["values"][0]["hi"] == 1.25);
  // A rate's axis runs from 0 to at most 1.
  const json& rate_domain = charts[0].spec["layer"][1]["encoding"]["y"]["scale"]["domain"];
  REQUIRE(rate_domain.size() == 2);
  CHECK(rate_domain[0] == 0.0);
  CHECK(rate_domain[1].get<double>() == Approx(0.4).epsilon(1e-12));  // 0.32 → 0.336 → 0.4
  CHECK(charts[0].spec["layer"][1]["encoding"]["y"]["axis"]["format"] == ".0%");
  CHECK_FALSE(line["y"].contains("axis"));  // a count: plain numbers
  SECTION("fractional values: numeric axis without whole-number ticks") {
    for (auto& p : sweep["points"]) p["values"]["horizon_days"] = p["values"]["horizon_days"].get<double>() / 10;
    const auto c = report::sweep_charts(sweep);
    CHECK(c[1].spec["layer"][1]["encoding"]["x"]["type"] == "quantitative");
    CHECK_FALSE(c[1].spec["layer"][1]["encoding"]["x"].contains("axis"));
  }
}

TEST_CASE("a three-parameter sweep: a heat map of the first two, a panel per value of the third", "[report][sweep]") {
  json sweep = {{"parameters", {"p", "q", "r"}}, {"points", json::array()}};
  for (const int p : {20, 10})
    for (const double q : {0.5, 0.25})
      for (const char* r : {"x", "y"})
        sweep["points"].push_back({{"values", {{"p", p}, {"q", q}, {"r", r}}},
                                   {"arms", {{{"name", "only"}, {"metrics", {{"leads", {{"mean", p * q}}}}}}}}});
  const auto charts = report::sweep_charts(sweep);
  REQUIRE(charts.size() == 1);
  const json& spec = charts[0].spec;
  CHECK(spec["facet"]["sort"] == json({"r = x", "r = y"}));  // one arm: no arm in the panel name
  CHECK(spec["spec"]["layer"][0]["encoding"]["x"]["sort"] == json({10, 20}));
  CHECK(spec["spec"]["layer"][0]["encoding"]["y"]["sort"] == json({0.5, 0.25}));  // larger values on top
  CHECK(spec["data"]["values"].size() == 8);
}

TEST_CASE("a one-arm, one-replication run without leads still makes a report", "[report]") {
  const json results = linksim::testing::fixture_results_degenerate();
  const auto charts = report::run_charts(results);
  CHECK(std::none_of(charts.begin(), charts.end(), [](const auto& c) { return c.id == "chart-cost-per-lead"; }));
  const std::string html = report::report_html(results);
  CHECK(html.find("class=\"best\"") == std::string::npos);  // one arm: nothing to compare
  CHECK(html.find("id=\"comparisons\"") == std::string::npos);
  CHECK(html.find("after 1 of 20 replications") != std::string::npos);
}

// Not run by default: tests/external/report_chromium.sh runs it to get fixture reports to open
// in a real browser. LINKSIM_REPORT_OUT names the run report to write; optional:
// LINKSIM_SWEEP_REPORT_OUT the sweep report, LINKSIM_DEGENERATE_REPORT_OUT the edge-case report.
TEST_CASE("write fixture reports for the browser check", "[.report-fixture]") {
  const char* out = std::getenv("LINKSIM_REPORT_OUT");
  REQUIRE(out != nullptr);
  report::write_report_html(linksim::testing::fixture_results(), out);
  if (const char* sweep_out = std::getenv("LINKSIM_SWEEP_REPORT_OUT")) {
    report::write_sweep_report_html(linksim::testing::fixture_sweep(), sweep_out);
  }
  if (const char* edge_out = std::getenv("LINKSIM_DEGENERATE_REPORT_OUT")) {
    report::write_report_html(linksim::testing::fixture_results_degenerate(), edge_out);
  }
  CHECK(fs::exists(out));
}
