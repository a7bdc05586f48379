#!/usr/bin/env bash
# Scale of sync: 200 control planes x 50 plugins synced against FakeKonnect (in a JVM of its own), four times from
# the same state after a warm-up: no rate limit (with and without the client's validation of each upload); the fake
# limiting the organisation to R requests a second with the client's maxRequestsPerSecond set to R; the same limit
# without the client's. Prints requests per control plane by kind, wall and CPU time, peak heap, 429s and failed
# writes as Markdown tables. R must be below what the sync reaches without a limit (the first row) to mean anything.
# Usage: benchmarks/sync-scale.sh [R] [CONTROL_PLANES] [PLUGINS]   (defaults 10, 200, 50; about 10 minutes)
# The client runs with a fixed -Xmx256m (SYNC_XMX to change it) and the serial collector, whose counters are exact.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${BENCHMARKS_JAR:-$here/target/benchmarks.jar}"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
java "-Xmx${SYNC_XMX:-256m}" -XX:+UseSerialGC -cp "$jar" dev.konnectplugins.benchmarks.SyncScaleBenchmark \
  --rate "${1:-10}" --control-planes "${2:-200}" --plugins "${3:-50}" 2> >(grep -v '^SLF4J' >&2)
