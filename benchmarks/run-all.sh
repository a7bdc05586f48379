#!/usr/bin/env bash
# Runs every client, validation and sync measurement and prints the tables benchmarks/README.md shows.
# Usage: benchmarks/run-all.sh [--jmh]   (--jmh also runs the JMH suites with -prof gc and the listener's cost:
# about 15 more minutes)
# Builds benchmarks/target/benchmarks.jar first when it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${BENCHMARKS_JAR:-$here/target/benchmarks.jar}"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
# Serial GC: its heap counters are exact, so allocation can be read from them (threads that ended included).
# Small fixed TLABs: an unfilled TLAB counts as allocated, so large ones would blur blocks of a few calls.
GC_FLAGS="-XX:+UseSerialGC -XX:TLABSize=8k -XX:-ResizeTLAB"
echo "## $(date -u +%Y-%m-%d), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
echo
echo "### SDK / raw, same JVM, interleaved (-Xmx64m; list10k in its own -Xmx32m JVM, stub in another JVM)"
java -Xmx64m $GC_FLAGS -cp "$jar" dev.konnectplugins.benchmarks.RatioRunner --only get,create,page100
# The 10k listing runs against a stub in its own JVM, so that the 32 MB heap holds only the two clients.
work="$(mktemp -d)"
mkfifo "$work/stdin"
java -cp "$jar" dev.konnectplugins.benchmarks.StubMain "$work/url" < "$work/stdin" &
exec 3>"$work/stdin"
while [ ! -s "$work/url" ]; do sleep 0.1; done
java -Xmx32m $GC_FLAGS -cp "$jar" dev.konnectplugins.benchmarks.RatioRunner --only list10k --rounds 11 \
  --stub "$(cat "$work/url")" | tail -n 1
exec 3>&-
rm -rf "$work"
echo
echo "### Start-up and validation"
echo
echo "| row | value |"
echo "|---|---|"
"$here/startup.sh" 10
"$here/validate-cli.sh" 5
java -cp "$jar" dev.konnectplugins.benchmarks.RatioRunner --only validate | tail -n 2
echo
echo "### Scale of sync"
echo
BENCHMARKS_JAR="$jar" "$here/sync-scale.sh"
if [ "${1:-}" = "--jmh" ]; then
  corpus="$(mktemp -d)"
  "$here/kong-corpus.sh" "$corpus" 2> /dev/null
  java -jar "$jar" 'ClientBenchmark|ValidationBenchmark' -prof gc -p corpus="$corpus"
  java -Xmx64m $GC_FLAGS -cp "$jar" dev.konnectplugins.benchmarks.ListenerBenchmark --jmh | grep -E "^\\||^JMH|rounds"
  rm -rf "$corpus"
fi
