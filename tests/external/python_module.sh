#!/usr/bin/env bash
# The Python module (BUILD/python/linksim, built when pybind11 is installed) against the CLI:
# tests/python/module_test.py. Usage: bash tests/external/python_module.sh PATH-TO-LINKSIM (from the
# repo root). Exit 77 = skipped (no module in this build, e.g. a sanitizer build, or no pandas).
set -euo pipefail
linksim=$(realpath "${1:-build/linksim}")
python_dir=$(dirname "$linksim")/python
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
if ! ls "$python_dir"/linksim/_core*.so >/dev/null 2>&1; then
  echo "skipped: no Python module in $(dirname "$linksim") (pybind11 not found, or a sanitizer build)"
  exit 77
fi
if ! "$py" -c "import pandas" 2>/dev/null; then
  echo "skipped: $py has no pandas"
  exit 77
fi
PYTHONPATH="$python_dir" "$py" tests/python/module_test.py "$linksim"
