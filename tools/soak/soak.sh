#!/usr/bin/env bash
# The gateway's soak: a fresh Mosquitto, './leantta run' on it with the shipped JVM limits, 1,000,000 samples at a
# sustained rate, the gateway's RSS read every 5 s. Writes results/soak-<count>.json and .txt.
#   tools/soak/soak.sh [--count N] [--rate N] [other 'leantta soak' options]
# Needs mosquitto (apt-get install mosquitto). Takes about 30 minutes at the default 600 samples/s.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/leantta" help > /dev/null   # builds once if needed; the runs below never build
export LEANTTA_NO_BUILD=1
count=1000000
args=()
while (($#)); do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
out="$ROOT/tools/soak/results/soak-$count"
mkdir -p "$(dirname "$out")"
"$ROOT/leantta" soak --count "$count" --out "$out.json" "${args[@]}" 2>&1 | tee "$out.txt"
