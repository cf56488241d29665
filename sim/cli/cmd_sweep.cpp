// `linksim sweep SCENARIO --vary PATH=v1,v2,...`: runs the grid, resumes finished points,
// writes sweep.csv and sweep.json beside one results.json per point.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "linksim/config/config_hash.hpp"
#include "linksim/experiment/process_group.hpp"
#include "linksim/experiment/statistics.hpp"
#include "linksim/experiment/sweep.hpp"
#include "linksim/report/report_html.hpp"
#include "linksim/report/results.hpp"

namespace linksim::cli {

namespace {

struct SweepArgs {
  std::string scenario;
  std::vector<std::string> vary, sets;
  int reps = 0;
  long long seed = -1;
  unsigned threads = 0;
  std::string out = "out/sweep";
};

// Earlier results are reused only when they are complete and were computed for the same fully
// resolved configuration (config::config_hash: the file after --set, the point's values, arms,
// seed, replications, linksim version). Otherwise the reason the point runs again, in a few words.
std::string stale_reason(const std::string& path, const std::string& hash, nlohmann::json& results) {
  std::ifstream in(path);
  if (!in) return "no earlier result";
  std::ostringstream buf;
  buf << in.rdbuf();
  results = nlohmann::json::parse(buf.str(), nullptr, false);
  if (results.is_discarded() || !results.is_object()) return "the earlier results.json is not readable JSON";
  if (!results.value("complete", false)) return "the earlier run of this point was interrupted";
  const auto old = results.find("config_hash");
  if (old == results.end() || !old->is_string())
    return "the earlier result has no configuration hash (written by an older linksim)";
  if (old->get<std::string>() != hash)
    return fmt::format("the configuration changed since the earlier result (hash {} -> {})", old->get<std::string>(), hash);
  return {};
}

std::string csv_number(const nlohmann::json& v) { return v.is_number() ? v.dump() : std::string(); }

}  // namespace

void add_sweep(CLI::App& app, Dispatch& d) {
  auto* cmd = app.add_subcommand("sweep", "Run a grid of parameter values; finished points are skipped on a rerun");
  auto args = std::make_shared<SweepArgs>();
  cmd->add_option("scenario", args->scenario, "Scenario file or library name")->required();
  cmd->add_option("--vary", args->vary, "PATH=v1,v2,... (repeat for a grid), for example horizon_days=28,56,84")->required();
  cmd->add_option("--reps", args->reps, "Replications per arm and point")->check(CLI::Range(1, 100000));
  cmd->add_option("--seed", args->seed, "Master seed")->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", args->threads, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--out", args->out, "Output directory")->capture_default_str();
  cmd->add_option("--set", args->sets, "Override a scenario value: PATH=VALUE");
  cmd->callback([&d, args] {
    d.action = [args] {
      std::vector<experiment::SweepAxis> axes;
      for (const auto& v : args->vary) axes.push_back(experiment::parse_axis(v));
      const auto points = experiment::grid(axes);
      std::vector<std::string> base_sets = args->sets;
      if (args->reps > 0) base_sets.push_back(fmt::format("replications={}", args->reps));
      if (args->seed >= 0) base_sets.push_back(fmt::format("seed={}", args->seed));
      // Validate every point before running any, so a bad value costs nothing and writes nothing.
      std::vector<config::Scenario> scenarios;
      for (const auto& p : points) {
        auto sets = base_sets;
        sets.insert(sets.end(), p.assignments.begin(), p.assignments.end());
        scenarios.push_back(load(args->scenario, sets));
      }
      nlohmann::json sweep = {{"scenario", {{"name", scenarios[0].name}, {"description", scenarios[0].description}}},
                              {"parameters", nlohmann::json::array()}, {"points", nlohmann::json::array()}};
      for (const auto& a : axes) sweep["parameters"].push_back(a.path);
      std::string csv = "point";
      for (const auto& a : axes) csv += "," + a.path;
      csv += ",arm,metric,mean,ci95_lo,ci95_hi\n";
      // Under mpirun, process I of N runs the points i with i mod N = I (each writes its points'
      // directories) and rank 0 gathers their results; one process runs them all.
      experiment::ProcessGroup& group = experiment::process_group();
      const auto rank = static_cast<std::size_t>(group.rank()), ranks = static_cast<std::size_t>(group.size());
      if (ranks > 1) group.start_work();
      std::vector<nlohmann::json> point_results(points.size());
      std::size_t reused = 0;
      int code = 0;
      for (std::size_t i = rank; i < points.size(); i += ranks) {
        const std::string dir = fmt::format("{}/points/{:03}", args->out, i);
        nlohmann::json results;
        const std::string why = stale_reason(dir + "/results.json", config::config_hash(scenarios[i]), results);
        if (why.empty()) {
          ++reused;
        } else {
          // One line per point run; for a point that had results, why they were not reused.
          std::cerr << fmt::format("point {}/{}: {}{}\n", i + 1, points.size(), points[i].values.dump(),
                                   why == "no earlier result" ? "" : " (running again: " + why + ")");
          RunReport r = run_and_write(scenarios[i], dir, args->threads, {{"sweep_point", points[i].values}});
          if (r.code != 0) {
            code = r.code;
            break;
          }
          results = std::move(r.results);
        }
        point_results[i] = std::move(results);
      }
      if (ranks > 1) {
        nlohmann::json mine = {{"code", code}, {"reused", reused}, {"points", nlohmann::json::object()}};
        for (std::size_t i = rank; i < points.size(); i += ranks)
          if (!point_results[i].is_null()) mine["points"][std::to_string(i)] = point_results[i];
        const std::vector<std::string> all = group.all_gather(mine.dump());
        if (rank != 0) return code;
        reused = 0;
        for (const std::string& text : all) {
          const nlohmann::json theirs = nlohmann::json::parse(text);
          if (code == 0) code = theirs.at("code").get<int>();
          reused += theirs.at("reused").get<std::size_t>();
          for (const auto& [index, results] : theirs.at("points").items()) point_results[std::stoul(index)] = results;
        }
      }
      for (std::size_t i = 0; i < points.size(); ++i) {
        const nlohmann::json& results = point_results[i];
        // An interrupted sweep writes the points that finished.
        if (results.is_null()) continue;
        nlohmann::json point = {{"values", points[i].values}, {"arms", nlohmann::json::array()}};
        for (const auto& arm : results["arms"]) {
          nlohmann::json metrics = nlohmann::json::object();
          for (const auto& [m, v] : arm["metrics"].items()) {
            const nlohmann::json ci = v.contains("ci95") ? v["ci95"] : nlohmann::json(nullptr);
            metrics[m] = {{"mean", v["mean"]}, {"ci95", ci}};
            std::string row = std::to_string(i);
            for (const auto& a : axes) {
              // Appended in two steps: GCC 12 at -O3 reports a false -Wrestrict for "," + string here.
              row += ',';
              row += points[i].values[a.path].dump();
            }
            // No interval (fewer than 3 replications): empty ci95 cells.
            const bool has_ci = ci.is_array() && ci.size() == 2;
            csv += fmt::format("{},{},{},{},{},{}\n", row, arm["name"].get<std::string>(), m, v["mean"].dump(),
                               has_ci ? csv_number(ci[0]) : "", has_ci ? csv_number(ci[1]) : "");
          }
          point["arms"].push_back({{"name", arm["name"]}, {"metrics", metrics}});
        }
        sweep["points"].push_back(point);
      }
      sweep["complete"] = code == 0;
      report::write_file_atomic(args->out + "/sweep.csv", csv);
      report::write_file_atomic(args->out + "/sweep.json", sweep.dump(2) + "\n");
      report::write_sweep_report_html(sweep, args->out + "/report.html");
      std::cout << fmt::format("sweep: {} points ({} reused from an earlier run, {} run now){}; wrote {}/sweep.csv\n",
                               sweep["points"].size(), reused, sweep["points"].size() - reused,
                               code == 0 ? "" : ", interrupted", args->out);
      if (static_cast<std::size_t>(scenarios[0].replications) < experiment::kMinReplicationsForInterval)
        std::cerr << fmt::format("note: {} replication{} per point: no 95% CIs (empty ci95 cells in sweep.csv); run with --reps {} or more\n",
                                 scenarios[0].replications, scenarios[0].replications == 1 ? "" : "s",
                                 experiment::kMinReplicationsForInterval);
      return code;
    };
  });
}

}  // namespace linksim::cli
