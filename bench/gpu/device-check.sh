#!/usr/bin/env bash
# Everything GPU-related in one call, on a machine with an NVIDIA GPU and its driver (no .NET, no CUDA toolkit needed):
# the device, the gpu engine's throughput (2^16, 2^18, 2^20 runs at B = 32 and 256), its agreement with the cpu engine
# (trajectories to float rounding, outcome distributions with a chi-squared test) and the quick reproduction on both
# engines. Usage: bash bench/gpu/device-check.sh BUNDLE.tar.xz OUTDIR   (BUNDLE from bench/gpu/pack.sh)
# STAGES (default: all, in this order) picks stages: throughput latency cpu agreement smoke outcomes quick.
set -uo pipefail
bundle=${1:?bundle .tar.xz from bench/gpu/pack.sh}; out=${2:?output folder}
mkdir -p "$out"; work=$(mktemp -d)
tar -C "$work" -xJf "$bundle" || { echo "cannot unpack $bundle"; exit 2; }
cli="$work/strassen-repro/strassen-repro"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
log="$out/log.txt"; json="$out/results.txt"
step() { # name, then the command's arguments; human and JSON output both kept
  local name=$1; shift
  echo "== $name: strassen-repro $* ($(date -u +%T))" | tee -a "$log"
  local start=$SECONDS
  "$cli" "$@" >"$work/out" 2>>"$log"; local rc=$?
  { echo "== $name (exit $rc, $((SECONDS - start)) s)"; cat "$work/out"; } >>"$json"
  cat "$work/out" >>"$log"; echo "   exit $rc, $((SECONDS - start)) s" | tee -a "$log"
}
stages=${STAGES:-throughput latency cpu agreement smoke outcomes quick}
has() { [[ " $stages " == *" $1 "* ]]; }
{ nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv; nproc; } 2>&1 | tee -a "$log"
if has throughput; then
  for b in 32 256; do
    for p in 65536 262144 1048576; do
      steps=$(( b == 32 ? 64000000 / p + 50 : 8000000 / p + 10 ))
      step "throughput-b$b-p$p" bench train-throughput --engine gpu --device cuda --batch-size $b --population $p --steps $steps --json
    done
  done
fi
if has latency; then   # small populations: one thread per run, so a step costs one run's latency
  for b in 32 256; do
    for p in 1 20 256; do
      step "latency-b$b-p$p" bench train-throughput --engine gpu --device cuda --batch-size $b --population $p --steps $(( b == 32 ? 2000 : 300 )) --json
    done
  done
fi
has cpu && step throughput-cpu-engine bench train-throughput --engine cpu --batch-size 32 --population 1024 --steps 1000 --json
has agreement && step agreement bench agreement --engine gpu --device cuda --batch-size 32 --population 1024 --steps 1,10,100,300 --json
if has smoke; then
  step smoke-gpu reproduce --preset smoke --engine gpu --device cuda --out "$work/smoke-gpu" --json
  cp "$work/smoke-gpu/summary.json" "$out/summary-smoke-gpu.json" 2>/dev/null
fi
has outcomes && step outcomes bench agreement --engine gpu --device cuda --batch-size 32 --population 64 --steps 1 --outcomes 256 --json
if has quick; then
  step quick-gpu reproduce --engine gpu --device cuda --out "$work/quick-gpu" --json
  cp "$work/quick-gpu/summary.json" "$out/summary-gpu.json" 2>/dev/null
  step quick-cpu reproduce --engine cpu --out "$work/quick-cpu" --json
  cp "$work/quick-cpu/summary.json" "$out/summary-cpu.json" 2>/dev/null
fi
echo "done ($SECONDS s)" | tee -a "$log"
