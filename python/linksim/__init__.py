"""linksim for Python: run a scenario and get its results as pandas DataFrames.

    import linksim
    r = linksim.run("cold_vs_content", reps=4, seed=7, overrides={"world.members": 20000})
    r.metrics                 # one row per arm, metric and replication: arm, metric, replication, value
    r.summary                 # one row per arm and metric: mean, sd, ci95_lo, ci95_hi
    r.comparisons             # paired differences of each arm against the baseline
    r.daily                   # daily.csv: arm, replication, day, metric, value
    r.results                 # results.json as a dict (docs/results-format.md)

The numbers are the CLI's: `linksim run SCENARIO --reps 4 --seed 7 --set world.members=20000`
writes the same results.json (r.results_json holds its exact text). A scenario is a file path, a
library name (scenarios/NAME.json), a dict, JSON text, or None for the built-in default. A bad
scenario or override raises linksim.InputError, whose .issues lists (path, expected, found, hint).
"""
import io
import json
import os

import pandas as pd

from . import _core

__all__ = ["run", "validate", "explain", "Results", "InputError", "library"]

InputError = _core.InputError
_SOURCE_DIR = os.environ.get("LINKSIM_SOURCE_DIR") or "@CMAKE_SOURCE_DIR@"


def library():
    """The names of the library's scenarios (scenarios/*.json)."""
    d = os.path.join(_SOURCE_DIR, "scenarios")
    return sorted(f[:-5] for f in os.listdir(d) if f.endswith(".json") and f != "schema.json")


def _source(scenario):
    if scenario is None:
        return ""
    if isinstance(scenario, dict):
        return json.dumps(scenario)
    s = str(scenario)
    if s.lstrip().startswith("{") or os.path.exists(s):
        return s
    name = s[:-5] if s.endswith(".json") else s
    # As the CLI looks a name up: ./scenarios first, then the source tree's (results.json's
    # scenario.source is the path found, so the two write the same bytes from the same directory).
    for d in ("scenarios", os.path.join(_SOURCE_DIR, "scenarios")):
        path = os.path.join(d, name + ".json")
        if os.sep not in s and os.path.exists(path):
            return path
    raise InputError(f"scenario: expected a file, a library name ({', '.join(library())}), a dict or JSON text, "
                     f"found {s!r}", [("scenario", "a file or a library name", repr(s), "")])


def _sets(overrides, reps=None, seed=None):
    sets = []
    for path, value in (overrides or {}).items():
        sets.append(f"{path}={json.dumps(value)}")
    if reps is not None:
        sets.append(f"replications={int(reps)}")
    if seed is not None:
        sets.append(f"seed={int(seed)}")
    return sets


def _interval(estimate):
    """ci95 as two columns (None below 3 replications, where results.json writes null)."""
    ci = estimate.get("ci95") or [None, None]
    return {"ci95_lo": ci[0], "ci95_hi": ci[1]}


class Results:
    """One run's results: results.json (dict and text), daily.csv, and DataFrames built from them."""

    def __init__(self, results_json, daily_csv):
        self.results_json = results_json
        self.daily_csv = daily_csv
        self.results = json.loads(results_json)

    @property
    def metrics(self):
        rows = []
        for arm in self.results.get("arms", []):
            for metric, m in arm.get("metrics", {}).items():
                for k, v in enumerate(m.get("per_replication") or []):
                    rows.append({"arm": arm["name"], "metric": metric, "replication": k, "value": v})
        return pd.DataFrame(rows, columns=["arm", "metric", "replication", "value"])

    @property
    def summary(self):
        rows = []
        for arm in self.results.get("arms", []):
            for metric, m in arm.get("metrics", {}).items():
                rows.append({"arm": arm["name"], "metric": metric, "mean": m.get("mean"), "sd": m.get("sd"),
                             **_interval(m)})
        return pd.DataFrame(rows, columns=["arm", "metric", "mean", "sd", "ci95_lo", "ci95_hi"])

    @property
    def comparisons(self):
        rows = []
        for c in self.results.get("comparisons", []):
            for metric, m in c.get("metrics", {}).items():
                rows.append({"arm": c.get("arm"), "baseline": c.get("baseline"), "metric": metric,
                             "mean_diff": m.get("mean_diff"), **_interval(m)})
        return pd.DataFrame(rows, columns=["arm", "baseline", "metric", "mean_diff", "ci95_lo", "ci95_hi"])

    @property
    def daily(self):
        return pd.read_csv(io.StringIO(self.daily_csv))


def run(scenario=None, reps=None, seed=None, overrides=None, threads=0):
    """Runs `scenario` (every arm × replication) and returns its Results.

    overrides: {"path.to.value": value, ...}, each applied like the CLI's --set path=value.
    """
    results_json, daily_csv = _core.run(_source(scenario), _sets(overrides, reps, seed), int(threads))
    return Results(results_json, daily_csv)


def validate(scenario=None, overrides=None):
    """Raises InputError (with every issue's JSON path) when the scenario is invalid; else None."""
    _core.validate(_source(scenario), _sets(overrides))


def explain(scenario=None, overrides=None):
    """The effective configuration of each arm (defaults, presets and patches applied), as a dict."""
    return json.loads(_core.explain(_source(scenario), _sets(overrides)))
