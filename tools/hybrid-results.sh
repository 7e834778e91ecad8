#!/usr/bin/env bash
# Source, stateless LeanTTA, the hybrid and bn-batch64 on persistent, gradual, mixed and clean streams of the
# test split, fp32 and int8, into models/results/hybrid-{fp32,int8}.txt. Every stream goes through the hybrid in
# order, one sample at a time, with no reset between its blocks. About 15 minutes on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/leantta" help >/dev/null   # builds if needed
SNAP="$(mktemp -d)"; trap 'rm -rf "$SNAP"' EXIT
cp -r "$ROOT/tools/leantta-cli/target/leantta-cli.jar" "$ROOT/tools/leantta-cli/target/lib" "$SNAP/"
run() { java -Dleantta.home="$ROOT" -jar "$SNAP/leantta-cli.jar" evaluate --methods source,leantta,leantta-hybrid,bn-batch64 "$@"; }
for model in fmnist-resnet8 fmnist-resnet8-int8; do
  out="$ROOT/models/results/hybrid-$([[ $model == *int8 ]] && echo int8 || echo fp32).txt"
  {
    echo "### persistent: each of the 17 shifts for 1000 samples at severity 3, then again at severity 5"
    run --model "$ROOT/models/$model.onnx" --stream persistent --severities 3,5 --block 1000
    echo; echo "### gradual: each shift rising 1..5 and falling back, 900 samples per shift"
    run --model "$ROOT/models/$model.onnx" --stream gradual --block 900
    echo; echo "### mixed: 10000 samples, each with a random shift and severity 3 or 5"
    run --model "$ROOT/models/$model.onnx" --stream mixed --severities 3,5 --length 10000
    echo; echo "### clean: the 10000 test images unshifted"
    run --model "$ROOT/models/$model.onnx" --stream clean --length 10000
  } > "$out"
  echo "wrote $out"
done
