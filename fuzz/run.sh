#!/usr/bin/env bash
# A bounded libFuzzer campaign: each harness for FUZZ_SECONDS (default 60) — or, with FUZZ_RUNS
# set, for that many executions (FUZZ_SECONDS then only if given too) — one after another,
# from the seed corpus (fuzz/seeds/<harness>, plus scenarios/ and tests/data/bad/ for the file
# harness) and the corpus earlier campaigns grew in BUILD_FUZZ/corpus/<harness>.
# Prints executions and coverage per harness; exits 1 when a harness crashed, leaked, hung
# (FUZZ_TIMEOUT seconds on one input) or ran out of memory; the input is left in
# BUILD_FUZZ/artifacts/ — make it a regression file (tests/data/bad/fuzz-*.json).
#
#   fuzz/run.sh BUILD_FUZZ [harness...]      (make fuzz FUZZ_SECONDS=600 FUZZ_HARNESSES="scenario set")
#   FUZZ_RUNS=1000000 fuzz/run.sh BUILD_FUZZ set   (make fuzz FUZZ_RUNS=1000000 FUZZ_HARNESSES=set)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: fuzz/run.sh BUILD_FUZZ [harness...]}" && pwd)"
shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(scenario merge_patch set vary run_output)
runs="${FUZZ_RUNS:--1}"
if [ "$runs" != -1 ]; then seconds="${FUZZ_SECONDS:-0}"; else seconds="${FUZZ_SECONDS:-60}"; fi
timeout_s="${FUZZ_TIMEOUT:-10}"

# Keys and enum values of the schema: a dictionary lets the fuzzer write them whole.
dict="$build/scenario.dict"
grep -oE '"[A-Za-z_][A-Za-z0-9_]*"' "$root/scenarios/schema.json" "$root"/scenarios/presets/*.json \
  "$root"/scenarios/presets/platform/*.json | cut -d: -f2- | sort -u | sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/"&"/' > "$dict"

status=0
printf '%-12s %12s %8s %10s %8s %s\n' harness executions seconds exec/s coverage result
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  seeds="$build/seeds/$h"
  mkdir -p "$corpus" "$seeds" "$build/artifacts"
  cp "$root/fuzz/seeds/$h/"* "$seeds/" 2>/dev/null || true
  if [ "$h" = scenario ]; then
    cp "$root"/scenarios/*.json "$root"/tests/data/bad/*.json "$seeds/"
  fi
  log="$build/fuzz_$h.log"
  start=$(date +%s)
  set +e
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0:malloc_context_size=2" UBSAN_OPTIONS="print_stacktrace=1" \
    "$build/fuzz_$h" -max_total_time="$seconds" -runs="$runs" -timeout="$timeout_s" -rss_limit_mb=2048 \
      -max_len=65536 -dict="$dict" -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" \
      "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  result=ok
  if [ $rc -ne 0 ]; then
    result="FAILED (exit $rc, see $log)"
    status=1
  fi
  printf '%-12s %12s %8s %10s %8s %s\n' "$h" "${execs:-?}" "$elapsed" \
    "$(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) ))" "${cov:-?}" "$result"
  if [ $rc -ne 0 ]; then grep -E 'ERROR|SUMMARY|fuzz:|Test unit written|terminate' "$log" | head -8 || true; fi
done
exit $status
