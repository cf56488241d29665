"""The Python module gives the CLI's numbers: for every library scenario at a small size,
linksim.run(...) returns the same results.json and daily.csv bytes as `linksim run` with the same
overrides; the DataFrames hold those numbers; a bad override raises linksim.InputError naming
the JSON path. Usage: python3 module_test.py PATH-TO-LINKSIM (PYTHONPATH holds BUILD/python)."""
import json
import os
import subprocess
import sys
import tempfile

import linksim

cli = sys.argv[1]
small = {"world.members": 5000, "horizon_days": 14}
failures = []
for name in linksim.library():
    r = linksim.run(name, reps=2, overrides=small, threads=2)
    with tempfile.TemporaryDirectory() as out:
        args = [cli, "run", name, "--reps", "2", "--threads", "2", "--out", out]
        for k, v in small.items():
            args += ["--set", f"{k}={json.dumps(v)}"]
        subprocess.run(args, check=True, capture_output=True)
        same_json = open(os.path.join(out, "results.json")).read() == r.results_json
        csv_path = os.path.join(out, "daily.csv")
        same_csv = not os.path.exists(csv_path) or open(csv_path).read() == r.daily_csv
    print(f"{name}: results.json {'same' if same_json else 'DIFFERENT'}, daily.csv {'same' if same_csv else 'DIFFERENT'}")
    if not (same_json and same_csv):
        failures.append(name)
    # The DataFrames hold the document's numbers.
    s = r.summary
    arm = r.results["arms"][0]
    metric = "connections_gained"
    row = s[(s.arm == arm["name"]) & (s.metric == metric)]
    assert len(row) == 1 and row["mean"].iloc[0] == arm["metrics"][metric]["mean"], name
    per = r.metrics
    assert len(per[(per.arm == arm["name"]) & (per.metric == metric)]) == 2, name
    assert set(r.daily.columns) == {"arm", "replication", "day", "metric", "value"}, name

# A bad override: an InputError whose issues name the path.
try:
    linksim.run("default", overrides={"world.membrs": 5000})
    failures.append("no InputError for world.membrs")
except linksim.InputError as e:
    issues = e.args[1]
    assert any(i[0] == "/world/membrs" and "members" in i[3] for i in issues), issues
try:
    linksim.validate("default", overrides={"replications": 0})
    failures.append("no InputError for replications=0")
except linksim.InputError as e:
    assert any(i[0] == "/replications" for i in e.args[1]), e.args
assert linksim.explain("default")["arms"]["cold"]["world"]["members"] > 0

# From any directory, library names resolve in the source tree the module was built from.
here = os.getcwd()
with tempfile.TemporaryDirectory() as elsewhere:
    os.chdir(elsewhere)
    assert "default" in linksim.library()
    assert linksim.explain("ramp_up")["name"]
    try:
        linksim.run("no_such_scenario")
        failures.append("no InputError for an unknown scenario name")
    except linksim.InputError as e:
        assert "ramp_up" in e.args[0], e.args
    os.chdir(here)

if failures:
    print("FAILED:", ", ".join(failures))
    sys.exit(1)
print(f"{len(linksim.library())} library scenarios: the module's results equal the CLI's")
