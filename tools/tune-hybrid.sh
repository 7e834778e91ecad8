#!/usr/bin/env bash
# Chooses the hybrid's momentum and change threshold on the validation split (training images 55000-59999):
# error of leantta-hybrid on a persistent (severity 3), a gradual, a mixed (severities 3 and 5) and a clean
# stream; the choice is the lowest mean over the four. Then, at the chosen momentum and threshold, the trust
# check's margin and rate on the same streams.
# Output: models/results/tune-hybrid.txt. About 20 minutes on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/leantta" help >/dev/null   # builds if needed
SNAP="$(mktemp -d)"; trap 'rm -rf "$SNAP"' EXIT
cp -r "$ROOT/tools/leantta-cli/target/leantta-cli.jar" "$ROOT/tools/leantta-cli/target/lib" "$SNAP/"
run() { java -Dleantta.home="$ROOT" -jar "$SNAP/leantta-cli.jar" evaluate \
  --images "$ROOT/models/fashion-mnist/val-images-idx3-ubyte.gz" --labels "$ROOT/models/fashion-mnist/val-labels-idx1-ubyte.gz" \
  --methods source,leantta-hybrid "$@" | awk '/^(mean|clean) /{m=$0} END{print m}'; }
OUT="$ROOT/models/results/tune-hybrid.txt"
{
  echo "leantta-hybrid on the validation split: error % (source | hybrid) per stream"
  printf "%-9s %-10s  %-18s %-18s %-18s %-18s %s\n" momentum threshold "persistent sev3" "gradual" \
    "mixed sev3,5" "clean" "mean hybrid"
  for momentum in 0.01 0.02 0.05; do
    for threshold in 0.06 0.08 0.12; do
      k=(--momentum "$momentum" --change-threshold "$threshold")
      p=$(run "${k[@]}" --stream persistent --severities 3 --block 500 | awk '{print $3" | "$4}')
      g=$(run "${k[@]}" --stream gradual --block 450 | awk '{print $3" | "$4}')
      m=$(run "${k[@]}" --stream mixed --severities 3,5 --length 3000 | awk '{print $3" | "$4}')
      c=$(run "${k[@]}" --stream clean --length 3000 | awk '{print $3" | "$4}')
      mean=$(echo "$p $g $m $c" | awk '{printf "%.2f", ($3+$6+$9+$12)/4}')
      printf "%-9s %-10s  %-18s %-18s %-18s %-18s %s\n" "$momentum" "$threshold" "$p" "$g" "$m" "$c" "$mean"
    done
  done
  echo
  printf "%-9s %-10s  %-18s %-18s %-18s %-18s %s\n" margin "trust rate" "persistent sev3" "gradual" \
    "mixed sev3,5" "clean" "mean hybrid"
  for margin in 0.01 0.02; do
    for rate in 0.1 0.03; do
      k=(--trust-margin "$margin" --trust-rate "$rate")
      p=$(run "${k[@]}" --stream persistent --severities 3 --block 500 | awk '{print $3" | "$4}')
      g=$(run "${k[@]}" --stream gradual --block 450 | awk '{print $3" | "$4}')
      m=$(run "${k[@]}" --stream mixed --severities 3,5 --length 3000 | awk '{print $3" | "$4}')
      c=$(run "${k[@]}" --stream clean --length 3000 | awk '{print $3" | "$4}')
      mean=$(echo "$p $g $m $c" | awk '{printf "%.2f", ($3+$6+$9+$12)/4}')
      printf "%-9s %-10s  %-18s %-18s %-18s %-18s %s\n" "$margin" "$rate" "$p" "$g" "$m" "$c" "$mean"
    done
  done
} | tee "$OUT"
