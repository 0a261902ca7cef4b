#!/usr/bin/env bash
# verify over a folder of catalogue files against an independent NumPy check of the same files, in one run on one
# machine: `strassen-repro verify DIR --recursive --json` (all cores, or THREADS) and check.py (reads the catalogue
# JSON itself, Brent equations exactly with numpy.einsum over integers), verdicts compared file by file (they must
# agree), both wall times and their ratio printed. It downloads nothing; get a folder with
#   git clone --depth 1 https://github.com/dronperminov/FastMatrixMultiplication && DIR=FastMatrixMultiplication/schemes/results
# Usage: bench/catalogue/run.sh DIR [THREADS]   (from the repository root; builds Release first; exit 1 on a disagreement)
set -euo pipefail
dir=${1:?usage: bench/catalogue/run.sh DIR [THREADS]}
threads=${2:-0}
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-}
for candidate in python3 /usr/bin/python3; do
  [ -z "$py" ] && "$candidate" -c "import numpy" 2>/dev/null && py=$candidate
done
[ -n "$py" ] || { echo "run.sh: no python3 with numpy (apt-get install -y python3-numpy)" >&2; exit 2; }
dotnet build src/Cli -c Release -v q -nologo >/dev/null
cli="dotnet src/Cli/bin/Release/net10.0/strassen-repro.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$dir" -name '*.json' -type f | LC_ALL=C sort >"$work/files.txt"

start=$(date +%s.%N)
set +e
$cli verify "$dir" --recursive --json --threads "$threads" >"$work/ours.json" 2>"$work/ours.err"
exit_code=$?
set -e
ours_s=$(echo "$(date +%s.%N) - $start" | bc)
[ "$exit_code" -le 2 ] || { echo "run.sh: verify failed (exit $exit_code)" >&2; tail -3 "$work/ours.err" >&2; exit 2; }

start=$(date +%s.%N)
"$py" "$here/check.py" - <"$work/files.txt" >"$work/numpy.jsonl"
numpy_s=$(echo "$(date +%s.%N) - $start" | bc)

echo "command: bench/catalogue/run.sh $dir $threads (verify exit $exit_code)"
"$py" "$here/compare.py" "$work/ours.json" "$work/numpy.jsonl" "$ours_s" "$numpy_s" \
  "$([ "$threads" = 0 ] && echo "0 = $(nproc)" || echo "$threads")"
