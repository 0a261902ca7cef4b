#!/usr/bin/env bash
# Builds a self-contained strassen-repro for linux-x64 without libtorch (the cpu and gpu engines need none) and packs
# it as one .tar.xz, to carry to a GPU machine that has the NVIDIA driver but no .NET: bench/gpu/device-check.sh there.
# Usage: bash bench/gpu/pack.sh [OUT.tar.xz]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/gpu/strassen-repro-linux-x64.tar.xz}
dir=$(mktemp -d)
dotnet publish src/Cli -c Release -r linux-x64 --self-contained -p:TorchDevice=none -o "$dir/strassen-repro" >&2
# Not needed to train, verify or report: ONNX Runtime (export only), the debugger's helpers, TorchSharp's shim, symbols.
rm -f "$dir"/strassen-repro/{libonnxruntime*.so,libmscordaccore.so,libmscordbi.so,createdump,libLibTorchSharp.so} "$dir"/strassen-repro/*.pdb
mkdir -p "$(dirname "$out")"
tar -C "$dir" -cJf "$out" strassen-repro
rm -rf "$dir"
echo "$out ($(du -h "$out" | cut -f1))"
