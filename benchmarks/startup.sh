#!/usr/bin/env bash
# Start-up: a fresh JVM making one get, SDK against raw, median of N runs each (interleaved), in milliseconds.
# Usage: benchmarks/startup.sh [RUNS]   (needs benchmarks/target/benchmarks.jar: mvn -pl benchmarks -am package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${BENCHMARKS_JAR:-$here/target/benchmarks.jar}"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'exec 3>&-; rm -rf "$work"' EXIT
mkfifo "$work/stdin"
java -cp "$jar" dev.konnectplugins.benchmarks.StubMain "$work/url" < "$work/stdin" &
exec 3>"$work/stdin"
while [ ! -s "$work/url" ]; do sleep 0.1; done
url="$(cat "$work/url")"

millis() { date +%s%N | cut -b1-13; }
declare -a sdk raw
for ((i = 0; i < runs; i++)); do
  for kind in sdk raw; do
    start=$(millis)
    java -cp "$jar" dev.konnectplugins.benchmarks.StartupProbe "$kind" "$url" 2>/dev/null
    elapsed=$(( $(millis) - start ))
    if [ "$kind" = sdk ]; then sdk+=("$elapsed"); else raw+=("$elapsed"); fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms_sdk=$(median "${sdk[@]}"); ms_raw=$(median "${raw[@]}")
echo "| start-up: fresh JVM, one get, median of $runs (SDK - raw) | SDK ${ms_sdk} ms, raw ${ms_raw} ms: $((ms_sdk - ms_raw)) ms |"
