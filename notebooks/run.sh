#!/usr/bin/env bash
# Executes notebooks headless with the local dotnet-repl tool and writes each one back WITH its outputs
# (what is committed, so that plots show on a code host). Usage: notebooks/run.sh [NAME.ipynb ...]
# (default: every notebook here). Needs a Release build and the tools of .config/dotnet-tools.json:
#   dotnet build Simulator.sln -c Release && dotnet tool restore
# Stops at the first notebook with a failing cell (dotnet-repl exits non-zero), leaving it unchanged.
set -euo pipefail
cd "$(dirname "$0")"   # the kernel's working directory: the notebooks' own paths are relative to this folder
command -v jq >/dev/null || { echo "run.sh needs jq (apt-get install jq)" >&2; exit 1; }
[ $# -gt 0 ] || set -- *.ipynb
for nb in "$@"; do
  nb=$(basename "$nb")
  out=$(mktemp --suffix .ipynb)
  echo "== $nb"
  start=$SECONDS
  dotnet dotnet-repl --run "$nb" --exit-after-run --output-path "$out" >"$out.log" 2>&1 \
    || { cat "$out.log" >&2; echo "$nb: a cell failed (output in $out)" >&2; exit 1; }
  jq --indent 1 -f clean.jq "$out" > "$nb"
  rm -f "$out" "$out.log"
  echo "   ok in $((SECONDS - start)) s"
done
