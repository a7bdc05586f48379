#!/usr/bin/env bash
# Differential run of the validator against the Kong oracle on freshly generated plugins (see README.md).
#
#   run.sh OUT_DIR SEED [SCALE]
#
# Needs the oracle (ORACLE, default ../shared/tools/kong-oracle/run.sh of the workspace, set up as its README says)
# and the CLI jar (JAR, default cli/target/konnect-plugins-cli-*-SNAPSHOT.jar: `mvn -o -q -pl cli -am package
# -DskipTests`). Writes OUT_DIR/plugins/, OUT_DIR/oracle.jsonl, OUT_DIR/validator.json and prints the agreement.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
OUT=$1 SEED=$2 SCALE=${3:-1.0}
ORACLE=${ORACLE:-/work/shared/tools/kong-oracle/run.sh}
JAR=${JAR:-$(ls "$ROOT"/cli/target/konnect-plugins-cli-*-SNAPSHOT.jar | grep -v -e sources -e javadoc -e original | head -1)}
mkdir -p "$OUT"
python3 "$HERE/generate.py" "$OUT/plugins" "$SEED" "$SCALE"
if [ "${SKIP_ORACLE:-}" = "" ]; then
  "$ORACLE" "$OUT"/plugins/*/ 2> "$OUT/oracle.err" | grep -a '^{"path"' > "$OUT/oracle.jsonl" || true
fi
java -jar "$JAR" validate --output json "$OUT"/plugins/*/ > "$OUT/validator.json" 2> "$OUT/validator.err" || true
python3 "$HERE/compare.py" "$OUT/oracle.jsonl" "$OUT/validator.json" --diffs > "$OUT/compare.txt"
grep -v '^  DIFF' "$OUT/compare.txt"
echo "differences: $OUT/compare.txt"
