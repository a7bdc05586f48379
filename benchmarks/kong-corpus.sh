#!/usr/bin/env bash
# A corpus of real plugins: the handler.lua and schema.lua of Kong's bundled plugins (Apache-2.0) at a few releases,
# read from a clone of Kong's repository, as OUT/kong-<ref>/<name>/{handler,schema}.lua. A plugin whose two files are
# the same as at an earlier ref is left out, so every plugin of the corpus is a different pair of files.
# Usage: benchmarks/kong-corpus.sh OUT [REF...]
#   KONG_GIT: Kong's git directory (default /work/.mirror/Kong+kong/repo); a bare or a normal clone.
#   REFs default to the clone's HEAD, 2.8.0 and 1.0.0: about 106 plugins, 212 files.
set -euo pipefail
out="${1:?usage: kong-corpus.sh OUT [REF...]}"
shift
refs=("$@")
[ ${#refs[@]} -gt 0 ] || refs=(HEAD 2.8.0 1.0.0)
git_dir="${KONG_GIT:-/work/.mirror/Kong+kong/repo}"
kong() { git --git-dir="$git_dir" "$@"; }
kong rev-parse --verify -q HEAD > /dev/null || {
  echo "kong-corpus.sh: no Kong repository at $git_dir (set KONG_GIT to a clone of github.com/Kong/kong)" >&2
  exit 64
}
mkdir -p "$out"
declare -A seen
count=0
for ref in "${refs[@]}"; do
  label="kong-$(echo "$ref" | tr -c 'A-Za-z0-9.\n' '-')"
  for name in $(kong ls-tree --name-only "$ref:kong/plugins"); do
    base="$ref:kong/plugins/$name"
    handler=$(kong rev-parse -q --verify "$base/handler.lua" 2> /dev/null) || continue
    schema=$(kong rev-parse -q --verify "$base/schema.lua" 2> /dev/null) || continue
    [ -z "${seen[$handler$schema]:-}" ] || continue
    seen[$handler$schema]=1
    mkdir -p "$out/$label/$name"
    kong cat-file blob "$handler" > "$out/$label/$name/handler.lua"
    kong cat-file blob "$schema" > "$out/$label/$name/schema.lua"
    count=$((count + 1))
  done
done
echo "$count plugins in $out" >&2
