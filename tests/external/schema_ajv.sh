#!/usr/bin/env bash
# Outside check: every scenario validates against scenarios/schema.json with ajv (JSON Schema
# 2020-12), and ajv rejects the bad files that are bad by schema alone.
set -euo pipefail
ajv=tools/node_modules/.bin/ajv
if [ ! -x "$ajv" ]; then echo "ajv-cli not installed (run: make npm-tools)"; exit 77; fi
status=0
for f in scenarios/*.json; do
  [ "$(basename "$f")" = schema.json ] && continue
  "$ajv" validate --spec=draft2020 --strict=true -s scenarios/schema.json -d "$f" || status=1
done
for f in tests/data/bad/wrong_type.json tests/data/bad/misspelt_key.json tests/data/bad/horizon_out_of_range.json; do
  if "$ajv" validate --spec=draft2020 -s scenarios/schema.json -d "$f" >/dev/null 2>&1; then
    echo "ajv accepted a bad file: $f"; status=1
  fi
done
exit $status
