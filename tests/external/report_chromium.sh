#!/usr/bin/env bash
# Opens fixture reports (run, sweep, and a one-arm/one-replication edge case), the report of a
# small real policy run (scenarios/limiter_stress.json, every policy arm, 200 senders, 3
# replications) and the sensitivity.html of a tiny `linksim sensitivity --sobol 2` run in
# headless Chromium and checks that every chart drew an <svg>, that no script error, console
# error or console warning occurred, that a scenario named <script>alert(1)</script> shows as text;
# for the policy report also that the trade-off chart is the first chart, that its point numbers as
# drawn do not overlap and that no axis of it shows a negative value. Keeps screenshots next to the
# CLI (build/report-screenshot.png, build/report-screenshot-full.png, build/sweep-screenshot.png,
# build/policy-report-screenshot.png, build/sensitivity-screenshot.png).
#
# Usage (CMake runs it from the repository root): bash tests/external/report_chromium.sh BUILD/linksim
# Exit 0: pass; 1: fail; 77: skipped (no Chromium outside CI, or no test binary).
# The fixture reports come from the hidden Catch2 test "[.report-fixture]" (tests/report/report_html_test.cpp).
set -uo pipefail

cli=${1:?usage: report_chromium.sh PATH/TO/linksim}
build_dir=$(cd "$(dirname "$cli")" && pwd)
tests_bin=$build_dir/linksim_tests

chromium_bin=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$chromium_bin" ] || [ ! -x "$chromium_bin" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: chromium is not installed (Debian package 'chromium'); CI must run this check" >&2
    exit 1
  fi
  echo "SKIP: chromium is not installed (apt-get install chromium)" >&2
  exit 77
fi
if [ ! -x "$tests_bin" ]; then
  echo "SKIP: $tests_bin not built" >&2
  exit 77
fi

out=$build_dir/report-check
rm -rf "$out"
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

if ! LINKSIM_REPORT_OUT=$out/report.html LINKSIM_SWEEP_REPORT_OUT=$out/sweep-report.html \
    LINKSIM_DEGENERATE_REPORT_OUT=$out/edge-report.html \
    "$tests_bin" "[.report-fixture]" > "$out/fixture.log" 2>&1; then
  echo "FAIL: could not write the fixture reports:" >&2
  cat "$out/fixture.log" >&2
  exit 1
fi

# A real policy run, small enough for a few seconds: the scenario named like the fixtures so the
# escaping check below applies to it too.
if ! "$cli" run scenarios/limiter_stress.json --reps 3 --threads 2 --set population.senders=200 \
    --set world.members=20000 --set 'name=limiter stress <script>alert(1)</script>' \
    --out "$out/policy-run" > "$out/policy-run.log" 2>&1; then
  echo "FAIL: linksim run scenarios/limiter_stress.json failed:" >&2
  cat "$out/policy-run.log" >&2
  exit 1
fi
cp "$out/policy-run/report.html" "$out/policy-report.html"

# The sensitivity report (Morris scatter, Sobol' bars, tornado) of a tiny two-arm world, a few
# seconds, named like the fixtures.
cat > "$out/sensitivity-tiny.json" <<'TINY'
{"name": "sensitivity <script>alert(1)</script>", "description": "tiny world", "horizon_days": 21, "replications": 1, "seed": 5,
 "world": {"members": 2000},
 "senders": {"focal": {"count": 3, "plan": "free", "strategy": {"preset": "targeted_cold"}}},
 "arms": [{"name": "cold", "patch": {}},
          {"name": "personal", "patch": {"senders": {"focal": {"strategy": {"preset": "personalized"}}}}}]}
TINY
if ! "$cli" sensitivity "$out/sensitivity-tiny.json" --params inmail.intercept,invite.accept.intercept,invite.attention \
    --metrics connections_gained,replies --reps 1 --trajectories 2 --sobol 2 --sobol-samples 4 --threads 2 \
    --out "$out/sensitivity-run" > "$out/sensitivity-run.log" 2>&1; then
  echo "FAIL: linksim sensitivity failed:" >&2
  cat "$out/sensitivity-run.log" >&2
  exit 1
fi
cp "$out/sensitivity-run/sensitivity.html" "$out/sensitivity-report.html"

# A fresh profile per run; no network at all (any fetch the page tried would fail and be
# reported as an error by the page), no GPU, no background services.
chrome() {
  local run_profile
  run_profile=$(mktemp -d -p "$profile")
  timeout 120 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$run_profile" --enable-logging=stderr --v=0 "$@"
}

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# check_page FILE MIN_CHARTS: dump the DOM after the page's scripts ran, then read the markers
# the page's render script leaves on <body> and in #linksim-errors.
check_page() {
  local page=$1 min_charts=$2 name
  name=$(basename "$page" .html)
  chrome --virtual-time-budget=10000 --dump-dom "file://$page" > "$out/$name.dom.html" 2> "$out/$name.chromium.log"
  local rc=$?
  if [ $rc -ne 0 ]; then
    fail "$name: chromium exited with $rc (log: $out/$name.chromium.log)"
    return
  fi
  local dom=$out/$name.dom.html body
  body=$(grep -o '<body[^>]*data-render-state[^>]*>' "$dom" | head -1)
  local state expected rendered errors
  state=$(sed -n 's/.*data-render-state="\([^"]*\)".*/\1/p' <<< "$body")
  expected=$(sed -n 's/.*data-charts-expected="\([0-9]*\)".*/\1/p' <<< "$body")
  rendered=$(sed -n 's/.*data-charts-rendered="\([0-9]*\)".*/\1/p' <<< "$body")
  errors=$(sed -n 's/.*data-errors="\([0-9]*\)".*/\1/p' <<< "$body")
  echo "$name: render-state=${state:-?} charts rendered ${rendered:-?} of ${expected:-?}, page errors ${errors:-?}"
  [ "$state" = "done" ] || fail "$name: the render script did not finish (state '${state:-missing}')"
  [ -n "$expected" ] && [ "$expected" -ge "$min_charts" ] || fail "$name: expected at least $min_charts charts, page has ${expected:-none}"
  [ -n "$rendered" ] && [ "$rendered" = "$expected" ] || fail "$name: only ${rendered:-0} of ${expected:-?} charts rendered"
  [ "$errors" = "0" ] || fail "$name: the page caught $errors error(s): $(sed -n 's/.*<pre id="linksim-errors"[^>]*>\([^<]*\).*/\1/p' "$dom" | head -c 2000)"
  # Each chart element holds the <svg> vega-embed drew.
  local svgs
  svgs=$(grep -o '<svg' "$dom" | wc -l)
  [ "$svgs" -ge "${expected:-1}" ] || fail "$name: $svgs <svg> elements for ${expected:-?} charts"
  # The hostile scenario name is text: escaped in the DOM, never an element.
  grep -q 'id="scenario-name">[^<]*&lt;script&gt;alert(1)&lt;/script&gt;</h1>' "$dom" ||
    fail "$name: the scenario name is not shown as text"
  if grep -q '<script>alert(1)' "$dom"; then fail "$name: the scenario name became a <script> element"; fi
  # Chromium's own log (--enable-logging=stderr): uncaught exceptions appear as
  # `INFO:CONSOLE:LINE] "Uncaught ...`, whatever the page itself managed to record.
  if grep -E 'Uncaught|CONSOLE:?\(?[0-9]+\)?\] "(Uncaught|Error)' "$out/$name.chromium.log" > "$out/$name.console-errors.txt"; then
    fail "$name: console errors in the chromium log: $(head -c 2000 "$out/$name.console-errors.txt")"
  fi
}

check_page "$out/policy-report.html" 5

# The policy report: the trade-off chart is the first chart on the page, its legend table has a
# row per arm, and (measured in the browser, through a probe page that opens the report in an
# iframe) its point numbers do not overlap and no axis label is negative.
policy_dom=$out/policy-report.dom.html
# (vega-embed adds its own class to each chart element once it has drawn into it.)
first_chart=$(grep -o '<div class="chart[^"]*" id="[^"]*"' "$policy_dom" | head -1 | sed 's/.* id="\([^"]*\)"/\1/')
[ "$first_chart" = chart-policy-tradeoff ] ||
  fail "policy-report: the first chart is '${first_chart:-none}', not the trade-off"
# One legend row and one number per arm of the run.
want_arms=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["arms"]))' "$out/policy-run/results.json")
arms=$(grep -o '<span class="marker[^"]*"></span>' "$policy_dom" | wc -l)
[ "$arms" = "$want_arms" ] || fail "policy-report: the trade-off legend has $arms rows, not $want_arms (one per arm)"
grep -q '<p class="non-dominated"><strong>Non-dominated:</strong> [a-z_0-9]' "$policy_dom" ||
  fail "policy-report: no non-dominated arms listed"
cat > "$out/probe.html" <<'PROBE'
<!DOCTYPE html>
<html><body data-probe="pending"><iframe id="report" src="policy-report.html" width="1200" height="3000"></iframe>
<script>
(function () {
  function done(status, detail) {
    document.body.setAttribute('data-probe', status);
    document.body.setAttribute('data-probe-detail', detail);
  }
  function check() {
    var doc = null;
    try { doc = document.getElementById('report').contentDocument; } catch (e) { done('error', 'no access to the report: ' + e); return; }
    if (!doc || !doc.body || doc.body.getAttribute('data-render-state') !== 'done') { setTimeout(check, 100); return; }
    var chart = doc.getElementById('chart-policy-tradeoff');
    if (!chart) { done('fail', 'no trade-off chart'); return; }
    var numbers = Array.prototype.slice.call(chart.querySelectorAll('g.mark-text.role-mark text'));
    var boxes = numbers.map(function (t) { return t.getBoundingClientRect(); });
    var problems = [];
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        // Half a pixel of tolerance for anti-aliasing.
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          problems.push('numbers ' + numbers[i].textContent + ' and ' + numbers[j].textContent + ' overlap');
      }
    }
    chart.querySelectorAll('g.role-axis-label text').forEach(function (t) {
      if (/^[−-]/.test(t.textContent)) problems.push('negative axis label ' + t.textContent);
    });
    done(problems.length ? 'fail' : 'pass', numbers.length + ' numbers; ' + problems.join('; '));
  }
  check();
})();
</script></body></html>
PROBE
chrome --allow-file-access-from-files --virtual-time-budget=15000 --dump-dom "file://$out/probe.html" \
  > "$out/probe.dom.html" 2> "$out/probe.chromium.log"
probe=$(grep -o '<body[^>]*>' "$out/probe.dom.html" | head -1)
probe_state=$(sed -n 's/.*data-probe="\([^"]*\)".*/\1/p' <<< "$probe")
probe_detail=$(sed -n 's/.*data-probe-detail="\([^"]*\)".*/\1/p' <<< "$probe")
echo "policy-report probe: ${probe_state:-?} (${probe_detail:-no detail})"
[ "$probe_state" = pass ] || fail "policy-report: ${probe_detail:-the probe did not finish (log: $out/probe.chromium.log)}"
case "$probe_detail" in
  "$want_arms numbers;"*) ;;
  *) fail "policy-report: expected $want_arms point numbers on the trade-off chart: $probe_detail" ;;
esac

check_page "$out/report.html" 7
check_page "$out/sweep-report.html" 2
check_page "$out/edge-report.html" 4  # one arm, one replication, no leads, nobody restricted
check_page "$out/sensitivity-report.html" 3  # Morris scatter, Sobol' bars, tornado

# Headless screenshots capture the window from the top (a #fragment does not scroll them), so
# the whole report gets a second, taller one.
screenshot() {
  local url=$1 png=$2 size=$3
  rm -f "$png"
  chrome --virtual-time-budget=10000 --run-all-compositor-stages-before-draw --hide-scrollbars \
    --window-size="$size" --screenshot="$png" "$url" > "$out/screenshot.log" 2>&1
  if [ ! -s "$png" ] || [ "$(stat -c %s "$png")" -lt 20000 ]; then
    fail "no usable screenshot at $png (log: $out/screenshot.log)"
  else
    echo "screenshot: $png ($(stat -c %s "$png") bytes)"
  fi
}
screenshot "file://$out/report.html" "$build_dir/report-screenshot.png" 1280,2400
screenshot "file://$out/report.html" "$build_dir/report-screenshot-full.png" 1280,7200
screenshot "file://$out/sweep-report.html" "$build_dir/sweep-screenshot.png" 1280,2400
screenshot "file://$out/policy-report.html" "$build_dir/policy-report-screenshot.png" 1200,3000
screenshot "file://$out/sensitivity-report.html" "$build_dir/sensitivity-screenshot.png" 1280,2400

if [ $failures -ne 0 ]; then
  echo "report_chromium: $failures check(s) failed; pages and logs in $out" >&2
  exit 1
fi
echo "report_chromium: all checks passed"
