#!/usr/bin/env bash
# Evaluates source, LeanTTA and the hybrid on shifts outside the shift library (tools/heldout_shifts.py),
# one shift per file and two streams of them (each file goes through the hybrid in order), into
# models/results/heldout.txt. Needs /usr/bin/python3 with numpy (Debian python3-numpy).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/leantta" help >/dev/null   # builds if needed; the runs below use a copy, so a rebuild cannot disturb them
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
cp -r "$ROOT/tools/leantta-cli/target/leantta-cli.jar" "$ROOT/tools/leantta-cli/target/lib" "$DATA/"
/usr/bin/python3 "$ROOT/tools/heldout_shifts.py" "$DATA" > /dev/null
for model in fmnist-resnet8 fmnist-resnet8-int8; do
  for s in rotate zoom-out occlusion gamma vignette-noise stream-persistent stream-mixed; do
    echo "== $model $s"
    java -Dleantta.home="$ROOT" -jar "$DATA/leantta-cli.jar" evaluate --model "$ROOT/models/$model.onnx" --images "$DATA/$s-images-idx3-ubyte.gz" \
        --labels "$DATA/labels-idx1-ubyte.gz" --shifts none --methods source,leantta,leantta-paper,leantta-code,bn-batch64,leantta-hybrid \
        2>/dev/null | grep -E "^as given" | head -1
  done
done > "$ROOT/models/results/heldout.txt"
cat "$ROOT/models/results/heldout.txt"
