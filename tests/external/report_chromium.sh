#!/usr/bin/env bash
# Opens fixture reports (run, sweep, and a one-arm/one-replication edge case) in headless Chromium and checks that every chart drew an
# <svg>, that no script error, console error or console warning occurred, that a scenario named
# <script>alert(1)</script> shows as text, and keeps screenshots next to the CLI
# (build/report-screenshot.png, build/report-screenshot-full.png, build/sweep-screenshot.png).
#
# Usage (CMake runs it from the repository root): bash tests/external/report_chromium.sh BUILD/linksim
# Exit 0: pass; 1: fail; 77: skipped (no Chromium outside CI, or no test binary).
# The reports come from the hidden Catch2 test "[.report-fixture]" (tests/io/report_html_test.cpp).
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

check_page "$out/report.html" 7
check_page "$out/sweep-report.html" 2
check_page "$out/edge-report.html" 4  # one arm, one replication, no leads, nobody restricted

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

if [ $failures -ne 0 ]; then
  echo "report_chromium: $failures check(s) failed; pages and logs in $out" >&2
  exit 1
fi
echo "report_chromium: all checks passed"
