#!/usr/bin/env bash
# Fills results/discover/: for each target shape, one `discover` run with a time budget, pinned to one core, timed
# (user + system), its summary (summary.json), report (discovery.md), the run log, and at most KEEP scheme files at
# the best-known rank (fewest additions first), each checked by `verify`. Then results/discover/table.md.
# Usage: bench/discover/results.sh [MINUTES] [KEEP]   (from the repository root; builds Release first)
set -euo pipefail
minutes=${1:-2}
keep=${2:-3}
root=results/discover
dotnet build src/Cli -c Release -v q -nologo >/dev/null
cli="dotnet src/Cli/bin/Release/net10.0/strassen-repro.dll"
# shape rank protocol (the protocol chosen per shape in docs/discover.md, "Which protocol")
targets=("2,2,3 11 als" "2,2,4 14 als" "2,3,3 15 train" "2,2,5 18 als" "2,3,4 20 als-crystallize"
         "3,3,3 23 train" "2,4,4 26 train" "2,3,5 25 als" "3,3,4 29 als")
mkdir -p "$root"
for t in "${targets[@]}"; do
  read -r shape rank protocol <<<"$t"
  name="${shape//,/x}-rank-$rank"
  out="$root/$name"
  work=$(mktemp -d)
  rm -rf "$out"; mkdir -p "$out/schemes"
  set +e
  /usr/bin/time -f "%U %S %e" -o "$out/time.txt" taskset -c 0 $cli discover --shape "$shape" --rank "$rank" \
    --protocol "$protocol" --minutes "$minutes" --threads 1 --out "$work" --json >"$out/summary.json" 2>"$out/progress.txt"
  set -e
  cp "$work/discovery.md" "$out/" 2>/dev/null || true
  cp -r "$work/figures" "$out/" 2>/dev/null || true
  cp "$work/runs.jsonl" "$out/" 2>/dev/null || true
  python3 - "$out" "$keep" <<'PY'
import json, shutil, sys, os
out, keep = sys.argv[1], int(sys.argv[2])
s = json.load(open(os.path.join(out, "summary.json")))
for k, d in enumerate(sorted(s["schemes"], key=lambda d: d["additions"])[:keep]):
    shutil.copy(d["path"], os.path.join(out, "schemes", os.path.basename(d["path"])))
PY
  for f in "$out"/schemes/*.json; do [ -e "$f" ] && $cli verify "$f" >/dev/null; done
  sed -i "s#$work/#OUT/#g" "$out/summary.json" "$out/discovery.md" 2>/dev/null || true
  rm -rf "$work"
done
python3 - "$root" <<'PY'
import json, os, sys
root = sys.argv[1]
rows = ["| shape;rank | protocol | runs | exact | distinct | fewest additions | CPU min (user+sys) | exact per CPU-minute | best-known rank |",
        "|---|---|---|---|---|---|---|---|---|"]
for name in sorted(os.listdir(root)):
    p = os.path.join(root, name, "summary.json")
    if not os.path.exists(p): continue
    s = json.load(open(p))
    u, sy, _ = open(os.path.join(root, name, "time.txt")).read().split()[-3:]
    cpu = (float(u) + float(sy)) / 60
    adds = min([d["additions"] for d in s["schemes"]] or ["-"])
    rows.append(f"| <{','.join(map(str, s['shape']))};{s['rank']}> | {s['protocol']} | {s['runs']} | {s['exactAfterCrystallization']} | "
                f"{s['distinctSchemes']} | {adds} | {cpu:.2f} | {s['exactAfterCrystallization'] / cpu:.1f} | {s['bestKnownRank']} |")
open(os.path.join(root, "table.md"), "w").write("\n".join(rows) + "\n")
print("\n".join(rows))
PY
