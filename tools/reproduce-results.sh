#!/usr/bin/env bash
# Reproduces every number of the README's results section into models/results/ (about 70 minutes on 2 cores).
# Runs from a snapshot of the command-line jars, so rebuilding while it runs cannot disturb it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/models/results"
mkdir -p "$OUT"
"$ROOT/leantta" help >/dev/null            # builds on first use
SNAP="$(mktemp -d)"
trap 'rm -rf "$SNAP"' EXIT
cp -r "$ROOT/tools/leantta-cli/target/leantta-cli.jar" "$ROOT/tools/leantta-cli/target/lib" "$SNAP/"
run() { java -Dleantta.home="$ROOT" -jar "$SNAP/leantta-cli.jar" "$@"; }
INT8="$ROOT/models/fmnist-resnet8-int8.onnx"
INT8_ALL="$SNAP/int8-all-adaptable.onnx"

run evaluate --severities 3,5 --json "$OUT/evaluate-fp32.json" > "$OUT/evaluate-fp32.txt"
run evaluate --model "$INT8" --severities 3,5 --methods source,bn-batch64,leantta \
    --json "$OUT/evaluate-int8.json" > "$OUT/evaluate-int8.txt"
run evaluate --limit 2000 --severities 3,5 \
    --sweep-layers "none;first:1;first:3;first:5;first:7;last:3;last:5;all" > "$OUT/depth-fp32.txt"
run quantize --out "$INT8_ALL" --adapt-layers all > /dev/null
run evaluate --model "$INT8_ALL" --limit 2000 --severities 3,5 \
    --sweep-layers "none;first:1;first:3;first:5;first:7;last:3;last:5;all" > "$OUT/depth-int8.txt"
run bench --int8 "$INT8" --profile > "$OUT/bench.txt"
run quantize --out "$SNAP/int8-fused.onnx" --adapt-layers none > /dev/null
run bench --int8 "$SNAP/int8-fused.onnx" --profile > "$OUT/bench-int8-fused.txt"
run threshold > "$OUT/threshold.txt"
"$ROOT/tools/hybrid-results.sh"
"$ROOT/tools/heldout-results.sh" > /dev/null
echo "results in $OUT (the tuning records: ./leantta tune, tools/tune-hybrid.sh)"
