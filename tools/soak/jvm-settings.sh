#!/usr/bin/env bash
# Compares JVM settings for the gateway runtime: the same soak (default 100,000 samples) under each, idle and
# loaded RSS and CPU per sample side by side. Writes results/jvm-settings/<name>.json and results/jvm-settings.txt.
#   tools/soak/jvm-settings.sh [--count N] [--rate N] [--only NAME,NAME]   (--only: rerun these, keep the others)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/leantta" help > /dev/null   # builds once if needed; the runs below never build
export LEANTTA_NO_BUILD=1
count=100000
rate=1000
only=""
while (($#)); do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --only) only=",$2,"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dir="$ROOT/tools/soak/results/jvm-settings"
mkdir -p "$dir"
none="$dir/no-limits.options"
: > "$none"
# name | options file (empty: the shipped one) | LEANTTA_JAVA_OPTS | MALLOC_ARENA_MAX
settings=(
  "jvm-defaults|$none||"
  "xmx64m-g1|$none|-Xmx64m|"
  "xmx64m-serial|$none|-Xmx64m -XX:+UseSerialGC|"
  "shipped|||"
  "shipped-but-g1||-XX:+UseG1GC|"
  "shipped-xmx32m||-Xmx32m|"
  "shipped-xms64m||-Xms64m|"
  "shipped-code-cache-240m||-XX:ReservedCodeCacheSize=240m|"
  "shipped-malloc-arenas-2|||2"
)
for s in "${settings[@]}"; do
  IFS='|' read -r name file opts arena <<< "$s"
  [[ -n "$only" && "$only" != *",$name,"* ]] && continue
  echo "== $name: options file ${file:-shipped}, LEANTTA_JAVA_OPTS='$opts', MALLOC_ARENA_MAX=${arena:-unset}"
  env ${file:+LEANTTA_JVM_OPTIONS_FILE="$file"} ${arena:+MALLOC_ARENA_MAX="$arena"} \
    "$ROOT/leantta" soak --count "$count" --rate "$rate" --gateway-java-opts "$opts" --out "$dir/$name.json" \
    | grep '^soak:' || true
done
rm -f "$none"
python3 - "$dir" "${settings[@]}" <<'PY' | tee "$ROOT/tools/soak/results/jvm-settings.txt"
import json, sys
d = sys.argv[1]
print("| setting | JVM options | idle | first tenth max | last tenth max | max | samples/s | CPU ms/sample | answered |")
print("|---|---|---|---|---|---|---|---|---|")
for s in sys.argv[2:]:
    name, _, _, arena = s.split("|")
    try:
        r = json.load(open(f"{d}/{name}.json"))
    except OSError:
        print(f"| {name} | (no result) ||||||||")
        continue
    rss = r["rssMb"]
    opts = " ".join(r["jvmOptions"]) or "(none)"
    if arena:
        opts += f" (and MALLOC_ARENA_MAX={arena})"
    print(f"| {name} | {opts} | {rss['idle']} | {rss['firstTenthMax']} | {rss['lastTenthMax']} | {rss['max']} |"
          f" {r['ratePerSecond']} | {r['gatewayCpuMsPerSample']} | {r['answered']}/{r['sent']} |")
print()
print("RSS in MB of the gateway process; 'first/last tenth max': the largest of the first and last tenth of the")
print("readings under load (every 5 s).")
PY
