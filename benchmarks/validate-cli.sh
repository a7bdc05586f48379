#!/usr/bin/env bash
# The validation CLI against luacheck on the same files: the handler.lua and schema.lua of Kong's bundled plugins
# (benchmarks/kong-corpus.sh), each tool in a fresh process, alternating, RUNS rounds. Prints the medians of each
# tool's wall and CPU (user + sys, threads and JIT included) time and the medians of the per-round ratios CLI/luacheck,
# so that a busy machine slows both sides of a round alike.
# Usage: benchmarks/validate-cli.sh [RUNS]   (default 5)
#   CORPUS     a folder kong-corpus.sh made (default: made now in a temporary folder, from KONG_GIT)
#   CLI        the command to time (default: java $JAVA_OPTS -jar cli/target/konnect-plugins-cli-<version>.jar)
#   JAVA_OPTS  JVM options for the default command, e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
#   COPIES     validate the corpus this many times over (default 1), as copies in a temporary folder: the same work
#              per plugin, so the rows show how the JVM's fixed cost spreads over more plugins
# Installs Debian's lua-check (luacheck) with apt-get when it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v luacheck > /dev/null; then
  echo "validate-cli.sh: installing Debian's lua-check for luacheck" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq > /dev/null && $sudo apt-get install -y -qq lua-check > /dev/null
fi
corpus="${CORPUS:-}"
if [ -z "$corpus" ]; then
  corpus="$work/corpus"
  "$here/kong-corpus.sh" "$corpus" 2> /dev/null
fi
if [ -z "${CLI:-}" ]; then
  jar="$(ls "$here"/../cli/target/konnect-plugins-cli-*.jar 2> /dev/null | grep -v -e sources -e javadoc -e original \
    | head -n 1)"
  [ -n "$jar" ] || { echo "validate-cli.sh: no CLI jar: mvn -pl cli -am package -DskipTests" >&2; exit 64; }
  CLI="java ${JAVA_OPTS:-} -jar $jar"
fi
copies="${COPIES:-1}"
if [ "$copies" -gt 1 ]; then
  mkdir -p "$work/copies"
  for ((c = 1; c <= copies; c++)); do
    for entry in "$corpus"/*; do
      cp -R "$entry" "$work/copies/${entry##*/}-$c"
    done
  done
  corpus="$work/copies"
fi
mapfile -t files < <(find "$corpus" -name '*.lua' | sort)
plugins=$(find "$corpus" -name handler.lua | wc -l)
bytes=$(cat "${files[@]}" | wc -c)

# Runs a command; prints "wall_ms cpu_ms" (CPU: user + sys of the process and its children).
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > "$work/out" 2>&1 || true
  # GNU time writes "Command exited with non-zero status N" first when it is not 0 (both tools' exit for findings).
  tail -n 1 "$work/time" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}
# Both tools must have read every file: the CLI reports each plugin, luacheck each file.
check_outputs() {
  grep -q "^$plugins plugins checked" "$work/cli.out" || {
    echo "validate-cli.sh: the CLI did not check $plugins plugins:" >&2; tail -n 5 "$work/cli.out" >&2; exit 1; }
  grep -q "in ${#files[@]} files" "$work/luacheck.out" || {
    echo "validate-cli.sh: luacheck did not check ${#files[@]} files:" >&2; tail -n 5 "$work/luacheck.out" >&2; exit 1; }
}

: > "$work/rounds"
for ((i = 0; i < runs; i++)); do
  # The order flips every round, so that neither tool always runs first.
  for tool in $([ $((i % 2)) -eq 0 ] && echo "cli luacheck" || echo "luacheck cli"); do
    if [ "$tool" = cli ]; then
      # shellcheck disable=SC2086 # CLI is a command line
      read -r cli_wall cli_cpu < <(timed $CLI validate "$corpus"/*)
      cp "$work/out" "$work/cli.out"
    else
      read -r lc_wall lc_cpu < <(timed luacheck --no-config --no-color "${files[@]}")
      cp "$work/out" "$work/luacheck.out"
    fi
  done
  check_outputs
  echo "$cli_wall $cli_cpu $lc_wall $lc_cpu" >> "$work/rounds"
done

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
column() { awk "{print $1}" "$work/rounds" | median; }
printf '| validation: CLI vs luacheck, %d plugins (%d files, %d KB), fresh processes, median of %d | ' \
  "$plugins" "${#files[@]}" $((bytes / 1024)) "$runs"
printf 'CPU %sx (CLI %s ms, luacheck %s ms), wall %sx (CLI %s ms, luacheck %s ms) |\n' \
  "$(column '$2 / $4' | xargs printf '%.2f')" "$(column '$2')" "$(column '$4')" \
  "$(column '$1 / $3' | xargs printf '%.2f')" "$(column '$1')" "$(column '$3')"
