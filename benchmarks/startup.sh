#!/usr/bin/env bash
# Start-up, each command in a fresh JVM, median of N runs, the commands interleaved run by run:
#  1. the SDK: one get, SDK against raw java.net.http (needs benchmarks/target/benchmarks.jar);
#  2. the CLI: `konnect-plugins --version` and `validate` of one plugin (examples/plugins/stream-headers), as
#     `java -jar` and through the cli's launcher (cli/target/konnect-plugins) with its archive, against
#     `java -version` of the same JDK and `luacheck` on the same two files. JDK 17 is `java` on the PATH; JDK 25
#     rows too when JDK25_HOME is set or a JDK 25 is in /usr/lib/jvm. BEFORE_JAR=path adds `java -jar` rows for
#     another build of the CLI (such as main's), measured in the same rounds; CLI_JAR=path measures that jar (and
#     the konnect-plugins launcher beside it) instead of cli/target's.
# Usage: benchmarks/startup.sh [RUNS] [--cli]   (--cli: the CLI rows only)
# luacheck comes from Debian's lua-check package, installed here when it is missing (never by the build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT
millis() { date +%s%N | cut -b1-13; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

if [ "${2:-}" != "--cli" ]; then
  jar="${BENCHMARKS_JAR:-$here/target/benchmarks.jar}"
  mkfifo "$work/stdin"
  java -cp "$jar" dev.konnectplugins.benchmarks.StubMain "$work/url" < "$work/stdin" &
  exec 3>"$work/stdin"
  while [ ! -s "$work/url" ]; do sleep 0.1; done
  url="$(cat "$work/url")"
  declare -a sdk raw
  for ((i = 0; i < runs; i++)); do
    for kind in sdk raw; do
      start=$(millis)
      java -cp "$jar" dev.konnectplugins.benchmarks.StartupProbe "$kind" "$url" 2>/dev/null
      elapsed=$(( $(millis) - start ))
      if [ "$kind" = sdk ]; then sdk+=("$elapsed"); else raw+=("$elapsed"); fi
    done
  done
  exec 3>&-
  ms_sdk=$(median "${sdk[@]}"); ms_raw=$(median "${raw[@]}")
  echo "| start-up: fresh JVM, one get, median of $runs (SDK - raw) | SDK ${ms_sdk} ms, raw ${ms_raw} ms: $((ms_sdk - ms_raw)) ms |"
fi

# --- the CLI ---
cli_jar="${CLI_JAR:-$(ls "$root"/cli/target/konnect-plugins-cli-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)}"
launcher="$(dirname "${cli_jar:-$root/cli/target/x}")/konnect-plugins"
if [ -z "${CLI_JAR:-}" ] && { [ -z "$cli_jar" ] || [ ! -x "$launcher" ]; }; then
  (cd "$root" && mvn -B -q -pl cli -am package -DskipTests)
  cli_jar="$(ls "$root"/cli/target/konnect-plugins-cli-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
fi
if ! command -v luacheck > /dev/null; then
  echo "luacheck is missing: installing Debian's lua-check" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q lua-check > /dev/null; else sudo apt-get install -y -q lua-check > /dev/null; fi
fi
plugin="$root/examples/plugins/stream-headers"
jdk17="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
jdk25="${JDK25_HOME:-$(ls -d /usr/lib/jvm/*-25-* 2>/dev/null | head -n 1 || true)}"
jdks=("$jdk17")
[ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ] && jdks+=("$jdk25")
export KONNECT_PLUGINS_CACHE="$work/cache"
unset KONNECT_PLUGINS_JAVA_OPTS KONNECT_PLUGINS_DEBUG KONNECT_PLUGINS_JAR

# The launcher's archives, recorded (in the background, as on a first use) before anything is timed.
archives() { find "$work/cache" \( -name '*.jsa' -o -name '*.aot' \) 2>/dev/null | wc -l; }
recording() { find "$work/cache" -name '*.lock' 2>/dev/null | grep -q .; }
for idx in "${!jdks[@]}"; do
  JAVA_HOME="${jdks[$idx]}" "$launcher" validate "$plugin" > /dev/null
  for ((wait = 0; wait < 600; wait++)); do
    if [ "$(archives)" -gt "$idx" ] && ! recording; then break; fi
    sleep 1
  done
done
[ "$(archives)" -eq "${#jdks[@]}" ] || echo "note: an archive was not recorded: its launcher rows ran plain" >&2

# Each row: a label, the JDK whose `java -version` it is compared with, and the command.
labels=(); bases=(); commands=()
row() { labels+=("$1"); bases+=("$2"); commands+=("$3"); }
row "luacheck handler.lua schema.lua" "" "luacheck $plugin/handler.lua $plugin/schema.lua"
for jdk in "${jdks[@]}"; do
  v="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  row "JDK $v: java -version" "$jdk" "'$jdk/bin/java' -version"
  row "JDK $v: java -jar cli --version" "$jdk" "'$jdk/bin/java' -jar '$cli_jar' --version"
  row "JDK $v: java -jar cli validate" "$jdk" "'$jdk/bin/java' -jar '$cli_jar' validate '$plugin'"
  row "JDK $v: launcher --version" "$jdk" "JAVA_HOME='$jdk' '$launcher' --version"
  row "JDK $v: launcher validate (archive)" "$jdk" "JAVA_HOME='$jdk' '$launcher' validate '$plugin'"
  if [ -n "${BEFORE_JAR:-}" ]; then
    row "JDK $v: before: java -jar cli --version" "$jdk" "'$jdk/bin/java' -jar '$BEFORE_JAR' --version"
    row "JDK $v: before: java -jar cli validate" "$jdk" "'$jdk/bin/java' -jar '$BEFORE_JAR' validate '$plugin'"
  fi
done
declare -A times
for ((i = 0; i < runs; i++)); do
  for k in "${!commands[@]}"; do
    start=$(millis)
    eval "${commands[$k]}" > /dev/null 2>&1 || true
    times[$k]+="$(( $(millis) - start )) "
  done
done
declare -A version_ms
for k in "${!commands[@]}"; do
  # shellcheck disable=SC2086
  ms[$k]=$(median ${times[$k]})
  case "${labels[$k]}" in *": java -version") version_ms[${bases[$k]}]=${ms[$k]} ;; esac
done
luacheck_ms=${ms[0]}
echo "| CLI start-up, fresh JVM, median of $runs | ms | x java -version (same JDK) | x luacheck |"
echo "|---|---|---|---|"
for k in "${!commands[@]}"; do
  base=${bases[$k]}
  ratio_java="-"
  [ -n "$base" ] && ratio_java="$(awk -v a="${ms[$k]}" -v b="${version_ms[$base]}" 'BEGIN {printf "%.2fx", a / b}')"
  ratio_lua="$(awk -v a="${ms[$k]}" -v b="$luacheck_ms" 'BEGIN {printf "%.2fx", a / b}')"
  echo "| ${labels[$k]} | ${ms[$k]} | $ratio_java | $ratio_lua |"
done
