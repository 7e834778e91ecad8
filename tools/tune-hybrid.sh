#!/usr/bin/env bash
# Chooses the hybrid's knobs on the validation split (training images 55000-59999), never on the test split:
# error of leantta-hybrid on a persistent (severity 3), a gradual, a mixed (severities 3 and 5) and a clean
# stream. Part A: momentum x change threshold; the lowest mean over the four streams wins. Part B: at that
# point, the trust check's margin x rate. Output: models/results/tune-hybrid.txt. About 30 minutes on 2 cores.
#   tools/tune-hybrid.sh            both parts
#   tools/tune-hybrid.sh B M T      part B only, at momentum M and threshold T
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/leantta" help >/dev/null   # builds if needed
SNAP="$(mktemp -d)"; trap 'rm -rf "$SNAP"' EXIT
cp -r "$ROOT/tools/leantta-cli/target/leantta-cli.jar" "$ROOT/tools/leantta-cli/target/lib" "$SNAP/"
VAL="$ROOT/models/fashion-mnist/val"
run() { java -Dleantta.home="$ROOT" -jar "$SNAP/leantta-cli.jar" evaluate \
  --images "$VAL-images-idx3-ubyte.gz" --labels "$VAL-labels-idx1-ubyte.gz" --methods source,leantta-hybrid "$@" \
  | awk '/^(mean|clean) /{m=$0} END{split(m, f, " "); print f[3]" | "f[4]}'; }
header() { printf "%-9s %-10s  %-18s %-18s %-18s %-18s %s\n" "$1" "$2" "persistent sev3" "gradual" "mixed sev3,5" \
  "clean" "mean hybrid"; }
# one row: the two knob values, then the four streams and the mean of the hybrid's errors
row() {
  local a="$1" b="$2"; shift 2
  local p g m c
  p=$(run "$@" --stream persistent --severities 3 --block 500)
  g=$(run "$@" --stream gradual --block 450)
  m=$(run "$@" --stream mixed --severities 3,5 --length 3000)
  c=$(run "$@" --stream clean --length 3000)
  printf "%-9s %-10s  %-18s %-18s %-18s %-18s %s\n" "$a" "$b" "$p" "$g" "$m" "$c" \
    "$(echo "$p $g $m $c" | awk '{printf "%.2f", ($3+$6+$9+$12)/4}')"
}
partB() {
  echo "part B, at momentum $1 and change threshold $2"
  header margin "trust rate"
  for margin in 0.01 0.02; do
    for rate in 0.1 0.03; do
      row "$margin" "$rate" --momentum "$1" --change-threshold "$2" --trust-margin "$margin" --trust-rate "$rate"
    done
  done
}
if [[ "${1:-}" == B ]]; then
  partB "$2" "$3"
  exit 0
fi
OUT="$ROOT/models/results/tune-hybrid.txt"
{
  echo "leantta-hybrid on the validation split: error % (source | hybrid) per stream"
  echo "part A, with the shipped trust check"
  header momentum threshold
  for momentum in 0.01 0.02 0.05; do
    for threshold in 0.06 0.08 0.12; do
      row "$momentum" "$threshold" --momentum "$momentum" --change-threshold "$threshold"
    done
  done
} | tee "$OUT.a"
best=$(awk 'NR>3 && $NF+0 > 0 {print $NF, $1, $2}' "$OUT.a" | sort -n | head -1)
{ cat "$OUT.a"; echo; partB $(echo "$best" | awk '{print $2, $3}'); } | tee "$OUT"
rm -f "$OUT.a"
