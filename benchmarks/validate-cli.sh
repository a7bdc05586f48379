#!/usr/bin/env bash
# The validation CLI on a folder of 50 plugins in a fresh JVM, median of N runs, in milliseconds.
# Usage: benchmarks/validate-cli.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${BENCHMARKS_JAR:-$here/target/benchmarks.jar}"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$jar" dev.konnectplugins.benchmarks.StubMain "$work/url" "$work/plugins" < /dev/null > /dev/null
millis() { date +%s%N | cut -b1-13; }
times=()
for ((i = 0; i < runs; i++)); do
  start=$(millis)
  java -cp "$jar" dev.konnectplugins.validation.cli.Main "$work"/plugins/* > "$work/out" || {
    echo "validation CLI failed:" >&2; cat "$work/out" >&2; exit 1; }
  times+=($(( $(millis) - start )))
done
ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "| validation: CLI on 50 plugins, fresh JVM, median of $runs | ${ms} ms |"
